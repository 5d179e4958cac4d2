package io.stateway.gateway.routing;

import io.stateway.gateway.api.PathTemplate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The resources of an API as a tree of path segments, matched as API Gateway matches them: a literal
 * segment before a path variable before a greedy variable, and a resource that lacks the request's method
 * gives way to a less specific one that has it (so {@code OPTIONS /test} reaches {@code /{proxy+}} when
 * {@code /test} only has {@code POST}).
 */
public final class ResourceTree {

    private final Node root = new Node();

    /** Adds a resource's methods; the resource's path must be a valid {@link PathTemplate}. */
    public void add(PathTemplate template, Map<String, CompiledMethod> methods) {
        Node node = root;
        for (PathTemplate.Segment segment : template.segments()) {
            node = switch (segment) {
                case PathTemplate.Literal literal -> node.literals.computeIfAbsent(literal.text(), k -> new Node());
                case PathTemplate.Parameter parameter
                when parameter.greedy() -> {
                    if (node.greedy == null) {
                        node.greedy = new Node();
                        node.greedyName = parameter.name();
                    }
                    yield node.greedy;
                }
                case PathTemplate.Parameter parameter -> {
                    if (node.variable == null) {
                        node.variable = new Node();
                        node.variableName = parameter.name();
                    }
                    yield node.variable;
                }
            };
        }
        node.methods.putAll(methods);
    }

    /**
     * @param httpMethod the request's method
     * @param path the path below the stage without leading or trailing slashes ({@code ""} for the root),
     *     as sent (not decoded)
     */
    public Optional<RouteMatch> match(String httpMethod, String path) {
        String[] segments = path.isEmpty() ? new String[0] : path.split("/", -1);
        Map<String, String> parameters = new HashMap<>();
        CompiledMethod method = match(root, segments, 0, path, 0, httpMethod, parameters);
        return method == null ? Optional.empty() : Optional.of(new RouteMatch(method, parameters));
    }

    private CompiledMethod match(
            Node node,
            String[] segments,
            int index,
            String path,
            int offset,
            String httpMethod,
            Map<String, String> parameters) {
        if (index == segments.length) {
            return node.method(httpMethod);
        }
        String segment = segments[index];
        int next = offset + segment.length() + 1;
        Node literal = node.literals.get(segment);
        if (literal != null) {
            CompiledMethod found = match(literal, segments, index + 1, path, next, httpMethod, parameters);
            if (found != null) {
                return found;
            }
        }
        if (node.variable != null && !segment.isEmpty()) {
            parameters.put(node.variableName, segment);
            CompiledMethod found = match(node.variable, segments, index + 1, path, next, httpMethod, parameters);
            if (found != null) {
                return found;
            }
            parameters.remove(node.variableName);
        }
        if (node.greedy != null) {
            CompiledMethod found = node.greedy.method(httpMethod);
            if (found != null) {
                parameters.put(node.greedyName, path.substring(offset));
                return found;
            }
        }
        return null;
    }

    private static final class Node {
        private final Map<String, Node> literals = new LinkedHashMap<>();
        private final Map<String, CompiledMethod> methods = new LinkedHashMap<>();
        private Node variable;
        private String variableName;
        private Node greedy;
        private String greedyName;

        CompiledMethod method(String httpMethod) {
            CompiledMethod exact = methods.get(httpMethod);
            return exact != null ? exact : methods.get("ANY");
        }
    }
}
