package io.stateway.gateway.auth;

import io.stateway.gateway.pipeline.ContextVariables;
import io.stateway.gateway.pipeline.Invocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of a Lambda authorizer's identity sources in a request: {@code method.request.header.X},
 * {@code method.request.querystring.X}, {@code stageVariables.X} and {@code context.X} (a request context
 * variable, e.g. {@code context.identity.sourceIp}).
 */
final class IdentitySources {

    private IdentitySources() {}

    /**
     * @return the values in the authorizer's order, or empty when one is missing or empty (the request is then
     *     refused without calling the authorizer), or when a TOKEN does not match the validation expression
     */
    static Optional<List<String>> values(AuthorizerConfig.Lambda authorizer, Invocation invocation, String accountId) {
        List<String> values = new ArrayList<>(authorizer.identitySources().size());
        Map<String, Object> context = null;
        for (String source : authorizer.identitySources()) {
            String value;
            if (source.startsWith("method.request.header.")) {
                value = invocation
                        .request()
                        .headers()
                        .last(source.substring("method.request.header.".length()))
                        .orElse(null);
            } else if (source.startsWith("method.request.querystring.")) {
                value = invocation
                        .request()
                        .singleQuery()
                        .get(source.substring("method.request.querystring.".length()));
            } else if (source.startsWith("stageVariables.")) {
                value = invocation
                        .stage()
                        .orElseThrow()
                        .settings()
                        .variables()
                        .get(source.substring("stageVariables.".length()));
            } else {
                if (context == null) {
                    context = ContextVariables.requestContext(invocation, accountId);
                }
                value = lookup(context, source.substring("context.".length()));
            }
            if (value == null || value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value);
        }
        if (authorizer.validationExpression().isPresent()
                && !authorizer
                        .validationExpression()
                        .get()
                        .matcher(values.getFirst())
                        .matches()) {
            return Optional.empty();
        }
        return Optional.of(values);
    }

    private static String lookup(Map<String, Object> context, String path) {
        Object current = context;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current == null || current instanceof Map ? null : current.toString();
    }
}
