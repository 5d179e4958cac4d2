package io.stateway.orchestrator.conformance;

import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.integration.lambda.FunctionInvoker;
import io.stateway.orchestrator.integration.lambda.PythonJson;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Lambda functions a corpus case describes ({@code echo}, {@code returns}, {@code raises},
 * {@code returnsRaw}), run in-process and answering as the Python Lambda runtime would: payloads
 * serialised by {@code json.dumps}, unhandled errors as Lambda's error payload.
 */
final class CorpusFunctions implements FunctionInvoker {

    private final JsonNode functions;

    CorpusFunctions(JsonNode functions) {
        this.functions = functions == null ? Json.NODES.objectNode() : functions;
    }

    @Override
    public Invocation invoke(String functionArn, byte[] payload, boolean asynchronous, String idempotencyKey) {
        String name = functionArn.substring(functionArn.lastIndexOf(':') + 1);
        String requestId = UUID.randomUUID().toString();
        JsonNode behaviour = functions.get(name);
        if (behaviour == null) {
            return new Invocation.NotFound(requestId);
        }
        if (asynchronous) {
            return new Invocation.Returned(new byte[0], null, requestId);
        }
        if (behaviour.has("echo")) {
            return returned(event(payload), requestId);
        }
        if (behaviour.has("returns")) {
            return returned(behaviour.get("returns"), requestId);
        }
        if (behaviour.has("returnsRaw")) {
            JsonNode raw = behaviour.get("returnsRaw");
            String text = raw.path("repeat").asString().repeat(raw.path("times").asInt());
            return new Invocation.Returned(text.getBytes(StandardCharsets.UTF_8), null, requestId);
        }
        JsonNode raises = behaviour.path("raises");
        ObjectNode error = Json.NODES.objectNode();
        error.put("errorMessage", raises.path("errorMessage").asString());
        error.put("errorType", raises.path("errorType").asString());
        error.put("requestId", requestId);
        error.set("stackTrace", raises.has("stackTrace") ? raises.get("stackTrace") : Json.NODES.arrayNode());
        return new Invocation.Returned(
                PythonJson.dumps(error).getBytes(StandardCharsets.UTF_8), "Unhandled", requestId);
    }

    private static Invocation returned(JsonNode value, String requestId) {
        return new Invocation.Returned(PythonJson.dumps(value).getBytes(StandardCharsets.UTF_8), null, requestId);
    }

    /** The event as the function sees it: an empty payload is {@code {}}, as in the Python runtime. */
    private static JsonNode event(byte[] payload) {
        if (payload.length == 0) {
            return Json.NODES.objectNode();
        }
        try {
            return Json.MAPPER.readTree(payload);
        } catch (JacksonException e) {
            return Json.NODES.stringNode(new String(payload, StandardCharsets.UTF_8));
        }
    }
}
