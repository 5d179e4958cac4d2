package io.stateway.gateway.auth;

/** A security scheme that does not declare a usable authorizer; the message says why. */
public final class InvalidAuthorizerException extends RuntimeException {

    public InvalidAuthorizerException(String message) {
        super(message, null, false, false);
    }
}
