package io.stateway.gateway.api;

import java.util.Map;

/**
 * A resource: a path of the API and its methods.
 *
 * @param id a stable id, derived from the API id and the path ({@code $context.resourceId})
 * @param path the resource path, e.g. {@code /pets/{id}} or {@code /{proxy+}}; {@code /} for the root
 * @param methods by HTTP method ({@code GET}, ..., {@code ANY})
 */
public record ApiResource(String id, String path, Map<String, ApiMethod> methods) {

    public ApiResource {
        methods = Maps.ordered(methods);
    }
}
