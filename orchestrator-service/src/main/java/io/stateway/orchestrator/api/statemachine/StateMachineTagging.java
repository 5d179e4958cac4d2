package io.stateway.orchestrator.api.statemachine;

import io.stateway.orchestrator.api.Arns;
import io.stateway.orchestrator.api.StatesArn;
import io.stateway.orchestrator.api.tag.TaggedResources;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** State machines carry tags; their versions and aliases do not (AWS: {@code ResourceNotFound}). */
@Component
class StateMachineTagging implements TaggedResources {

    private final StateMachineRepository machines;
    private final Arns arns;

    StateMachineTagging(StateMachineRepository machines, Arns arns) {
        this.machines = machines;
        this.arns = arns;
    }

    @Override
    public String resourceType() {
        return "stateMachine";
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(StatesArn arn) {
        return StateMachineRef.parse(arn.text()) instanceof StateMachineRef.Latest latest
                && latest.isLocal(arns)
                && machines.findByName(latest.name()).isPresent();
    }
}
