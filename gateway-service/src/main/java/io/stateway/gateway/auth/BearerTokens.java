package io.stateway.gateway.auth;

import java.util.Locale;

/** The token in an identity header: the value itself, or what follows {@code Bearer }. */
final class BearerTokens {

    private BearerTokens() {}

    static String of(String headerValue) {
        String value = headerValue.strip();
        return value.length() > 7
                        && value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")
                ? value.substring(7).strip()
                : value;
    }
}
