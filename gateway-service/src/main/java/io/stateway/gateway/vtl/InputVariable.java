package io.stateway.gateway.vtl;

import java.util.Map;

/**
 * {@code $input}: the payload and the parameters of the request (in a request template) or the
 * integration's response body (in a response template).
 */
public final class InputVariable implements TemplateVisible {

    private final String body;
    private final Map<String, Map<String, String>> params;
    private Object document;
    private boolean parsed;

    /**
     * @param body the payload as text, empty if none
     * @param params {@code path}, {@code querystring} and {@code header} parameters, in that order
     */
    public InputVariable(String body, Map<String, Map<String, String>> params) {
        this.body = body;
        this.params = params;
    }

    /** {@code $input.body}: the raw payload; {@code {}} when there is none, as on AWS. */
    public String getBody() {
        return body.isEmpty() ? "{}" : body;
    }

    /** {@code $input.json(path)}: the JSON text of the value at a JSONPath. */
    public String json(String path) {
        Object value = JsonValues.read(document(), path == null || path.isEmpty() ? "$" : path);
        return value == null ? "" : JsonValues.write(value);
    }

    /** {@code $input.path(path)}: the value at a JSONPath, as an object a template can navigate. */
    public Object path(String path) {
        return JsonValues.read(document(), path);
    }

    /** {@code $input.params()}: all parameters by location. */
    public Map<String, Map<String, String>> params() {
        return params;
    }

    /** {@code $input.params(name)}: the named parameter from the path, query string or headers, in that order. */
    public String params(String name) {
        if (name == null) {
            return "";
        }
        for (Map.Entry<String, Map<String, String>> location : params.entrySet()) {
            String value = location.getValue().get(name);
            if (value == null && location.getKey().equals("header")) {
                value = headerIgnoringCase(location.getValue(), name);
            }
            if (value != null) {
                return value;
            }
        }
        return "";
    }

    private static String headerIgnoringCase(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    private Object document() {
        if (!parsed) {
            document = JsonValues.parse(getBody());
            parsed = true;
        }
        return document;
    }

    @Override
    public String toString() {
        return "$input";
    }
}
