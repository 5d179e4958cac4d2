package io.stateway.orchestrator.asl.jsonata;

/** A {@code {% ... %}} body that is not valid JSONata; raised when a definition is loaded. */
public final class JsonataSyntaxException extends RuntimeException {

    private final String expression;

    public JsonataSyntaxException(String expression, String detail) {
        super("Invalid JSONata expression '" + expression + "': " + detail, null, false, false);
        this.expression = expression;
    }

    public String expression() {
        return expression;
    }
}
