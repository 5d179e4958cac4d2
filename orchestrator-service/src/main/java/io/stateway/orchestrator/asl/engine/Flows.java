package io.stateway.orchestrator.asl.engine;

import io.stateway.orchestrator.asl.definition.Flow;
import io.stateway.orchestrator.asl.definition.StateMachine;
import io.stateway.orchestrator.asl.state.ForkingState;
import java.util.List;

/** Finds the flow a cursor runs from its path through Parallel and Map states. */
final class Flows {

    private Flows() {}

    static Flow resolve(StateMachine machine, List<FlowStep> path) {
        Flow flow = machine.flow();
        for (FlowStep step : path) {
            flow = ((ForkingState) flow.state(step.state())).childFlow(step.branch());
        }
        return flow;
    }
}
