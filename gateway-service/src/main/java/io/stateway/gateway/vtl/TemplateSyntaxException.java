package io.stateway.gateway.vtl;

/** A mapping template does not compile. */
public class TemplateSyntaxException extends RuntimeException {

    public TemplateSyntaxException(String message, Throwable cause) {
        super(message, cause);
    }
}
