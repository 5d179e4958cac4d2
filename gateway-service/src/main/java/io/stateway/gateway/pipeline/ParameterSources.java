package io.stateway.gateway.pipeline;

import io.stateway.gateway.vtl.JsonValues;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The values that parameter mappings read: {@code method.request.*}, {@code integration.response.*},
 * {@code context.*}, {@code stageVariables.*} and {@code 'literals'}. A source with no value gives null,
 * and the mapping is then skipped, as on AWS.
 */
public final class ParameterSources {

    private ParameterSources() {}

    /**
     * A source on the request side (request parameters, gateway response parameters).
     *
     * @return a string, a list of strings ({@code multivaluequerystring}), or null
     */
    public static Object request(
            String source, Invocation invocation, Map<String, Object> context, Map<String, String> stageVariables) {
        if (source.startsWith("method.request.")) {
            String expression = source.substring("method.request.".length());
            if (expression.equals("body") || expression.startsWith("body.")) {
                return body(invocation.body().orElse(new byte[0]), expression);
            }
            int dot = expression.indexOf('.');
            if (dot < 0) {
                return null;
            }
            String name = expression.substring(dot + 1);
            Invocation.ClientRequest request = invocation.request();
            return switch (expression.substring(0, dot)) {
                case "path" -> invocation.pathParameters().get(name);
                case "querystring" -> {
                    List<String> values = request.query().get(name);
                    yield values == null ? null : values.getLast();
                }
                case "multivaluequerystring" -> {
                    List<String> values = request.query().get(name);
                    yield values == null ? null : values.size() == 1 ? values.getFirst() : List.copyOf(values);
                }
                case "header" -> request.headers().last(name).orElse(null);
                case "multivalueheader" -> {
                    List<String> values = request.headers().all(name);
                    yield values.isEmpty() ? null : String.join(",", values);
                }
                default -> null;
            };
        }
        return common(source, context, stageVariables);
    }

    /** A source on the response side (integration response parameters). */
    public static String response(
            String source, EndpointResponse response, Map<String, Object> context, Map<String, String> stageVariables) {
        if (source.startsWith("integration.response.")) {
            String expression = source.substring("integration.response.".length());
            if (expression.equals("body") || expression.startsWith("body.")) {
                return body(response.body(), expression);
            }
            if (expression.startsWith("header.")) {
                return response.headers()
                        .last(expression.substring("header.".length()))
                        .orElse(null);
            }
            if (expression.startsWith("multivalueheader.")) {
                List<String> values = response.headers().all(expression.substring("multivalueheader.".length()));
                return values.isEmpty() ? null : String.join(",", values);
            }
            return null;
        }
        Object value = common(source, context, stageVariables);
        return value == null ? null : value.toString();
    }

    private static Object common(String source, Map<String, Object> context, Map<String, String> stageVariables) {
        if (source.length() >= 2 && source.startsWith("'") && source.endsWith("'")) {
            return source.substring(1, source.length() - 1);
        }
        if (source.startsWith("stageVariables.")) {
            return stageVariables.get(source.substring("stageVariables.".length()));
        }
        if (source.startsWith("context.")) {
            Object value = context;
            for (String part : source.substring("context.".length()).split("\\.")) {
                if (!(value instanceof Map<?, ?> map)) {
                    return null;
                }
                value = map.get(part);
            }
            return value instanceof Map<?, ?> || value instanceof List<?>
                    ? null
                    : value == null ? null : value.toString();
        }
        return null;
    }

    /** {@code body} is the text; {@code body.<JSONPath>} a value in it (JSON bodies only, as on AWS). */
    private static String body(byte[] bytes, String expression) {
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (expression.equals("body")) {
            return text;
        }
        if (text.isEmpty() || "{[\"'".indexOf(text.charAt(0)) < 0) {
            return null;
        }
        Object value = JsonValues.read(JsonValues.parse(text), "$." + expression.substring("body.".length()));
        if (value == null) {
            return null;
        }
        return value instanceof Map<?, ?> || value instanceof List<?> ? JsonValues.write(value) : value.toString();
    }
}
