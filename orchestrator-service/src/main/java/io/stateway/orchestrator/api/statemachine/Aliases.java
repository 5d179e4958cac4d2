package io.stateway.orchestrator.api.statemachine;

import io.stateway.orchestrator.StepFunctionsException;

/** Reading alias ARNs. */
final class Aliases {

    private Aliases() {}

    /** The alias an ARN names, or {@code InvalidArn} for any other state machine ARN. */
    static StateMachineRef.Alias ref(String arn) {
        if (StateMachineRef.parse(arn) instanceof StateMachineRef.Alias alias) {
            return alias;
        }
        throw new StepFunctionsException("InvalidArn", "Invalid Arn: 'Not a state machine alias ARN: " + arn + "'");
    }
}
