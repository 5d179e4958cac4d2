package io.stateway.gateway.api;

import java.util.Locale;
import java.util.Optional;

/** What a non-proxy integration does with a request body whose Content-Type has no request template. */
public enum PassthroughBehavior {
    /** Pass the body through when no template matches its Content-Type (the default). */
    WHEN_NO_MATCH,
    /** Pass the body through only when the integration has no templates at all; else 415. */
    WHEN_NO_TEMPLATES,
    /** Never pass the body through: 415 without a matching template. */
    NEVER;

    public static Optional<PassthroughBehavior> parse(String text) {
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String exportName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
