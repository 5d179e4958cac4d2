package io.stateway.orchestrator.api.statemachine;

import io.stateway.model.StateMachineType;
import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.ApiRandom;
import io.stateway.orchestrator.api.Arns;
import io.stateway.orchestrator.runtime.ExecutionService.ExecutionDescription;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the execution actions need from the control plane: the definition and role a state
 * machine, version or alias ARN runs (an alias picks one of its versions by weight), whether an ARN
 * can be listed, and the revision an execution ran.
 */
@Service
public class ExecutionTargets {

    static final String CURRENT_REVISION = """
            SELECT m.type, r.role_arn, r.definition
              FROM state_machines m JOIN state_machine_revisions r ON r.id = m.current_revision
             WHERE m.name = :name""";

    private final StateMachineRepository machines;
    private final RevisionRepository revisions;
    private final VersionRepository versions;
    private final AliasCatalog aliases;
    private final Arns arns;
    private final ApiRandom random;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    ExecutionTargets(
            StateMachineRepository machines,
            RevisionRepository revisions,
            VersionRepository versions,
            AliasCatalog aliases,
            Arns arns,
            ApiRandom random,
            JdbcClient jdbc,
            PlatformTransactionManager jpaTransactions) {
        this.machines = machines;
        this.revisions = revisions;
        this.versions = versions;
        this.aliases = aliases;
        this.arns = arns;
        this.random = random;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(jpaTransactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * What an execution started through {@code arn} runs.
     *
     * @param versionArn the version that runs, {@code null} for the machine's latest revision
     * @param aliasArn the alias it was started through, or {@code null}
     */
    public record Target(
            String stateMachineArn,
            String stateMachineName,
            StateMachineType type,
            String versionArn,
            String aliasArn,
            String roleArn,
            String definition) {}

    /** Resolves a StartExecution target; {@code InvalidArn} or {@code StateMachineDoesNotExist}. */
    public Target forStart(String arn) {
        return switch (StateMachineRef.parse(arn)) {
            case StateMachineRef.Latest latest ->
                currentRevision(latest).orElseThrow(() -> StepFunctionsException.stateMachineDoesNotExist(arn));
            case StateMachineRef.Version version ->
                readOnly.execute(status -> {
                    StateMachineEntity machine = machine(version);
                    VersionEntity row = versions.findByStateMachineAndVersionNumber(machine.id(), version.number())
                            .orElseThrow(() -> StepFunctionsException.stateMachineDoesNotExist(arn));
                    return target(machine, revisions.getReferenceById(row.revision()), version.arn(), null);
                });
            case StateMachineRef.Alias alias ->
                readOnly.execute(status -> {
                    StateMachineEntity machine = machine(alias);
                    AliasEntity row =
                            aliases.find(alias).orElseThrow(() -> StepFunctionsException.stateMachineDoesNotExist(arn));
                    AliasEntity.Route route = Routing.pick(row.routes(), random::nextDouble);
                    VersionEntity version = versions.getReferenceById(route.version());
                    return target(
                            machine,
                            revisions.getReferenceById(version.revision()),
                            arns.version(machine.name(), version.versionNumber()),
                            alias.arn());
                });
        };
    }

    /**
     * A machine's own ARN (its latest revision), the common case and StartExecution's hot path: one
     * plain query, no JPA session.
     */
    private Optional<Target> currentRevision(StateMachineRef.Latest latest) {
        if (!latest.isLocal(arns)) {
            return Optional.empty();
        }
        return jdbc.sql(CURRENT_REVISION)
                .param("name", latest.name())
                .query((rs, row) -> new Target(
                        arns.stateMachine(latest.name()),
                        latest.name(),
                        StateMachineType.valueOf(rs.getString("type")),
                        null,
                        null,
                        rs.getString("role_arn"),
                        rs.getString("definition")))
                .optional();
    }

    /**
     * The type of the machine whose executions ListExecutions lists by {@code arn} (a machine,
     * version or alias ARN); {@code InvalidArn} or {@code StateMachineDoesNotExist}.
     */
    @Transactional(readOnly = true)
    public StateMachineType forList(String arn) {
        StateMachineRef ref = StateMachineRef.parse(arn);
        StateMachineEntity machine = machine(ref);
        boolean exists = switch (ref) {
            case StateMachineRef.Latest latest -> true;
            case StateMachineRef.Version version ->
                versions.findByStateMachineAndVersionNumber(machine.id(), version.number())
                        .isPresent();
            case StateMachineRef.Alias alias -> aliases.find(alias).isPresent();
        };
        if (!exists) {
            throw StepFunctionsException.stateMachineDoesNotExist(arn);
        }
        return machine.type();
    }

    /** The configuration a state machine had when an execution of it ran. */
    public record Revision(
            String roleArn,
            Instant updateDate,
            LoggingConfiguration loggingConfiguration,
            TracingConfiguration tracingConfiguration,
            String revisionId) {}

    /**
     * The revision an execution ran: its version's, or the newest revision of its machine with the
     * execution's definition at the time it started. Revisions outlive their machines, so this
     * answers for executions of deleted machines too.
     */
    @Transactional(readOnly = true)
    public Optional<Revision> revisionOf(ExecutionDescription execution) {
        Optional<RevisionEntity> byVersion = Optional.ofNullable(execution.versionArn())
                .map(StateMachineRef::parse)
                .filter(StateMachineRef.Version.class::isInstance)
                .map(StateMachineRef.Version.class::cast)
                .flatMap(version -> machines.findByName(version.name())
                        .flatMap(m -> versions.findByStateMachineAndVersionNumber(m.id(), version.number())))
                .flatMap(version -> revisions.findById(version.revision()))
                .filter(revision -> revision.definition().equals(execution.definition()));
        return byVersion
                .or(() ->
                        revisions
                                .findFirstByStateMachineNameAndDefinitionAndCreatedAtLessThanEqualOrderByCreatedAtDescIdDesc(
                                        execution.stateMachineName(), execution.definition(), execution.startDate()))
                .or(() -> revisions.findFirstByStateMachineNameAndDefinitionOrderByCreatedAtDescIdDesc(
                        execution.stateMachineName(), execution.definition()))
                .map(revision -> new Revision(
                        revision.roleArn(),
                        revision.createdAt(),
                        StateMachineCatalog.logging(revision),
                        new TracingConfiguration(revision.tracingEnabled()),
                        revision.revisionId()));
    }

    private StateMachineEntity machine(StateMachineRef ref) {
        return Optional.of(ref)
                .filter(r -> r.isLocal(arns))
                .flatMap(r -> machines.findByName(r.name()))
                .orElseThrow(() -> StepFunctionsException.stateMachineDoesNotExist(ref.arn()));
    }

    private Target target(StateMachineEntity machine, RevisionEntity revision, String versionArn, String aliasArn) {
        return new Target(
                arns.stateMachine(machine.name()),
                machine.name(),
                machine.type(),
                versionArn,
                aliasArn,
                revision.roleArn(),
                revision.definition());
    }
}
