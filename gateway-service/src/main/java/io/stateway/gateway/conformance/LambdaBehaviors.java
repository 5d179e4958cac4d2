package io.stateway.gateway.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The Lambda behaviors of the corpus's vocabulary, as local functions. */
final class LambdaBehaviors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LambdaBehaviors() {}

    /** The function a {@code "type": "lambda"} backend describes. */
    static FunctionHost.Function of(JsonNode backend) {
        return event -> run(backend, backend.path("behavior").asString(), event);
    }

    private static FunctionHost.Outcome run(JsonNode backend, String behavior, JsonNode event) {
        return switch (behavior) {
            case "proxy-echo-event" -> {
                ObjectNode response = JSON.createObjectNode();
                response.put("statusCode", 200);
                response.put("body", JSON.writeValueAsString(event));
                response.put("isBase64Encoded", false);
                yield new FunctionHost.Outcome.Returned(response);
            }
            case "echo-event", "ignored" -> new FunctionHost.Outcome.Returned(event);
            case "return-parsed-body" -> parsedBody(event);
            case "static" -> new FunctionHost.Outcome.Returned(backend.get("result"));
            case "switch" -> {
                JsonNode value = event;
                for (String part : backend.path("on").asString().split("\\.")) {
                    value = value == null ? null : value.get(part);
                }
                String key = value == null || value.isNull()
                        ? "null"
                        : value.isString() ? value.asString() : value.toString();
                JsonNode chosen =
                        backend.path("cases").has(key) ? backend.path("cases").get(key) : backend.get("default");
                yield outcome(backend, chosen, event);
            }
            default ->
                new FunctionHost.Outcome.Raised("Unknown behavior " + behavior, "Exception", JSON.createArrayNode());
        };
    }

    private static FunctionHost.Outcome outcome(JsonNode backend, JsonNode entry, JsonNode event) {
        if (entry == null || entry.isNull()) {
            return new FunctionHost.Outcome.Raised("No case matched", "Exception", JSON.createArrayNode());
        }
        if (entry.has("returns")) {
            return new FunctionHost.Outcome.Returned(entry.get("returns"));
        }
        if (entry.has("raises")) {
            JsonNode raises = entry.get("raises");
            return new FunctionHost.Outcome.Raised(
                    raises.path("errorMessage").asString(),
                    raises.path("errorType").asString(),
                    raises.path("stackTrace"));
        }
        return run(backend, entry.path("behavior").asString(), event);
    }

    private static FunctionHost.Outcome parsedBody(JsonNode event) {
        JsonNode body = event.get("body");
        if (body == null || body.isNull()) {
            return new FunctionHost.Outcome.Raised("the event has no body", "TypeError", JSON.createArrayNode());
        }
        String text = body.asString();
        if (event.path("isBase64Encoded").asBoolean(false)) {
            text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        }
        return new FunctionHost.Outcome.Returned(JSON.readTree(text));
    }
}
