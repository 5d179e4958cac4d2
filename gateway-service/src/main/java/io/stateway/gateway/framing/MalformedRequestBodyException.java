package io.stateway.gateway.framing;

import io.netty.handler.codec.DecoderException;

/**
 * The error of a request body whose chunked framing broke: the gateway must not send on what it read before
 * the fault, as if it were the whole body.
 */
public final class MalformedRequestBodyException extends DecoderException {

    MalformedRequestBodyException(Throwable cause) {
        super("Malformed chunked request body: " + cause.getMessage(), cause);
    }
}
