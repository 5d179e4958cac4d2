package io.stateway.gateway.integration;

import io.stateway.gateway.pipeline.EndpointResponse;
import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.HeaderList;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a function's answer to a Lambda proxy event: {@code {statusCode, headers, multiValueHeaders, body,
 * isBase64Encoded}}. Anything else (other keys, wrong types, not JSON) is a malformed proxy response: 502
 * "Internal server error", as on AWS. A missing status is 200 and a missing body is empty.
 */
final class LambdaProxyResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> VERSION_1_KEYS =
            Set.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded");
    private static final Set<String> VERSION_2_KEYS =
            Set.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded", "cookies");

    private LambdaProxyResponses() {}

    /**
     * @param binaryAccepted whether the client's Accept is a binary media type: only then is a base64 body
     *     decoded
     */
    static EndpointResponse version1(byte[] payload, boolean binaryAccepted) {
        JsonNode response = parse(payload);
        if (!response.isObject() || !response.propertyNames().stream().allMatch(VERSION_1_KEYS::contains)) {
            throw malformed("not a proxy response object");
        }
        return read(response, binaryAccepted);
    }

    /** Payload 2.0: a response object, or any other JSON value, which is sent as a 200 JSON body. */
    static EndpointResponse version2(byte[] payload, boolean binaryAccepted) {
        JsonNode response = parse(payload);
        if (response.isObject() && response.has("statusCode")) {
            if (!response.propertyNames().stream().allMatch(VERSION_2_KEYS::contains)) {
                throw malformed("unknown keys in the proxy response");
            }
            EndpointResponse read = read(response, binaryAccepted);
            JsonNode cookies = response.get("cookies");
            if (cookies != null && cookies.isArray()) {
                cookies.values().forEach(cookie -> read.headers().add("Set-Cookie", cookie.asString()));
            }
            return read;
        }
        HeaderList headers = new HeaderList().add("Content-Type", "application/json");
        return new EndpointResponse(200, headers, JSON.writeValueAsBytes(response));
    }

    private static EndpointResponse read(JsonNode response, boolean binaryAccepted) {
        int status = 200;
        JsonNode statusNode = response.get("statusCode");
        if (statusNode != null && !statusNode.isNull()) {
            try {
                status = statusNode.isNumber()
                        ? statusNode.intValue()
                        : Integer.parseInt(statusNode.asString().trim());
            } catch (NumberFormatException e) {
                throw malformed("statusCode is not a number");
            }
            if (status < 100 || status > 599) {
                throw malformed("statusCode out of range");
            }
        }
        HeaderList headers = new HeaderList().add("Content-Type", "application/json");
        JsonNode single = response.get("headers");
        if (single != null && !single.isNull()) {
            if (!single.isObject()) {
                throw malformed("headers is not an object");
            }
            for (Map.Entry<String, JsonNode> header : single.properties()) {
                headers.set(header.getKey(), headerValue(header.getValue()));
            }
        }
        JsonNode multi = response.get("multiValueHeaders");
        if (multi != null && !multi.isNull()) {
            if (!multi.isObject()) {
                throw malformed("multiValueHeaders is not an object");
            }
            for (Map.Entry<String, JsonNode> header : multi.properties()) {
                if (!header.getValue().isArray()) {
                    throw malformed("a multiValueHeaders value is not a list");
                }
                String singleValue = headers.contains(header.getKey()) && single != null && single.has(header.getKey())
                        ? headers.last(header.getKey()).orElse(null)
                        : null;
                headers.remove(header.getKey());
                header.getValue().values().forEach(value -> headers.add(header.getKey(), headerValue(value)));
                if (singleValue != null) {
                    headers.add(header.getKey(), singleValue);
                }
            }
        }
        JsonNode bodyNode = response.get("body");
        byte[] body = new byte[0];
        if (bodyNode != null && !bodyNode.isNull()) {
            String text = bodyNode.isString() ? bodyNode.asString() : JSON.writeValueAsString(bodyNode);
            boolean base64 = response.path("isBase64Encoded").asBoolean(false);
            if (base64 && binaryAccepted) {
                try {
                    body = Base64.getMimeDecoder().decode(text);
                } catch (IllegalArgumentException e) {
                    throw GatewayError.internal("the proxy response body is not valid base64");
                }
            } else {
                body = text.getBytes(StandardCharsets.UTF_8);
            }
        }
        return new EndpointResponse(status, headers, body);
    }

    private static String headerValue(JsonNode value) {
        if (value.isBoolean() || value.isString() || value.isNumber()) {
            return value.asString();
        }
        throw malformed("a header value is not a string");
    }

    private static JsonNode parse(byte[] payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            if (node == null || node.isMissingNode()) {
                throw malformed("empty payload");
            }
            return node;
        } catch (JacksonException e) {
            throw malformed("not JSON");
        }
    }

    private static GatewayError malformed(String why) {
        return GatewayError.internal(
                502, "Execution failed due to configuration error: Malformed Lambda proxy response: " + why);
    }
}
