package io.stateway.orchestrator.api.statemachine;

import io.stateway.orchestrator.api.Arns;
import io.stateway.orchestrator.api.StatesArn;
import java.util.List;

/**
 * What a state machine ARN points at: the machine itself (its latest revision), one of its
 * versions ({@code ...:stateMachine:Orders:3}) or one of its aliases ({@code
 * ...:stateMachine:Orders:prod}). Alias names always hold a non-digit, so the two qualifiers never
 * clash.
 */
public sealed interface StateMachineRef {

    /** The ARN as the caller gave it (for error messages). */
    String arn();

    /** The state machine's name. */
    String name();

    record Latest(String arn, String name) implements StateMachineRef {}

    /** A version; {@code number} 0 stands for a qualifier too long to be any version's. */
    record Version(String arn, String name, int number) implements StateMachineRef {}

    record Alias(String arn, String name, String alias) implements StateMachineRef {}

    /** Parses a state machine, version or alias ARN, or throws {@code InvalidArn}. */
    static StateMachineRef parse(String arn) {
        StatesArn parsed = StatesArn.parse(arn, "stateMachine");
        List<String> resource = parsed.resource();
        if (resource.size() > 2) {
            throw StatesArn.invalid("Invalid ARN: " + arn);
        }
        String name = resource.getFirst();
        if (resource.size() == 1) {
            return new Latest(arn, name);
        }
        String qualifier = resource.get(1);
        if (qualifier.chars().allMatch(Character::isDigit)) {
            return new Version(arn, name, qualifier.length() > 9 ? 0 : Integer.parseInt(qualifier));
        }
        return new Alias(arn, name, qualifier);
    }

    /**
     * Whether the ARN is one this service minted: its partition, region and account are ours and
     * it is written the way we write it (a version {@code :01} is not version 1). Any other ARN
     * names a resource that does not exist here.
     */
    default boolean isLocal(Arns arns) {
        String canonical = switch (this) {
            case Latest latest -> arns.stateMachine(latest.name());
            case Version version -> arns.version(version.name(), version.number());
            case Alias alias -> arns.alias(alias.name(), alias.alias());
        };
        return canonical.equals(arn());
    }
}
