package io.stateway.gateway.api.openapi;

import io.stateway.gateway.api.ContentHandling;
import io.stateway.gateway.api.Integration;
import io.stateway.gateway.api.IntegrationResponse;
import io.stateway.gateway.api.IntegrationType;
import io.stateway.gateway.api.PassthroughBehavior;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads {@code x-amazon-apigateway-integration}. */
final class IntegrationReader {

    static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY");
    private static final Pattern AWS_URI =
            Pattern.compile("arn:aws[a-z-]*:apigateway:([^:]*):([^:]+):(path|action)/(.+)");
    private static final Pattern STATUS = Pattern.compile("[1-5]\\d\\d");

    private final Findings findings;
    private final DocumentChecks checks;

    IntegrationReader(Findings findings, DocumentChecks checks) {
        this.findings = findings;
        this.checks = checks;
    }

    /**
     * @param declared the method's request parameters ({@code method.request.header.x}), which mappings
     *     may refer to
     */
    Optional<Integration> read(JsonNode node, String location, Set<String> declared) {
        if (!node.isObject()) {
            findings.error(location, "must be an object");
            return Optional.empty();
        }
        Optional<IntegrationType> type =
                Nodes.text(node, "type", location, findings).flatMap(IntegrationType::parse);
        if (type.isEmpty()) {
            findings.error(
                    Findings.pointer(location, "type"),
                    "Enumeration value for IntegrationType must be one of: aws, aws_proxy, http, http_proxy, mock");
            return Optional.empty();
        }
        Optional<String> httpMethod =
                Nodes.text(node, "httpMethod", location, findings).map(m -> m.toUpperCase(Locale.ROOT));
        Optional<String> uri = Nodes.text(node, "uri", location, findings).map(String::trim);
        if (type.get() != IntegrationType.MOCK) {
            checkBackend(type.get(), httpMethod, uri, location);
        }
        Map<String, String> requestParameters = Nodes.stringMap(node, "requestParameters", location, findings);
        checkRequestParameters(requestParameters, Findings.pointer(location, "requestParameters"), declared);
        Map<String, String> requestTemplates = Nodes.stringMap(node, "requestTemplates", location, findings);
        checkTemplates(requestTemplates, Findings.pointer(location, "requestTemplates"));
        PassthroughBehavior passthrough = Nodes.text(node, "passthroughBehavior", location, findings)
                .map(text -> PassthroughBehavior.parse(text).orElseGet(() -> {
                    findings.error(
                            Findings.pointer(location, "passthroughBehavior"),
                            "must be one of when_no_match, when_no_templates, never");
                    return PassthroughBehavior.WHEN_NO_MATCH;
                }))
                .orElse(PassthroughBehavior.WHEN_NO_MATCH);
        Optional<ContentHandling> contentHandling = contentHandling(node, location);
        int timeout =
                Nodes.integer(node, "timeoutInMillis", location, findings).orElse(Integration.DEFAULT_TIMEOUT_MILLIS);
        if (timeout < Integration.MIN_TIMEOUT_MILLIS || timeout > Integration.DEFAULT_TIMEOUT_MILLIS) {
            findings.error(
                    Findings.pointer(location, "timeoutInMillis"), "Timeout should be between 50 ms and 29000 ms");
        }
        List<String> cacheKeys = cacheKeyParameters(node, location, declared);
        String payloadFormat =
                Nodes.text(node, "payloadFormatVersion", location, findings).orElse("1.0");
        if (!payloadFormat.equals("1.0") && !payloadFormat.equals("2.0")) {
            findings.error(Findings.pointer(location, "payloadFormatVersion"), "must be 1.0 or 2.0");
        }
        List<IntegrationResponse> responses = responses(node, location);
        return Optional.of(new Integration(
                type.get(),
                httpMethod,
                uri,
                Nodes.text(node, "credentials", location, findings),
                requestParameters,
                requestTemplates,
                passthrough,
                contentHandling,
                timeout,
                Nodes.text(node, "cacheNamespace", location, findings),
                cacheKeys,
                responses,
                payloadFormat));
    }

    private void checkBackend(
            IntegrationType type, Optional<String> httpMethod, Optional<String> uri, String location) {
        if (httpMethod.isEmpty()) {
            findings.error(
                    Findings.pointer(location, "httpMethod"), "Enumeration value for HttpMethod must be non-empty");
        } else if (!HTTP_METHODS.contains(httpMethod.get())) {
            findings.error(Findings.pointer(location, "httpMethod"), "Invalid HTTP method: " + httpMethod.get());
        }
        String here = Findings.pointer(location, "uri");
        if (uri.isEmpty() || uri.get().isEmpty()) {
            findings.error(here, "Invalid integration URI specified");
            return;
        }
        String value = uri.get();
        boolean httpUrl = value.startsWith("http://") || value.startsWith("https://");
        switch (type) {
            case HTTP, HTTP_PROXY -> {
                if (!httpUrl) {
                    findings.error(here, "Invalid HTTP endpoint specified for URI");
                }
            }
            case AWS_PROXY -> {
                if (!httpUrl) {
                    checkAwsUri(value, here, true);
                }
            }
            case AWS -> checkAwsUri(value, here, false);
            case MOCK -> {}
        }
    }

    private void checkAwsUri(String uri, String location, boolean proxy) {
        Matcher matcher = AWS_URI.matcher(uri);
        if (!matcher.matches()) {
            findings.error(location, "AWS ARN for integration must contain path or action");
            return;
        }
        String service = matcher.group(2);
        String kind = matcher.group(3);
        String rest = matcher.group(4);
        if (service.equals("lambda")
                && kind.equals("path")
                && rest.contains("functions/")
                && rest.endsWith("/invocations")) {
            return;
        }
        if (!proxy
                && service.equals("states")
                && kind.equals("action")
                && (rest.equals("StartExecution") || rest.equals("StartSyncExecution"))) {
            return;
        }
        findings.error(
                location,
                "Unsupported AWS integration " + service + ":" + kind + "/" + rest
                        + (proxy
                                ? ": AWS_PROXY integrations invoke Lambda functions (lambda:path/2015-03-31/functions/<arn>/invocations)"
                                : ": supported are Lambda functions (lambda:path/2015-03-31/functions/<arn>/invocations) and"
                                        + " Step Functions (states:action/StartExecution, states:action/StartSyncExecution)"));
    }

    private void checkRequestParameters(Map<String, String> parameters, String location, Set<String> declared) {
        parameters.forEach((target, source) -> {
            String here = Findings.pointer(location, target);
            if (!MappingExpressions.INTEGRATION_REQUEST_TARGET.matcher(target).matches()) {
                findings.error(here, "Invalid mapping expression specified: " + target);
                return;
            }
            Matcher method = MappingExpressions.METHOD_REQUEST_SOURCE.matcher(source);
            if (method.matches()) {
                if (!MappingExpressions.isDeclared(method.group(1), method.group(2), declared)) {
                    findings.error(
                            here,
                            "Invalid mapping expression parameter specified: "
                                    + MappingExpressions.declaredParameter(method.group(1), method.group(2)));
                }
            } else if (!MappingExpressions.isRequestBody(source) && !MappingExpressions.isCommonSource(source)) {
                findings.error(here, "Invalid mapping expression specified: " + source);
            }
        });
    }

    /** A warning, as API Gateway accepts such templates (and fails the requests that use them). */
    private void checkTemplates(Map<String, String> templates, String location) {
        templates.forEach((contentType, template) -> checks.templateProblem(template)
                .ifPresent(problem -> findings.warning(
                        Findings.pointer(location, contentType), "Invalid mapping template: " + problem)));
    }

    private Optional<ContentHandling> contentHandling(JsonNode node, String location) {
        return Nodes.text(node, "contentHandling", location, findings).flatMap(text -> {
            Optional<ContentHandling> parsed = ContentHandling.parse(text);
            if (parsed.isEmpty()) {
                findings.error(
                        Findings.pointer(location, "contentHandling"), "must be CONVERT_TO_BINARY or CONVERT_TO_TEXT");
            }
            return parsed;
        });
    }

    private List<String> cacheKeyParameters(JsonNode node, String location, Set<String> declared) {
        JsonNode keys = node.get("cacheKeyParameters");
        List<String> result = new ArrayList<>();
        if (keys == null || keys.isNull()) {
            return result;
        }
        String here = Findings.pointer(location, "cacheKeyParameters");
        if (!keys.isArray()) {
            findings.error(here, "must be an array of method.request parameters");
            return result;
        }
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i).asString();
            Matcher matcher = MappingExpressions.METHOD_REQUEST_SOURCE.matcher(key);
            if (!matcher.matches() || !MappingExpressions.isDeclared(matcher.group(1), matcher.group(2), declared)) {
                findings.error(here + "/" + i, "Invalid cache key parameter specified: " + key);
            } else {
                result.add(key);
            }
        }
        return result;
    }

    private List<IntegrationResponse> responses(JsonNode node, String location) {
        List<IntegrationResponse> result = new ArrayList<>();
        Optional<JsonNode> responses = Nodes.object(node, "responses", location, findings);
        if (responses.isEmpty()) {
            return result;
        }
        String base = Findings.pointer(location, "responses");
        for (Map.Entry<String, JsonNode> entry : responses.get().properties()) {
            String here = Findings.pointer(base, entry.getKey());
            JsonNode response = entry.getValue();
            if (!response.isObject()) {
                findings.error(here, "must be an object");
                continue;
            }
            Optional<String> pattern =
                    entry.getKey().equals("default") || entry.getKey().isEmpty()
                            ? Optional.empty()
                            : Optional.of(entry.getKey());
            pattern.flatMap(checks::patternProblem)
                    .ifPresent(problem -> findings.error(here, "Invalid selection pattern: " + problem));
            String status = Nodes.text(response, "statusCode", here, findings).orElse("");
            if (!STATUS.matcher(status).matches()) {
                findings.error(Findings.pointer(here, "statusCode"), "Invalid status code specified: '" + status + "'");
            }
            Map<String, String> parameters = Nodes.stringMap(response, "responseParameters", here, findings);
            parameters.forEach((target, source) -> {
                String at = Findings.pointer(Findings.pointer(here, "responseParameters"), target);
                if (!MappingExpressions.METHOD_RESPONSE_TARGET.matcher(target).matches()) {
                    findings.error(at, "Invalid mapping expression specified: " + target);
                } else if (!MappingExpressions.INTEGRATION_RESPONSE_SOURCE
                                .matcher(source)
                                .matches()
                        && !MappingExpressions.isResponseBody(source)
                        && !MappingExpressions.isCommonSource(source)) {
                    findings.error(at, "Invalid mapping expression specified: " + source);
                }
            });
            Map<String, String> templates = Nodes.stringMap(response, "responseTemplates", here, findings);
            checkTemplates(templates, Findings.pointer(here, "responseTemplates"));
            result.add(
                    new IntegrationResponse(pattern, status, parameters, templates, contentHandling(response, here)));
        }
        return result;
    }
}
