package io.stateway.orchestrator.asl.validation;

import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code Retry} and {@code Catch} of Task, Parallel and Map states: their fields and ranges, and
 * the rule that {@code States.ALL} appears alone in its {@code ErrorEquals} and only in the last
 * retrier or catcher. AWS's wording of the {@code States.ALL} findings is not recorded; ours says
 * what is wrong where AWS reports it.
 */
final class RetryCatchRules {

    private static final String ALL = io.stateway.model.asl.StatesErrors.ALL;
    private static final long MAX_DELAY_SECONDS = 31_622_400L;
    private static final Shape RETRIER = Shape.of(
            List.of("ErrorEquals"),
            "IntervalSeconds",
            "MaxAttempts",
            "BackoffRate",
            "MaxDelaySeconds",
            "JitterStrategy",
            "Comment");
    private static final Shape JSONPATH_CATCHER =
            Shape.of(List.of("ErrorEquals", "Next"), "ResultPath", "Assign", "Comment");
    private static final Shape JSONATA_CATCHER =
            Shape.of(List.of("ErrorEquals", "Next"), "Output", "Assign", "Comment");

    private RetryCatchRules() {}

    static void check(StateScope scope) {
        Inspection in = scope.in();
        if (scope.has("Retry")) {
            elements(scope, "Retry").forEach(i -> retrier(in, scope.get("Retry"), i, scope.field("Retry")));
        }
        if (scope.has("Catch")) {
            elements(scope, "Catch").forEach(i -> catcher(scope, i));
        }
    }

    private static java.util.stream.IntStream elements(StateScope scope, String field) {
        JsonNode array = scope.get(field);
        if (!array.isArray()) {
            scope.in().schema(Fields.typeMessage("Array"), scope.field(field));
            return java.util.stream.IntStream.empty();
        }
        return java.util.stream.IntStream.range(0, array.size());
    }

    private static void retrier(Inspection in, JsonNode retry, int index, Location arrayAt) {
        JsonNode retrier = retry.get(index);
        Location at = arrayAt.index(index);
        if (!retrier.isObject()) {
            in.schema(Fields.typeMessage("Object"), at);
            return;
        }
        RETRIER.check(in, retrier, at);
        Fields.string(in, retrier, at, "Comment");
        errorEquals(in, retrier, at, index == retry.size() - 1, "Retrier");
        Fields.integer(in, retrier, at, "IntervalSeconds", 1, Fields.MAX_SECONDS);
        Fields.integer(in, retrier, at, "MaxAttempts", 0, Fields.MAX_SECONDS);
        Fields.number(in, retrier, at, "BackoffRate", BigDecimal.ONE, BigDecimal.valueOf(Fields.MAX_SECONDS));
        Fields.integer(in, retrier, at, "MaxDelaySeconds", 1, MAX_DELAY_SECONDS);
        Fields.enumeration(in, retrier, at, "JitterStrategy", List.of("FULL", "NONE"));
    }

    private static void catcher(StateScope scope, int index) {
        Inspection in = scope.in();
        JsonNode catches = scope.get("Catch");
        JsonNode catcher = catches.get(index);
        Location at = scope.field("Catch").index(index);
        if (!catcher.isObject()) {
            in.schema(Fields.typeMessage("Object"), at);
            return;
        }
        (scope.jsonata() ? JSONATA_CATCHER : JSONPATH_CATCHER).check(in, catcher, at);
        Fields.string(in, catcher, at, "Comment");
        errorEquals(in, catcher, at, index == catches.size() - 1, "Catcher");
        Fields.nonEmptyString(in, catcher, at, "Next");
        if (scope.jsonata()) {
            JsonNode output = catcher.get("Output");
            if (output != null) {
                JsonataExpressions.checkTemplate(in, output, "Output", at.field("Output"));
            }
        } else {
            PathFields.resultPath(in, catcher, at);
        }
        JsonNode assign = catcher.get("Assign");
        if (assign != null) {
            AssignRules.check(in, assign, at.field("Assign"), scope.language());
        }
    }

    private static void errorEquals(Inspection in, JsonNode owner, Location at, boolean last, String kind) {
        Fields.nonEmptyArray(in, owner, at, "ErrorEquals").ifPresent(errors -> {
            Location errorsAt = at.field("ErrorEquals");
            boolean hasAll = false;
            for (int i = 0; i < errors.size(); i++) {
                JsonNode error = errors.get(i);
                if (!error.isString()) {
                    in.schema(Fields.typeMessage("String"), errorsAt.index(i));
                } else if (error.stringValue().isEmpty()) {
                    in.schema(Fields.emptyMessage(), errorsAt.index(i));
                } else if (ALL.equals(error.stringValue())) {
                    hasAll = true;
                }
            }
            if (hasAll && errors.size() > 1) {
                in.schema("'" + ALL + "' must appear alone in ErrorEquals", errorsAt);
            }
            if (hasAll && !last) {
                in.schema("A " + kind + " with '" + ALL + "' in ErrorEquals must be the last " + kind, at);
            }
        });
    }
}
