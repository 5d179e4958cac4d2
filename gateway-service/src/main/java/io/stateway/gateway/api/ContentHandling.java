package io.stateway.gateway.api;

import java.util.Optional;

/** How a payload is converted between text and binary on its way through an integration. */
public enum ContentHandling {
    CONVERT_TO_BINARY,
    CONVERT_TO_TEXT;

    public static Optional<ContentHandling> parse(String text) {
        try {
            return Optional.of(valueOf(text.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
