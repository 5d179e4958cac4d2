package io.stateway.gateway.vtl;

/** Thrown inside a rendering when one of its {@link RenderLimits} is reached. */
final class RenderLimitException extends RuntimeException {

    RenderLimitException(String message) {
        super(message, null, false, false);
    }
}
