package io.stateway.orchestrator.api.statemachine;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.ApiClock;
import io.stateway.orchestrator.api.Arns;
import org.springframework.stereotype.Component;

/**
 * Publishes a machine's current revision as a version, inside the caller's transaction (which holds
 * the machine's row lock). Publishing is idempotent per revision: a revision that already has a
 * version gets that version back.
 */
@Component
class Publisher {

    /** AWS's quota of versions per state machine. */
    static final int MAX_VERSIONS = 1000;

    private final VersionRepository versions;
    private final Arns arns;
    private final ApiClock clock;

    Publisher(VersionRepository versions, Arns arns, ApiClock clock) {
        this.versions = versions;
        this.arns = arns;
        this.clock = clock;
    }

    VersionEntity publish(StateMachineEntity machine, String description) {
        return versions.findFirstByStateMachineAndRevisionOrderByVersionNumberDesc(
                        machine.id(), machine.currentRevision())
                .orElseGet(() -> {
                    if (versions.countByStateMachine(machine.id()) >= MAX_VERSIONS) {
                        throw new StepFunctionsException(
                                "ServiceQuotaExceededException",
                                "State machine '" + arns.stateMachine(machine.name()) + "' has reached the limit of "
                                        + MAX_VERSIONS + " versions: delete versions before publishing more");
                    }
                    return versions.save(new VersionEntity(
                            machine.id(),
                            machine.takeVersionNumber(),
                            machine.currentRevision(),
                            description,
                            clock.now()));
                });
    }

    String arn(StateMachineEntity machine, VersionEntity version) {
        return arns.version(machine.name(), version.versionNumber());
    }
}
