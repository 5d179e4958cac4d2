package io.stateway.gateway.framing;

import io.netty.handler.codec.DecoderException;

/**
 * The error of a request body whose chunked framing broke, or that the client stopped sending before its end:
 * the gateway must not send on what it read before that, as if it were the whole body.
 */
public final class MalformedRequestBodyException extends DecoderException {

    private MalformedRequestBodyException(String message, Throwable cause) {
        super(message, cause);
    }

    static MalformedRequestBodyException brokenChunk(Throwable cause) {
        return new MalformedRequestBodyException("Malformed chunked request body: " + cause.getMessage(), cause);
    }

    /** Whether a failure (of a backend call that streamed the body, say) comes from such a body. */
    public static boolean isCauseOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MalformedRequestBodyException) {
                return true;
            }
        }
        return false;
    }

    /** The client shut down its sending side before the body's last chunk or declared length. */
    static MalformedRequestBodyException unfinished() {
        return new MalformedRequestBodyException("The client stopped sending before the end of the body", null);
    }
}
