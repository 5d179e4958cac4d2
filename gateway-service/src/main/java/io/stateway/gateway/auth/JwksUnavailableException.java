package io.stateway.gateway.auth;

/** A key set that could not be fetched or read: the gateway cannot verify tokens, the caller is not to blame. */
final class JwksUnavailableException extends RuntimeException {

    JwksUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
