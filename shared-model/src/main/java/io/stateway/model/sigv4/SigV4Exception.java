package io.stateway.model.sigv4;

/**
 * A request SigV4 refuses, with AWS's error code: {@code MissingAuthenticationTokenException},
 * {@code IncompleteSignatureException}, {@code UnrecognizedClientException} or {@code
 * InvalidSignatureException}, and AWS's message.
 */
public final class SigV4Exception extends RuntimeException {

    private final String code;

    SigV4Exception(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
