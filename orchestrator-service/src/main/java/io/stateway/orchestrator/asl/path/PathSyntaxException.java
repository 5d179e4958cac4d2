package io.stateway.orchestrator.asl.path;

/**
 * A path that cannot be compiled: raised while a definition is loaded or validated, never while it runs.
 * {@link #getMessage()} names the path and what is wrong with it.
 */
public final class PathSyntaxException extends RuntimeException {

    private final String path;
    private final String reason;

    PathSyntaxException(String path, String reason) {
        super("Invalid JSONPath '" + path + "': " + reason);
        this.path = path;
        this.reason = reason;
    }

    /** The path text as written in the definition. */
    public String path() {
        return path;
    }

    /** What is wrong, without the path. */
    public String reason() {
        return reason;
    }
}
