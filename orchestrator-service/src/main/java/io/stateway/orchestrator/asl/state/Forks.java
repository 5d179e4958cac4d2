package io.stateway.orchestrator.asl.state;

import io.stateway.orchestrator.asl.definition.QueryLanguage;
import tools.jackson.databind.JsonNode;

/** What Parallel and Map share once their children are done: shaping the combined result. */
final class Forks {

    private Forks() {}

    static StepResult completed(
            State state, JsonPathIo io, JsonataIo jsonata, Assign assign, StateContext context, JsonNode outputs) {
        if (state.queryLanguage() == QueryLanguage.JSONATA) {
            var assigned = DataFlow.assigned(assign, context, outputs);
            return new StepResult.Completed(
                    DataFlow.jsonataOutput(jsonata.output(), context, outputs, null, outputs), assigned, null);
        }
        JsonNode selected = DataFlow.selectResult(io, context, outputs);
        var assigned = DataFlow.assigned(assign, context, selected);
        return new StepResult.Completed(DataFlow.output(io, context, selected), assigned, null);
    }
}
