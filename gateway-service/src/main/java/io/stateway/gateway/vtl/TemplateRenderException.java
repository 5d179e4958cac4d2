package io.stateway.gateway.vtl;

/** A mapping template failed while rendering (an exception in a call, or a limit reached). */
public class TemplateRenderException extends RuntimeException {

    public TemplateRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
