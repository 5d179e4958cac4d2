package io.stateway.orchestrator.asl.state;

import io.stateway.model.history.HistoryEventType;
import io.stateway.orchestrator.asl.Failure;
import io.stateway.orchestrator.asl.definition.QueryLanguage;
import io.stateway.orchestrator.asl.definition.Transition;
import io.stateway.orchestrator.asl.expr.ValueExpression;
import io.stateway.orchestrator.asl.jsonata.JsonataTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code Fail}: ends its flow with an error and cause, fixed or computed ({@code ErrorPath},
 * {@code CausePath}, or JSONata in {@code Error}/{@code Cause}). Each part may be absent.
 */
public record FailState(
        String name,
        QueryLanguage queryLanguage,
        String error,
        String cause,
        ValueExpression errorPath,
        ValueExpression causePath,
        JsonataTemplate errorJsonata,
        JsonataTemplate causeJsonata)
        implements State {

    @Override
    public Transition transition() {
        return Transition.END;
    }

    @Override
    public HistoryEventType enteredEventType() {
        return HistoryEventType.FailStateEntered;
    }

    @Override
    public HistoryEventType exitedEventType() {
        return null;
    }

    @Override
    public StepResult execute(StateContext context) {
        String errorValue = error;
        String causeValue = cause;
        if (queryLanguage == QueryLanguage.JSONATA) {
            if (errorJsonata != null) {
                errorValue = text(errorJsonata.evaluate(context.jsonataScope(null, null)));
            }
            if (causeJsonata != null) {
                causeValue = text(causeJsonata.evaluate(context.jsonataScope(null, null)));
            }
        } else {
            if (errorPath != null) {
                errorValue = text(errorPath.evaluate(context.scope(context.input())));
            }
            if (causePath != null) {
                causeValue = text(causePath.evaluate(context.scope(context.input())));
            }
        }
        return new StepResult.Failed(new Failure(errorValue, causeValue));
    }

    private static String text(JsonNode value) {
        return value.isString() ? value.stringValue() : value.toString();
    }
}
