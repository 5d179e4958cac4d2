package io.stateway.gateway.pipeline;

import io.stateway.gateway.vtl.InputVariable;
import io.stateway.gateway.vtl.UtilVariable;
import java.util.LinkedHashMap;
import java.util.Map;

/** The variables of a mapping template: {@code $input}, {@code $util}, {@code $context}, {@code $stageVariables}. */
public final class TemplateVariables {

    private TemplateVariables() {}

    /**
     * @param body the payload {@code $input} reads (request body, or the integration's response body)
     */
    public static Map<String, Object> of(Invocation invocation, String body, Map<String, Object> context) {
        Map<String, Map<String, String>> params = new LinkedHashMap<>();
        params.put("path", new LinkedHashMap<>(invocation.pathParameters()));
        params.put("querystring", invocation.request().singleQuery());
        params.put("header", invocation.request().headers().singleValues());
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("input", new InputVariable(body, params));
        variables.put("util", UtilVariable.INSTANCE);
        variables.put("context", context);
        variables.put(
                "stageVariables",
                invocation.stage().map(s -> s.settings().variables()).orElse(Map.of()));
        return variables;
    }
}
