package io.stateway.orchestrator.asl.state;

import io.stateway.model.asl.StatesErrors;
import io.stateway.model.history.HistoryEventType;
import io.stateway.orchestrator.asl.EvaluationScope;
import io.stateway.orchestrator.asl.Failure;
import io.stateway.orchestrator.asl.definition.QueryLanguage;
import io.stateway.orchestrator.asl.definition.Transition;
import io.stateway.orchestrator.asl.expr.ConditionExpression;
import io.stateway.orchestrator.asl.jsonata.JsonataExpression;
import io.stateway.orchestrator.asl.jsonata.JsonataTemplate;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code Choice}: goes to the {@code Next} of the first rule whose condition holds, else to
 * {@code Default}, else fails with {@code States.NoChoiceMatched}. A rule may carry its own
 * {@code Assign} and (JSONata) {@code Output}; the state's own apply when {@code Default} is taken.
 *
 * @param defaultNext the {@code Default} state, or {@code null}
 */
public record ChoiceState(
        String name,
        QueryLanguage queryLanguage,
        List<Rule> choices,
        String defaultNext,
        JsonPathIo io,
        JsonataIo jsonata,
        Assign assign)
        implements State {

    /**
     * One element of {@code Choices}: a JSONPath {@code condition} or a JSONata one.
     *
     * @param output the rule's JSONata {@code Output}, or {@code null}
     */
    public record Rule(
            ConditionExpression condition,
            JsonataExpression jsonataCondition,
            String next,
            Assign assign,
            JsonataTemplate output) {}

    public ChoiceState {
        choices = List.copyOf(choices);
    }

    @Override
    public Transition transition() {
        return null;
    }

    @Override
    public HistoryEventType enteredEventType() {
        return HistoryEventType.ChoiceStateEntered;
    }

    @Override
    public HistoryEventType exitedEventType() {
        return HistoryEventType.ChoiceStateExited;
    }

    @Override
    public StepResult execute(StateContext context) {
        return queryLanguage == QueryLanguage.JSONATA ? chooseJsonata(context) : chooseJsonPath(context);
    }

    private StepResult chooseJsonPath(StateContext context) {
        JsonNode effective = DataFlow.effectiveInput(io, context);
        EvaluationScope scope = context.scope(effective);
        for (Rule rule : choices) {
            if (rule.condition().test(scope)) {
                return completed(context, effective, rule.assign(), rule.next());
            }
        }
        if (defaultNext == null) {
            return noMatch();
        }
        return completed(context, effective, assign, defaultNext);
    }

    private StepResult completed(StateContext context, JsonNode effective, Assign ruleAssign, String next) {
        var assigned = DataFlow.assigned(ruleAssign, context, effective);
        JsonNode output = io.outputPath() == null ? effective : io.outputPath().require(context.scope(effective));
        return new StepResult.Completed(output, assigned, next);
    }

    private StepResult chooseJsonata(StateContext context) {
        var scope = context.jsonataScope(null, null);
        for (Rule rule : choices) {
            JsonNode holds = rule.jsonataCondition().evaluate(scope);
            if (!holds.isBoolean()) {
                throw rule.jsonataCondition()
                        .error("returned an unexpected result type. Expected 'boolean', but was '"
                                + JsonTypes.name(holds) + "' for value: " + holds);
            }
            if (holds.booleanValue()) {
                return completedJsonata(context, rule.assign(), rule.output(), rule.next());
            }
        }
        if (defaultNext == null) {
            return noMatch();
        }
        return completedJsonata(context, assign, jsonata.output(), defaultNext);
    }

    private StepResult completedJsonata(StateContext context, Assign ruleAssign, JsonataTemplate output, String next) {
        var assigned = DataFlow.assigned(ruleAssign, context, null);
        return new StepResult.Completed(
                DataFlow.jsonataOutput(output, context, null, null, context.input()), assigned, next);
    }

    private static StepResult noMatch() {
        return new StepResult.Failed(new Failure(StatesErrors.NO_CHOICE_MATCHED, "No Matches!"));
    }
}
