package io.stateway.orchestrator.asl.state;

import io.stateway.model.history.HistoryEventType;
import io.stateway.orchestrator.asl.definition.QueryLanguage;
import io.stateway.orchestrator.asl.definition.Transition;
import tools.jackson.databind.JsonNode;

/**
 * {@code Pass}: passes its input on, or a fixed {@code Result}, or what {@code Parameters} /
 * {@code Output} make of it.
 *
 * @param result the literal {@code Result}, or {@code null}
 */
public record PassState(
        String name,
        QueryLanguage queryLanguage,
        Transition transition,
        JsonPathIo io,
        JsonNode result,
        JsonataIo jsonata,
        Assign assign)
        implements State {

    @Override
    public HistoryEventType enteredEventType() {
        return HistoryEventType.PassStateEntered;
    }

    @Override
    public HistoryEventType exitedEventType() {
        return HistoryEventType.PassStateExited;
    }

    @Override
    public StepResult execute(StateContext context) {
        if (queryLanguage == QueryLanguage.JSONATA) {
            var assigned = DataFlow.assigned(assign, context, null);
            JsonNode output = DataFlow.jsonataOutput(jsonata.output(), context, null, null, context.input());
            return new StepResult.Completed(output, assigned, null);
        }
        JsonNode value =
                result != null ? result : DataFlow.parameters(io, context, DataFlow.effectiveInput(io, context));
        var assigned = DataFlow.assigned(assign, context, value);
        return new StepResult.Completed(DataFlow.output(io, context, value), assigned, null);
    }
}
