package io.stateway.orchestrator.integration.lambda;

import io.stateway.model.asl.StatesErrors;
import io.stateway.orchestrator.asl.engine.Engine;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.state.TaskRequest;
import io.stateway.orchestrator.asl.state.TaskResource;
import io.stateway.orchestrator.asl.state.TaskResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Task integration with Lambda-compatible functions, in both forms AWS offers: a bare function ARN
 * as {@code Resource} (the state's parameters are the event, the payload is the result) and
 * {@code arn:aws:states:::lambda:invoke} (the parameters are the Invoke request, the result is the
 * Invoke response with its HTTP metadata). Errors surface as AWS surfaces them.
 */
public final class LambdaIntegration {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final FunctionInvoker invoker;
    private final String region;
    private final String account;
    private final Clock clock;

    public LambdaIntegration(FunctionInvoker invoker, String region, String account, Clock clock) {
        this.invoker = invoker;
        this.region = region;
        this.account = account;
        this.clock = clock;
    }

    /** Whether this integration runs the task's resource. */
    public static boolean handles(TaskResource resource) {
        return resource.kind() == TaskResource.Kind.LAMBDA_FUNCTION
                || (resource.kind() == TaskResource.Kind.SERVICE_INTEGRATION
                        && "lambda".equals(resource.service())
                        && ("invoke".equals(resource.action()) || "invoke.waitForTaskToken".equals(resource.action())));
    }

    public TaskResult invoke(TaskRequest request, String idempotencyKey) {
        return request.resource().kind() == TaskResource.Kind.LAMBDA_FUNCTION
                ? invokeFunctionArn(request, idempotencyKey)
                : invokeService(request, idempotencyKey);
    }

    private TaskResult invokeFunctionArn(TaskRequest request, String idempotencyKey) {
        String arn = request.resource().arn();
        byte[] event = Json.text(request.parameters()).getBytes(StandardCharsets.UTF_8);
        return switch (invoker.invoke(unqualified(arn), event, false, idempotencyKey)) {
            case FunctionInvoker.Invocation.NotFound notFound -> notFound(arn, notFound.requestId());
            case FunctionInvoker.Invocation.Unreachable unreachable -> unreachable(unreachable);
            case FunctionInvoker.Invocation.Returned returned -> {
                if (returned.payload().length > Engine.MAX_PAYLOAD_BYTES) {
                    yield dataLimitExceeded(arn);
                }
                JsonNode payload = parse(returned.payload());
                if (returned.functionError() != null) {
                    yield functionError(payload, returned.payload(), true);
                }
                yield payload == null ? dataLimitExceeded(arn) : new TaskResult.Succeeded(payload);
            }
        };
    }

    private TaskResult invokeService(TaskRequest request, String idempotencyKey) {
        JsonNode parameters = request.parameters();
        String functionName = parameters.path("FunctionName").asString("");
        String arn = functionArn(functionName);
        boolean asynchronous = "Event".equals(parameters.path("InvocationType").asString(""));
        JsonNode payloadParameter = parameters.get("Payload");
        byte[] event = payloadParameter == null || payloadParameter.isNull()
                ? new byte[0]
                : (payloadParameter.isString() ? payloadParameter.stringValue() : Json.text(payloadParameter))
                        .getBytes(StandardCharsets.UTF_8);
        return switch (invoker.invoke(unqualified(arn), event, asynchronous, idempotencyKey)) {
            case FunctionInvoker.Invocation.NotFound notFound -> notFound(arn, notFound.requestId());
            case FunctionInvoker.Invocation.Unreachable unreachable -> unreachable(unreachable);
            case FunctionInvoker.Invocation.Returned returned -> {
                if (returned.payload().length > Engine.MAX_PAYLOAD_BYTES) {
                    yield dataLimitExceeded("lambda");
                }
                JsonNode payload = parse(returned.payload());
                if (returned.functionError() != null) {
                    yield functionError(payload, returned.payload(), false);
                }
                yield new TaskResult.Succeeded(invokeResponse(parameters, returned, payload, asynchronous));
            }
        };
    }

    /** The Invoke response as Step Functions returns it, HTTP metadata included. */
    private JsonNode invokeResponse(
            JsonNode parameters, FunctionInvoker.Invocation.Returned returned, JsonNode payload, boolean asynchronous) {
        int status = asynchronous ? 202 : 200;
        String requestId = returned.requestId();
        String length = Integer.toString(returned.payload().length);
        String date = HTTP_DATE.format(clock.instant());
        String trace = "Root=1-" + Long.toHexString(clock.millis() / 1000) + "-"
                + requestId.replace("-", "").substring(0, 24) + ";Sampled=0";
        boolean tail = "Tail".equals(parameters.path("LogType").asString(""));
        String logResult = tail
                ? Base64.getEncoder()
                        .encodeToString(("START RequestId: " + requestId + " Version: $LATEST\nEND RequestId: "
                                        + requestId + "\n")
                                .getBytes(StandardCharsets.UTF_8))
                : null;

        ObjectNode response = Json.NODES.objectNode();
        if (!asynchronous) {
            response.put("ExecutedVersion", "$LATEST");
        }
        if (logResult != null) {
            response.put("LogResult", logResult);
        }
        if (payload != null) {
            response.set("Payload", payload);
        } else {
            response.put("Payload", new String(returned.payload(), StandardCharsets.UTF_8));
        }
        ObjectNode metadata = response.putObject("SdkHttpMetadata");
        ObjectNode all = metadata.putObject("AllHttpHeaders");
        if (logResult != null) {
            all.putArray("X-Amz-Log-Result").add(logResult);
        }
        if (!asynchronous) {
            all.putArray("X-Amz-Executed-Version").add("$LATEST");
        }
        all.putArray("x-amzn-Remapped-Content-Length").add("0");
        all.putArray("Connection").add("keep-alive");
        all.putArray("x-amzn-RequestId").add(requestId);
        all.putArray("Content-Length").add(length);
        all.putArray("Date").add(date);
        all.putArray("X-Amzn-Trace-Id").add(trace);
        all.putArray("Content-Type").add("application/json");
        ObjectNode headers = metadata.putObject("HttpHeaders");
        headers.put("Connection", "keep-alive");
        headers.put("Content-Length", length);
        headers.put("Content-Type", "application/json");
        headers.put("Date", date);
        if (!asynchronous) {
            headers.put("X-Amz-Executed-Version", "$LATEST");
        }
        if (logResult != null) {
            headers.put("X-Amz-Log-Result", logResult);
        }
        headers.put("x-amzn-Remapped-Content-Length", "0");
        headers.put("x-amzn-RequestId", requestId);
        headers.put("X-Amzn-Trace-Id", trace);
        metadata.put("HttpStatusCode", status);
        response.putObject("SdkResponseMetadata").put("RequestId", requestId);
        response.put("StatusCode", status);
        return response;
    }

    private static TaskResult unreachable(FunctionInvoker.Invocation.Unreachable unreachable) {
        return StatesErrors.TIMEOUT.equals(unreachable.error())
                ? new TaskResult.TimedOut(unreachable.error(), unreachable.cause())
                : new TaskResult.Failed(unreachable.error(), unreachable.cause());
    }

    /**
     * A function's unhandled error: the error is its {@code errorType} ({@code Lambda.Unknown} when it
     * has none), the cause its payload — compact JSON through {@code lambda:invoke}, Python-style
     * through a function ARN, as AWS renders them.
     */
    private static TaskResult functionError(JsonNode payload, byte[] raw, boolean pythonStyle) {
        if (payload == null || !payload.isObject()) {
            return new TaskResult.Failed("Lambda.Unknown", new String(raw, StandardCharsets.UTF_8));
        }
        String error = payload.path("errorType").asString("Lambda.Unknown");
        return new TaskResult.Failed(error, pythonStyle ? PythonJson.dumps(payload) : Json.text(payload));
    }

    private TaskResult notFound(String arn, String requestId) {
        return new TaskResult.Failed(
                "Lambda.ResourceNotFoundException",
                "Function not found: " + unqualified(arn) + ":$LATEST (Service: AWSLambda; Status Code: 404; Error"
                        + " Code: ResourceNotFoundException; Request ID: " + requestId + "; Proxy: null)");
    }

    private static TaskResult dataLimitExceeded(String what) {
        return new TaskResult.Failed(
                StatesErrors.DATA_LIMIT_EXCEEDED,
                "The state/task '" + what
                        + "' returned a result with a size exceeding the maximum number of bytes service limit.");
    }

    private static JsonNode parse(byte[] payload) {
        if (payload.length == 0) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(payload);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** A full function ARN from a name, a partial ARN or a full ARN. */
    String functionArn(String functionName) {
        if (functionName.startsWith("arn:")) {
            return functionName;
        }
        if (functionName.contains(":function:")) {
            return "arn:aws:lambda:" + region + ":" + functionName;
        }
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + functionName;
    }

    private static String unqualified(String arn) {
        int function = arn.indexOf(":function:");
        int qualifier = function < 0 ? -1 : arn.indexOf(':', function + ":function:".length());
        return qualifier < 0 ? arn : arn.substring(0, qualifier);
    }
}
