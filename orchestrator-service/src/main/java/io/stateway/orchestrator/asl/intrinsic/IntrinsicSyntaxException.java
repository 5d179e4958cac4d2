package io.stateway.orchestrator.asl.intrinsic;

/**
 * An intrinsic function call that cannot be compiled (unknown function, wrong number of arguments, bad literal
 * or path, illegal escape): raised while a definition is loaded or validated, never while it runs.
 */
public final class IntrinsicSyntaxException extends RuntimeException {

    private final String expression;
    private final String reason;

    IntrinsicSyntaxException(String expression, String reason) {
        super("Invalid intrinsic function call '" + expression + "': " + reason);
        this.expression = expression;
        this.reason = reason;
    }

    /** The call as written in the definition. */
    public String expression() {
        return expression;
    }

    /** What is wrong, without the call. */
    public String reason() {
        return reason;
    }
}
