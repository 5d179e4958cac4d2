package io.stateway.orchestrator.asl.choice;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Timestamps as Choice rules read them: RFC 3339 with an uppercase {@code T} between date and time, seconds,
 * an optional fraction, and {@code Z} or a numeric offset ({@code 2012-10-09T19:00:55Z},
 * {@code 2012-10-09T19:00:55.123+01:00}).
 */
final class Timestamps {

    private Timestamps() {}

    /** The instant the text denotes, or null when it is no such timestamp. */
    static Instant parse(String text) {
        if (!shaped(text)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The layout check the lenient ISO parser does not make (it accepts {@code t}, {@code z} and no seconds). */
    private static boolean shaped(String text) {
        if (text.length() < 20
                || !digits(text, 0, 4)
                || text.charAt(4) != '-'
                || !digits(text, 5, 7)
                || text.charAt(7) != '-'
                || !digits(text, 8, 10)
                || text.charAt(10) != 'T'
                || !digits(text, 11, 13)
                || text.charAt(13) != ':'
                || !digits(text, 14, 16)
                || text.charAt(16) != ':'
                || !digits(text, 17, 19)) {
            return false;
        }
        int at = 19;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            if (at == start) {
                return false;
            }
        }
        String zone = text.substring(at);
        return zone.equals("Z")
                || (zone.length() == 6
                        && (zone.charAt(0) == '+' || zone.charAt(0) == '-')
                        && digits(zone, 1, 3)
                        && zone.charAt(3) == ':'
                        && digits(zone, 4, 6));
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
