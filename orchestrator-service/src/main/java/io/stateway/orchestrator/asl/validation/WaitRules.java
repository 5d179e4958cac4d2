package io.stateway.orchestrator.asl.validation;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Wait state rules: exactly one of {@code Seconds}, {@code Timestamp}, {@code SecondsPath}, {@code
 * TimestampPath} (JSONata: {@code Seconds} or {@code Timestamp}, either may be an expression); a
 * literal {@code Timestamp} must be an RFC 3339 timestamp, also in a JSONPath state where a {@code
 * {% %}} string is just a string (as AWS reports it).
 */
final class WaitRules {

    private static final List<String> JSONPATH_FIELDS = List.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath");
    private static final List<String> JSONATA_FIELDS = List.of("Seconds", "Timestamp");

    private WaitRules() {}

    static void check(StateScope scope) {
        Inspection in = scope.in();
        List<String> fields = scope.jsonata() ? JSONATA_FIELDS : JSONPATH_FIELDS;
        long given = fields.stream().filter(scope::has).count();
        if (given == 0) {
            in.schema(Fields.exactlyOneMessage(fields), scope.at());
        } else if (given > 1) {
            in.schema(Fields.exclusiveMessage(fields.stream().filter(scope::has).toList()), scope.at());
        }
        scope.integerOrExpression("Seconds", 0, Fields.MAX_SECONDS);
        timestamp(scope);
        if (!scope.jsonata()) {
            PathFields.referencePath(in, scope.state(), scope.at(), "SecondsPath");
            PathFields.referencePath(in, scope.state(), scope.at(), "TimestampPath");
        }
    }

    private static void timestamp(StateScope scope) {
        JsonNode value = scope.get("Timestamp");
        if (value == null) {
            return;
        }
        Location at = scope.field("Timestamp");
        if (!value.isString()) {
            scope.in().schema(Fields.typeMessage("String"), at);
        } else if (scope.jsonata() && JsonataExpressions.isExpression(value)) {
            JsonataExpressions.checkString(scope.in(), value.stringValue(), "Timestamp", at);
        } else if (!Rfc3339.matches(value.stringValue())) {
            scope.in().schema(Rfc3339.MISMATCH_MESSAGE, at);
        }
    }
}
