package io.stateway.gateway.api.openapi;

import java.util.Set;
import java.util.regex.Pattern;

/** The grammar of parameter mapping keys and values ({@code requestParameters}, {@code responseParameters}). */
final class MappingExpressions {

    static final Pattern INTEGRATION_REQUEST_TARGET =
            Pattern.compile("integration\\.request\\.(header|querystring|path)\\.([^.\\s]+)");
    static final Pattern METHOD_REQUEST_SOURCE = Pattern.compile(
            "method\\.request\\.(path|querystring|multivaluequerystring|header|multivalueheader)\\.([^.\\s]+)");
    static final Pattern METHOD_RESPONSE_TARGET = Pattern.compile("method\\.response\\.header\\.([^.\\s]+)");
    static final Pattern INTEGRATION_RESPONSE_SOURCE =
            Pattern.compile("integration\\.response\\.(header|multivalueheader)\\.([^.\\s]+)");
    static final Pattern GATEWAY_RESPONSE_TARGET = Pattern.compile("gatewayresponse\\.header\\.([^.\\s]+)");
    private static final Pattern CONTEXT = Pattern.compile("context\\.[A-Za-z0-9_.]+");
    private static final Pattern STAGE_VARIABLE = Pattern.compile("stageVariables\\.[A-Za-z0-9_.:/-]+");

    private MappingExpressions() {}

    /** A source every mapping may use: a quoted literal, a context variable, a stage variable. */
    static boolean isCommonSource(String value) {
        return isLiteral(value)
                || CONTEXT.matcher(value).matches()
                || STAGE_VARIABLE.matcher(value).matches();
    }

    static boolean isLiteral(String value) {
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'");
    }

    /** {@code method.request.body} or {@code method.request.body.<JSONPath>}. */
    static boolean isRequestBody(String value) {
        return value.equals("method.request.body") || value.startsWith("method.request.body.");
    }

    static boolean isResponseBody(String value) {
        return value.equals("integration.response.body") || value.startsWith("integration.response.body.");
    }

    /**
     * The method request parameter ({@code method.request.querystring.x}) a source refers to, in the form
     * methods declare it: multi-value sources refer to the single-value declaration.
     */
    static String declaredParameter(String location, String name) {
        String declared = switch (location) {
            case "multivaluequerystring" -> "querystring";
            case "multivalueheader" -> "header";
            default -> location;
        };
        return "method.request." + declared + "." + name;
    }

    /** Whether the source names a method request parameter the method declares. */
    static boolean isDeclared(String location, String name, Set<String> declared) {
        return declared.contains(declaredParameter(location, name));
    }
}
