package io.stateway.orchestrator.asl.validation;

/**
 * Number syntax as Jackson 2 reads it. Jackson 2 has a fast path (first digit not zero, number not
 * at the end of the text) that reports a bad fraction or exponent at the character after the
 * integer part, and a slow path that reports it where it stopped reading; both are reproduced.
 */
final class LegacyJsonNumbers {

    private LegacyJsonNumbers() {}

    /** A number whose {@code -} was just read. */
    static void readNegative(LegacyJsonCursor at, boolean root) {
        if (at.atEnd()) {
            at.failAtEnd("No digit following minus sign");
        }
        char first = at.next();
        if (!isDigit(first)) {
            at.unexpectedNumberChar(first, "expected digit (0-9) to follow minus sign, for valid numeric value");
        }
        read(at, first, root);
    }

    /** A number whose first digit was just read. */
    static void read(LegacyJsonCursor at, char first, boolean root) {
        String text = at.text;
        int end = at.end;
        if (first == '0' && !at.atEnd() && isDigit(at.peek())) {
            at.fail("Invalid numeric value: Leading zeroes not allowed");
        }
        int scan = skipDigits(text, at.pointer);
        boolean fastPath = first != '0' && !reachesEnd(text, scan);
        int afterIntegerPart = scan + 1;
        int c = scan < end ? text.charAt(scan) : -1;
        if (c == '.') {
            int fractionStart = scan + 1;
            scan = skipDigits(text, fractionStart);
            if (scan < end && scan == fractionStart) {
                at.pointer = fastPath ? afterIntegerPart : scan + 1;
                at.unexpectedNumberChar(text.charAt(scan), "Decimal point not followed by a digit");
            }
            c = scan < end ? text.charAt(scan) : -1;
        }
        if (c == 'e' || c == 'E') {
            scan++;
            if (scan < end && (text.charAt(scan) == '-' || text.charAt(scan) == '+')) {
                scan++;
            }
            int exponentStart = scan;
            scan = skipDigits(text, scan);
            if (scan == exponentStart) {
                if (scan >= end) {
                    at.pointer = end;
                    at.failAtEnd("expected a digit for number exponent");
                }
                at.pointer = fastPath ? afterIntegerPart : scan + 1;
                at.unexpectedNumberChar(text.charAt(scan), "Exponent indicator not followed by a digit");
            }
        }
        at.pointer = scan;
        if (root && !at.atEnd()) {
            char next = at.next();
            if (next != ' ' && next != '\t' && next != '\r' && next != '\n') {
                at.unexpectedChar(next, "Expected space separating root-level values");
            }
        }
    }

    private static int skipDigits(String text, int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether the number that continues at {@code scan} runs to the end of the text (Jackson's slow path). */
    private static boolean reachesEnd(String text, int scan) {
        int s = scan;
        if (s < text.length() && text.charAt(s) == '.') {
            s = skipDigits(text, s + 1);
        }
        if (s < text.length() && (text.charAt(s) == 'e' || text.charAt(s) == 'E')) {
            s++;
            if (s < text.length() && (text.charAt(s) == '-' || text.charAt(s) == '+')) {
                s++;
            }
            s = skipDigits(text, s);
        }
        return s >= text.length();
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
