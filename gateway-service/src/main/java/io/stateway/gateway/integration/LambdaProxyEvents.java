package io.stateway.gateway.integration;

import io.stateway.gateway.mapping.BinaryPayloads;
import io.stateway.gateway.pipeline.ContextVariables;
import io.stateway.gateway.pipeline.HeaderList;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.routing.DeployedStage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Lambda proxy integration's event, payload format 1.0 (REST APIs) or 2.0 (as HTTP APIs send it). */
final class LambdaProxyEvents {

    private LambdaProxyEvents() {}

    /** Payload format 1.0. */
    static Map<String, Object> version1(Invocation invocation, String accountId) {
        Invocation.ClientRequest request = invocation.request();
        DeployedStage stage = invocation.stage().orElseThrow();
        HeaderList headers = eventHeaders(invocation);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("resource", invocation.method().resource().path());
        event.put("path", invocation.stageRequest().orElseThrow().resourcePath());
        event.put("httpMethod", request.httpMethod());
        event.put("headers", headers.singleValues());
        event.put("multiValueHeaders", headers.multiValues());
        event.put("queryStringParameters", request.query().isEmpty() ? null : request.singleQuery());
        event.put("multiValueQueryStringParameters", request.query().isEmpty() ? null : request.query());
        event.put("pathParameters", invocation.pathParameters().isEmpty() ? null : invocation.pathParameters());
        event.put("stageVariables", stage.variablesOrNull());
        event.put("requestContext", ContextVariables.requestContext(invocation, accountId));
        Body body = body(invocation);
        event.put("body", body.text());
        event.put("isBase64Encoded", body.base64());
        return event;
    }

    /** Payload format 2.0. */
    static Map<String, Object> version2(Invocation invocation, String accountId) {
        Invocation.ClientRequest request = invocation.request();
        DeployedStage stage = invocation.stage().orElseThrow();
        String routeKey = invocation.method().method().httpMethod() + " "
                + invocation.method().resource().path();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        eventHeaders(invocation).multiValues().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Cookie")) {
                values.forEach(value -> cookies.addAll(List.of(value.split(";\\s*"))));
            } else {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        Map<String, String> query = new LinkedHashMap<>();
        request.query().forEach((name, values) -> query.put(name, String.join(",", values)));
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", request.httpMethod());
        http.put("path", invocation.stageRequest().orElseThrow().requestPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.headers().last("User-Agent").orElse(""));
        Map<String, Object> v1Context = ContextVariables.requestContext(invocation, accountId);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", accountId);
        context.put("apiId", v1Context.get("apiId"));
        context.put("domainName", v1Context.get("domainName"));
        context.put("domainPrefix", v1Context.get("domainPrefix"));
        context.put("http", http);
        context.put("requestId", v1Context.get("requestId"));
        context.put("routeKey", routeKey);
        context.put("stage", stage.name());
        context.put("time", v1Context.get("requestTime"));
        context.put("timeEpoch", v1Context.get("requestTimeEpoch"));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", invocation.stageRequest().orElseThrow().requestPath());
        event.put("rawQueryString", request.rawQuery());
        if (!cookies.isEmpty()) {
            event.put("cookies", cookies);
        }
        event.put("headers", headers);
        if (!query.isEmpty()) {
            event.put("queryStringParameters", query);
        }
        event.put("requestContext", context);
        Body body = body(invocation);
        if (body.text() != null) {
            event.put("body", body.text());
        }
        if (!invocation.pathParameters().isEmpty()) {
            event.put("pathParameters", invocation.pathParameters());
        }
        event.put("isBase64Encoded", body.base64());
        if (stage.variablesOrNull() != null) {
            event.put("stageVariables", stage.variablesOrNull());
        }
        return event;
    }

    /**
     * The headers as the function sees them: the client's (those API Gateway keeps), {@code Authorization}
     * and {@code User-Agent} capitalised, plus the X-Forwarded-* headers and the trace id.
     */
    private static HeaderList eventHeaders(Invocation invocation) {
        Invocation.ClientRequest request = invocation.request();
        HeaderList headers = new HeaderList(request.headers());
        headers.rename("authorization", "Authorization");
        headers.rename("user-agent", "User-Agent");
        String forwardedFor =
                headers.last("X-Forwarded-For").map(existing -> existing + ", ").orElse("") + request.sourceIp();
        headers.set("X-Amzn-Trace-Id", invocation.ids().traceId());
        headers.set("X-Forwarded-For", forwardedFor);
        headers.set("X-Forwarded-Port", Integer.toString(request.serverPort()));
        headers.set("X-Forwarded-Proto", request.scheme());
        return headers;
    }

    private record Body(String text, boolean base64) {}

    /** The body as text, or base64 when it is of a binary media type or not UTF-8; null when there is none. */
    private static Body body(Invocation invocation) {
        byte[] bytes = invocation.body().orElse(new byte[0]);
        if (bytes.length == 0) {
            return new Body(null, false);
        }
        List<String> binaryTypes = invocation.stage().orElseThrow().api().api().binaryMediaTypes();
        if (!BinaryPayloads.isBinary(invocation.request().headers().last("Content-Type"), binaryTypes)) {
            try {
                String text = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
                return new Body(text, false);
            } catch (CharacterCodingException e) {
                // not text: sent as base64 below
            }
        }
        return new Body(Base64.getEncoder().encodeToString(bytes), true);
    }
}
