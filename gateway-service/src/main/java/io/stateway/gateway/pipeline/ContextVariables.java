package io.stateway.gateway.pipeline;

import io.stateway.gateway.routing.CompiledApi;
import io.stateway.gateway.routing.CompiledMethod;
import io.stateway.gateway.routing.DeployedStage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * API Gateway's {@code $context} variables of a request, as fresh maps: templates and events each get
 * their own copy, except {@code requestOverride}/{@code responseOverride}, which live as long as the
 * request (a request template's overrides reach the response).
 */
public final class ContextVariables {

    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private ContextVariables() {}

    /** The {@code requestContext} of a Lambda proxy event (payload 1.0). */
    public static Map<String, Object> requestContext(Invocation invocation, String accountId) {
        Map<String, Object> context = new LinkedHashMap<>();
        Invocation.ClientRequest request = invocation.request();
        String host = request.host();
        context.put("accountId", accountId);
        context.put("apiId", invocation.stage().map(s -> s.api().apiId()).orElse(null));
        invocation.authorizer().ifPresent(authorizer -> context.put("authorizer", new LinkedHashMap<>(authorizer)));
        context.put(
                "deploymentId",
                invocation.stage().map(s -> s.api().deploymentId()).orElse(null));
        context.put("domainName", host);
        context.put("domainPrefix", host == null ? null : host.split("[.:]", 2)[0]);
        context.put("extendedRequestId", invocation.ids().extendedRequestId());
        context.put("httpMethod", request.httpMethod());
        context.put("identity", identity(invocation));
        context.put("path", invocation.stageRequest().map(s -> s.requestPath()).orElse(request.rawPath()));
        context.put("protocol", "HTTP/1.1");
        context.put("requestId", invocation.ids().requestId());
        context.put("requestTime", REQUEST_TIME.format(invocation.startedAt()));
        context.put("requestTimeEpoch", invocation.startedAt().toEpochMilli());
        context.put(
                "resourceId",
                invocation.match().map(m -> m.method().resource().id()).orElse(null));
        context.put(
                "resourcePath",
                invocation.match().map(m -> m.method().resource().path()).orElse(null));
        context.put("stage", invocation.stage().map(DeployedStage::name).orElse(null));
        return context;
    }

    /** {@code $context} of a mapping template: the request context plus the overrides and the authorizer. */
    public static Map<String, Object> forTemplates(Invocation invocation, String accountId) {
        Map<String, Object> context = requestContext(invocation, accountId);
        context.put(
                "authorizer",
                invocation.authorizer().map(LinkedHashMap<String, Object>::new).orElseGet(LinkedHashMap::new));
        context.put("requestOverride", invocation.requestOverride());
        context.put("responseOverride", invocation.responseOverride());
        invocation.error().ifPresent(error -> context.put("error", error(error)));
        return context;
    }

    /** {@code $context.error} of a gateway response. */
    public static Map<String, Object> error(GatewayError error) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("message", error.getMessage());
        map.put("messageString", quoted(error.getMessage()));
        map.put("responseType", error.type().name());
        map.put("validationErrorString", "");
        return map;
    }

    /** The names access log formats may use besides the request context ({@code $context.status}, ...). */
    public static Map<String, Object> forAccessLog(Invocation invocation, String accountId) {
        Map<String, Object> context = requestContext(invocation, accountId);
        context.put("status", invocation.status());
        context.put("responseLength", invocation.responseLength() < 0 ? "-" : invocation.responseLength());
        context.put("responseLatency", (System.nanoTime() - invocation.startNanos()) / 1_000_000);
        context.put(
                "integrationLatency",
                invocation.integrationLatencyMillis() < 0 ? "-" : invocation.integrationLatencyMillis());
        context.put("integrationStatus", invocation.integrationStatus() < 0 ? "-" : invocation.integrationStatus());
        context.put("integrationErrorMessage", "-");
        context.put("apiKeyId", invocation.apiKeyId().orElse("-"));
        invocation.error().ifPresent(error -> context.put("error", error(error)));
        context.put("cacheResult", invocation.cacheResult().orElse("-"));
        Map<String, Object> integration = new LinkedHashMap<>();
        integration.put("latency", context.get("integrationLatency"));
        integration.put("status", context.get("integrationStatus"));
        context.put("integration", integration);
        return context;
    }

    private static Map<String, Object> identity(Invocation invocation) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("accessKey", invocation.accessKey().orElse(null));
        identity.put("accountId", null);
        invocation.apiKey().ifPresent(key -> identity.put("apiKey", key));
        invocation.apiKeyId().ifPresent(id -> identity.put("apiKeyId", id));
        identity.put("caller", null);
        identity.put("cognitoAuthenticationProvider", null);
        identity.put("cognitoAuthenticationType", null);
        identity.put("cognitoIdentityId", null);
        identity.put("cognitoIdentityPoolId", null);
        identity.put("principalOrgId", null);
        identity.put("sourceIp", invocation.request().sourceIp());
        identity.put("user", null);
        identity.put(
                "userAgent", invocation.request().headers().last("User-Agent").orElse(null));
        identity.put("userArn", null);
        return identity;
    }

    /** The method's ARN, {@code arn:aws:execute-api:<region>:<account>:<api>/<stage>/<METHOD>/<path>}. */
    public static String methodArn(Invocation invocation, String region, String accountId) {
        CompiledApi api = invocation.stage().orElseThrow().api();
        CompiledMethod method = invocation.method();
        return "arn:aws:execute-api:" + region + ":" + accountId + ":" + api.apiId() + "/"
                + invocation.stage().orElseThrow().name() + "/"
                + method.method().httpMethod().replace("ANY", "*")
                + method.resource().path();
    }

    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
