package io.stateway.orchestrator.asl.choice;

import io.stateway.orchestrator.asl.EvaluationScope;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One element of a JSONPath-dialect Choice state's {@code Choices}: its {@link Condition}, the state it leads to
 * and, when present, its raw {@code Assign} block. Evaluating the condition is this package's business; moving
 * to {@code next} and applying {@code assign} (a payload template) belong to the state.
 */
public record ChoiceRule(Condition condition, String next, Optional<JsonNode> assign) {

    /**
     * Compiles a top-level rule: a condition plus {@code Next} (required), {@code Assign} and {@code Comment}.
     *
     * @throws InvalidChoiceRuleException when the rule is malformed
     */
    public static ChoiceRule parse(JsonNode rule) {
        Condition condition = RuleParser.condition(rule, "", true);
        JsonNode next = rule.get("Next");
        if (next == null || !next.isString() || next.stringValue().isEmpty()) {
            throw new InvalidChoiceRuleException("/Next", "A choice rule must have a 'Next' state name");
        }
        return new ChoiceRule(condition, next.stringValue(), Optional.ofNullable(rule.get("Assign")));
    }

    /** Whether the rule's condition holds in the scope. */
    public boolean matches(EvaluationScope scope) {
        return condition.evaluate(scope);
    }
}
