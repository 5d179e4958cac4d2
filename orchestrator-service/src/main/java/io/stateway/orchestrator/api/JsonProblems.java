package io.stateway.orchestrator.api;

import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Describes why a request body did not read, for a {@code SerializationException}: the member and
 * the type it needed, or the JSON syntax error; never a Java class name.
 */
public final class JsonProblems {

    private JsonProblems() {}

    public static String describe(JacksonException problem) {
        if (problem instanceof MismatchedInputException mismatch) {
            return "Unexpected value type at '" + path(mismatch) + "': expected " + expected(mismatch);
        }
        return "The request body is not valid JSON: " + problem.getOriginalMessage();
    }

    private static String path(MismatchedInputException exception) {
        List<JacksonException.Reference> path = exception.getPath();
        return path.stream()
                .map(reference -> reference.getPropertyName() != null
                        ? "." + reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String expected(MismatchedInputException exception) {
        Class<?> type = exception.getTargetType();
        if (type == null) {
            return "another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a structure";
    }
}
