package io.stateway.gateway.framing;

/** A request head with a line that starts with whitespace (RFC 9112 §5.2, §2.2): refused, not unfolded. */
final class ObsoleteLineFoldingException extends IllegalArgumentException {

    ObsoleteLineFoldingException() {
        super("Obsolete line folding or whitespace before a header field");
    }
}
