package io.stateway.orchestrator.asl.state;

import io.stateway.model.history.HistoryEventType;
import io.stateway.orchestrator.asl.definition.QueryLanguage;
import io.stateway.orchestrator.asl.definition.Transition;
import tools.jackson.databind.JsonNode;

/** {@code Succeed}: ends its flow successfully with its (filtered) input as output. */
public record SucceedState(String name, QueryLanguage queryLanguage, JsonPathIo io, JsonataIo jsonata)
        implements State {

    @Override
    public Transition transition() {
        return Transition.END;
    }

    @Override
    public HistoryEventType enteredEventType() {
        return HistoryEventType.SucceedStateEntered;
    }

    @Override
    public HistoryEventType exitedEventType() {
        return HistoryEventType.SucceedStateExited;
    }

    @Override
    public StepResult execute(StateContext context) {
        if (queryLanguage == QueryLanguage.JSONATA) {
            return new StepResult.Completed(
                    DataFlow.jsonataOutput(jsonata.output(), context, null, null, context.input()));
        }
        JsonNode effective = DataFlow.effectiveInput(io, context);
        JsonNode output = io.outputPath() == null ? effective : io.outputPath().require(context.scope(effective));
        return new StepResult.Completed(output);
    }
}
