package io.stateway.gateway.pipeline;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders an integration URI (and an integration's function name) for one request. */
public final class IntegrationUris {

    private static final Pattern STAGE_VARIABLE = Pattern.compile("\\$\\{stageVariables\\.([^}]*)}");

    private IntegrationUris() {}

    /** {@code {name}} from the path mappings, {@code ${stageVariables.x}} from the stage ("" when unset). */
    public static String render(String uri, Map<String, String> path, Map<String, String> stageVariables) {
        String rendered = uri;
        for (Map.Entry<String, String> parameter : path.entrySet()) {
            rendered = rendered.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        Matcher matcher = STAGE_VARIABLE.matcher(rendered);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(stageVariables.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
