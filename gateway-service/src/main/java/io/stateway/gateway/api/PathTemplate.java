package io.stateway.gateway.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A resource path such as {@code /pets/{id}} or {@code /files/{proxy+}}: literal segments, parameter
 * segments, and at most one greedy parameter, last.
 *
 * @param path the path as written
 * @param segments its segments ({@code /} has none)
 */
public record PathTemplate(String path, List<Segment> segments) {

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z0-9._-]+)(\\+?)}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9\\-._~:@!$&'()*+,;=%]+");

    public PathTemplate {
        segments = List.copyOf(segments);
    }

    /** One segment of a resource path. */
    public sealed interface Segment {}

    /** A fixed segment, matched exactly. */
    public record Literal(String text) implements Segment {}

    /** {@code {name}}: one segment; {@code {name+}}: the rest of the path. */
    public record Parameter(String name, boolean greedy) implements Segment {}

    /**
     * Parses a resource path.
     *
     * @return the template, or the reason it is not a valid API Gateway resource path
     */
    public static Result parse(String path) {
        if (path.equals("/")) {
            return new Result(Optional.of(new PathTemplate(path, List.of())), Optional.empty());
        }
        if (!path.startsWith("/")) {
            return invalid("A resource path must start with '/'");
        }
        String[] parts = path.substring(1).split("/", -1);
        List<Segment> segments = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                return invalid("A resource path may not contain an empty segment ('//' or a trailing '/')");
            }
            var parameter = PARAMETER.matcher(part);
            if (parameter.matches()) {
                boolean greedy = !parameter.group(2).isEmpty();
                if (greedy && i != parts.length - 1) {
                    return invalid("A greedy path variable {" + parameter.group(1) + "+} must be the last segment");
                }
                if (!names.add(parameter.group(1))) {
                    return invalid("The path variable {" + parameter.group(1) + "} is declared twice");
                }
                segments.add(new Parameter(parameter.group(1), greedy));
            } else if (LITERAL.matcher(part).matches()) {
                segments.add(new Literal(part));
            } else {
                return invalid("Resource path segment '" + part
                        + "' may only contain letters, digits and -._~:@!$&'()*+,;=%, or be a {variable}");
            }
        }
        return new Result(Optional.of(new PathTemplate(path, segments)), Optional.empty());
    }

    /** The names of the path variables, in order. */
    public List<String> parameterNames() {
        return segments.stream()
                .filter(Parameter.class::isInstance)
                .map(s -> ((Parameter) s).name())
                .toList();
    }

    private static Result invalid(String reason) {
        return new Result(Optional.empty(), Optional.of(reason));
    }

    /** A parsed template, or why the path is invalid. */
    public record Result(Optional<PathTemplate> template, Optional<String> error) {}
}
