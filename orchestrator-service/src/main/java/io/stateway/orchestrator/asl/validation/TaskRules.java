package io.stateway.orchestrator.asl.validation;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Task state rules: a recognized {@code Resource}, timeouts and heartbeats (static, from a path,
 * or a JSONata expression; never both forms; heartbeat below timeout), {@code Credentials} with a
 * role, the payload fields of its query language, and its retriers and catchers.
 */
final class TaskRules {

    private TaskRules() {}

    static void check(StateScope scope) {
        Inspection in = scope.in();
        Fields.nonEmptyString(in, scope.state(), scope.at(), "Resource")
                .ifPresent(resource -> TaskResources.check(in, resource, scope.field("Resource")));
        scope.integerOrExpression("TimeoutSeconds", 1, Fields.MAX_SECONDS);
        scope.integerOrExpression("HeartbeatSeconds", 1, Fields.MAX_SECONDS);
        if (scope.jsonata()) {
            arguments(scope);
        } else {
            scope.payloadTemplate("Parameters", false);
            scope.payloadTemplate("ResultSelector", true);
            PathFields.resultPath(in, scope.state(), scope.at());
            PathFields.referencePath(in, scope.state(), scope.at(), "TimeoutSecondsPath");
            PathFields.referencePath(in, scope.state(), scope.at(), "HeartbeatSecondsPath");
            scope.exclusive("TimeoutSeconds", "TimeoutSecondsPath");
            scope.exclusive("HeartbeatSeconds", "HeartbeatSecondsPath");
        }
        heartbeatBelowTimeout(scope);
        credentials(scope);
        RetryCatchRules.check(scope);
    }

    /** {@code Arguments}: an object with expressions inside, or one expression. */
    static void arguments(StateScope scope) {
        JsonNode arguments = scope.get("Arguments");
        if (arguments == null) {
            return;
        }
        if (!arguments.isObject() && !JsonataExpressions.isExpression(arguments)) {
            scope.in().schema(Fields.typeMessage("Object"), scope.field("Arguments"));
            return;
        }
        JsonataExpressions.checkTemplate(scope.in(), arguments, "Arguments", scope.field("Arguments"));
    }

    private static void heartbeatBelowTimeout(StateScope scope) {
        Optional<JsonNode> timeout = staticSeconds(scope, "TimeoutSeconds");
        Optional<JsonNode> heartbeat = staticSeconds(scope, "HeartbeatSeconds");
        if (timeout.isPresent()
                && heartbeat.isPresent()
                && Fields.decimal(heartbeat.get()).compareTo(Fields.decimal(timeout.get())) >= 0) {
            scope.in()
                    .schema(
                            "The value of 'HeartbeatSeconds' must be less than the value of 'TimeoutSeconds'",
                            scope.field("HeartbeatSeconds"));
        }
    }

    private static Optional<JsonNode> staticSeconds(StateScope scope, String field) {
        JsonNode value = scope.get(field);
        return value != null && Fields.isIntegral(value) ? Optional.of(value) : Optional.empty();
    }

    /**
     * {@code Credentials} must name the role to assume: {@code RoleArn} (in JSONPath also {@code
     * RoleArn.$}). AWS reports only the missing role, not other fields of the object (recorded
     * for a Credentials object holding only an unknown field).
     */
    private static void credentials(StateScope scope) {
        Inspection in = scope.in();
        Location at = scope.field("Credentials");
        Fields.object(in, scope.state(), scope.at(), "Credentials").ifPresent(credentials -> {
            boolean dynamic = !scope.jsonata() && credentials.has("RoleArn.$");
            if (!credentials.has("RoleArn") && !dynamic) {
                in.schema("The field 'RoleArn' is required but was missing", at);
                return;
            }
            if (scope.jsonata() || credentials.has("RoleArn")) {
                Fields.nonEmptyString(in, credentials, at, "RoleArn")
                        .ifPresent(role -> scope.expressionIfJsonata(role, "RoleArn", at.field("RoleArn")));
            }
            if (dynamic) {
                JsonNode path = credentials.get("RoleArn.$");
                if (!path.isString() || !PathFields.isPathOrIntrinsic(path.stringValue())) {
                    in.schema(PathFields.invalidPathOrIntrinsicMessage("RoleArn.$"), at);
                }
            }
        });
    }
}
