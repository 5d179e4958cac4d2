package io.stateway.orchestrator.asl.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Finds the first syntax error in a JSON text and words it exactly as the Jackson 2 parser behind
 * AWS Step Functions does (AWS quotes that parser's message and location in {@code
 * INVALID_JSON_DESCRIPTION}, e.g. {@code Unrecognized token 'not': was expecting (JSON String,
 * Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)"not a
 * definition"; line: 1, column: 4]}). Our own parser (Jackson 3) words errors differently and
 * reports other columns, so this scanner re-reads the text with Jackson 2.12's rules: columns are
 * 1-based and point just past the offending character or token, the source is quoted up to 500
 * characters, and reading stops after the first root value (Jackson 2's {@code readTree} ignores
 * trailing content).
 */
final class LegacyJsonSyntax {

    /** A syntax error: the parser's message (with its location appended) and the location alone. */
    record SyntaxError(String message, String location) {}

    private static final int MAX_SNIPPET = 500;
    private static final int MAX_ERROR_TOKEN_LENGTH = 256;
    private static final String VALID_VALUES =
            "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

    private enum Kind {
        ROOT,
        OBJECT,
        ARRAY
    }

    /** One open container: its kind, where it started and how many entries it has seen. */
    private static final class Container {
        final Kind kind;
        final int startLine;
        final int startColumn;
        int entries;

        Container(Kind kind, int startLine, int startColumn) {
            this.kind = kind;
            this.startLine = startLine;
            this.startColumn = startColumn;
        }

        String description() {
            return switch (kind) {
                case ROOT -> "root";
                case OBJECT -> "Object";
                case ARRAY -> "Array";
            };
        }
    }

    /** Thrown internally to unwind the scan at the first error; never escapes this class. */
    private static final class Stop extends RuntimeException {
        final transient SyntaxError error;

        Stop(SyntaxError error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    private final String text;
    private final int end;
    private int pointer;
    private int line = 1;
    private int lineStart;
    private final Deque<Container> open = new ArrayDeque<>();

    private LegacyJsonSyntax(String text) {
        this.text = text;
        this.end = text.length();
    }

    /** The first syntax error of {@code text} as Jackson 2 reports it, or empty when it parses. */
    static Optional<SyntaxError> firstError(String text) {
        LegacyJsonSyntax scanner = new LegacyJsonSyntax(text);
        try {
            scanner.scan();
            return Optional.empty();
        } catch (Stop stop) {
            return Optional.of(stop.error);
        }
    }

    private void scan() {
        open.push(new Container(Kind.ROOT, 1, 0));
        do {
            nextToken();
        } while (open.size() > 1);
    }

    /** Reads one token; containers are pushed and popped, scalars consumed whole. */
    private void nextToken() {
        int c = skipWhitespaceOrEnd();
        if (c < 0) {
            return;
        }
        Container current = open.peek();
        if (c == ']' || c == '}') {
            closeContainer(c, current);
            return;
        }
        if (current.kind != Kind.ROOT && current.entries++ > 0) {
            if (c != ',') {
                unexpectedChar(c, "was expecting comma to separate " + current.description() + " entries");
            }
            c = skipWhitespaceAfterComma(current);
        } else if (current.kind == Kind.ROOT) {
            current.entries++;
        }
        boolean inObject = current.kind == Kind.OBJECT;
        if (inObject) {
            if (c != '"') {
                unexpectedChar(c, "was expecting double-quote to start field name");
            }
            readString("name");
            c = skipColon();
        }
        readValue(c, inObject);
    }

    private void readValue(int c, boolean inObject) {
        switch (c) {
            case '"' -> readString("string value");
            case '[' -> open.push(new Container(Kind.ARRAY, line, pointer - lineStart));
            case '{' -> open.push(new Container(Kind.OBJECT, line, pointer - lineStart));
            case '}' -> unexpectedChar(c, "expected a value");
            case 't' -> matchToken("true");
            case 'f' -> matchToken("false");
            case 'n' -> matchToken("null");
            case '-' -> readNegativeNumber();
            default -> {
                if (c >= '0' && c <= '9') {
                    readNumberAfterFirstDigit((char) c);
                } else {
                    oddValue(c, inObject);
                }
            }
        }
    }

    private void closeContainer(int c, Container current) {
        if (c == ']' && current.kind != Kind.ARRAY) {
            mismatchedClose(c, '}', current);
        }
        if (c == '}' && current.kind != Kind.OBJECT) {
            mismatchedClose(c, ']', current);
        }
        open.pop();
    }

    private void mismatchedClose(int actual, char expected, Container current) {
        fail(String.format(
                "Unexpected close marker '%s': expected '%c' (for %s starting at %s)",
                (char) actual, expected, current.description(), location(current.startLine, current.startColumn)));
    }

    private void oddValue(int c, boolean inObject) {
        if (c == 'N') {
            matchNonNumeric("NaN");
        } else if (c == 'I') {
            matchNonNumeric("Infinity");
        } else if (c == '+') {
            if (pointer >= end) {
                fail(eofMessage(" in a Number value"));
            }
            unexpectedNumberChar(
                    text.charAt(pointer++), "expected digit (0-9) to follow minus sign, for valid numeric value");
        }
        if (Character.isJavaIdentifierStart(c)) {
            invalidToken(String.valueOf((char) c));
        }
        unexpectedChar(c, "expected a valid value " + VALID_VALUES);
    }

    private void matchNonNumeric(String token) {
        matchToken(token);
        fail("Non-standard token '" + token + "': enable JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS to allow");
    }

    /** Matches the rest of {@code token} (its first character is consumed) the way Jackson 2 does. */
    private void matchToken(String token) {
        for (int i = 1; i < token.length(); i++) {
            if (pointer >= end || text.charAt(pointer) != token.charAt(i)) {
                invalidToken(token.substring(0, i));
            }
            pointer++;
        }
        if (pointer < end) {
            char next = text.charAt(pointer);
            if (next >= '0' && next != ']' && next != '}' && Character.isJavaIdentifierPart(next)) {
                invalidToken(token);
            }
        }
    }

    private void invalidToken(String matched) {
        StringBuilder token = new StringBuilder(matched);
        while (pointer < end) {
            char c = text.charAt(pointer);
            if (!Character.isJavaIdentifierPart(c)) {
                break;
            }
            pointer++;
            token.append(c);
            if (token.length() >= MAX_ERROR_TOKEN_LENGTH) {
                token.append("...");
                break;
            }
        }
        fail("Unrecognized token '" + token + "': was expecting " + VALID_VALUES);
    }

    private void readString(String context) {
        while (true) {
            if (pointer >= end) {
                fail(eofMessage(
                        "name".equals(context)
                                ? " in field name"
                                : ": was expecting closing quote for a string value"));
            }
            char c = text.charAt(pointer++);
            if (c == '"') {
                return;
            }
            if (c == '\\') {
                readEscape();
            } else if (c < ' ') {
                fail("Illegal unquoted character (" + describe(c)
                        + "): has to be escaped using backslash to be included in " + context);
            }
        }
    }

    private void readEscape() {
        if (pointer >= end) {
            fail(eofMessage(" in character escape sequence"));
        }
        char c = text.charAt(pointer++);
        switch (c) {
            case 'b', 't', 'n', 'f', 'r', '"', '/', '\\' -> {
                // a valid single-character escape
            }
            case 'u' -> {
                for (int i = 0; i < 4; i++) {
                    if (pointer >= end) {
                        fail(eofMessage(" in character escape sequence"));
                    }
                    char digit = text.charAt(pointer++);
                    if (!isHexDigit(digit)) {
                        unexpectedChar(digit, "expected a hex-digit for character escape sequence");
                    }
                }
            }
            default -> fail("Unrecognized character escape " + describe(c));
        }
    }

    private void readNegativeNumber() {
        if (pointer >= end) {
            fail(eofMessage("No digit following minus sign"));
        }
        char c = text.charAt(pointer);
        if (c < '0' || c > '9') {
            pointer++;
            unexpectedNumberChar(c, "expected digit (0-9) to follow minus sign, for valid numeric value");
        }
        pointer++;
        readNumberAfterFirstDigit(c);
    }

    /**
     * Reads the rest of a number whose first digit is consumed. Jackson 2 has a fast path (first
     * digit not zero, number not at the end of the text) that reports fraction and exponent errors
     * at the character after the integer part, and a slow path that reports them where it stopped.
     */
    private void readNumberAfterFirstDigit(char first) {
        if (first == '0' && pointer < end && isDigit(text.charAt(pointer))) {
            fail("Invalid numeric value: Leading zeroes not allowed");
        }
        int scan = pointer;
        while (scan < end && isDigit(text.charAt(scan))) {
            scan++;
        }
        boolean fastPath = first != '0' && !reachesEnd(scan);
        int afterIntegerPart = scan + 1;
        int c = scan < end ? text.charAt(scan) : -1;
        if (c == '.') {
            scan++;
            int fractionStart = scan;
            while (scan < end && isDigit(text.charAt(scan))) {
                scan++;
            }
            if (scan < end && scan == fractionStart) {
                pointer = fastPath ? afterIntegerPart : scan + 1;
                unexpectedNumberChar(text.charAt(scan), "Decimal point not followed by a digit");
            }
            c = scan < end ? text.charAt(scan) : -1;
        }
        if (c == 'e' || c == 'E') {
            scan++;
            if (scan < end && (text.charAt(scan) == '-' || text.charAt(scan) == '+')) {
                scan++;
            }
            int exponentStart = scan;
            while (scan < end && isDigit(text.charAt(scan))) {
                scan++;
            }
            if (scan < end && scan == exponentStart) {
                pointer = fastPath ? afterIntegerPart : scan + 1;
                unexpectedNumberChar(text.charAt(scan), "Exponent indicator not followed by a digit");
            }
            if (scan >= end && scan == exponentStart) {
                pointer = end;
                fail(eofMessage("expected a digit for number exponent"));
            }
        }
        pointer = scan;
        if (open.peek().kind == Kind.ROOT && pointer < end) {
            verifyRootSpace(text.charAt(pointer));
        }
    }

    private boolean reachesEnd(int scan) {
        int s = scan;
        if (s < end && text.charAt(s) == '.') {
            s++;
            while (s < end && isDigit(text.charAt(s))) {
                s++;
            }
        }
        if (s < end && (text.charAt(s) == 'e' || text.charAt(s) == 'E')) {
            s++;
            if (s < end && (text.charAt(s) == '-' || text.charAt(s) == '+')) {
                s++;
            }
            while (s < end && isDigit(text.charAt(s))) {
                s++;
            }
        }
        return s >= end;
    }

    private void verifyRootSpace(char c) {
        pointer++;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            return;
        }
        unexpectedChar(c, "Expected space separating root-level values");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Skips whitespace; returns the next character (consumed) or -1 at the end of the text. */
    private int skipWhitespaceOrEnd() {
        while (pointer < end) {
            char c = text.charAt(pointer++);
            if (c > ' ') {
                if (c == '/') {
                    unexpectedChar(
                            c,
                            "maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)");
                }
                return c;
            }
            whitespace(c);
        }
        Container current = open.peek();
        if (current.kind != Kind.ROOT) {
            String marker = current.kind == Kind.ARRAY ? "Array" : "Object";
            fail(eofMessage(": expected close marker for " + marker + " (start marker at "
                    + location(current.startLine, current.startColumn) + ")"));
        }
        return -1;
    }

    private int skipWhitespaceAfterComma(Container current) {
        while (pointer < end) {
            char c = text.charAt(pointer++);
            if (c > ' ') {
                if (c == '/') {
                    unexpectedChar(
                            c,
                            "maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)");
                }
                return c;
            }
            whitespace(c);
        }
        return fail("Unexpected end-of-input within/between " + current.description() + " entries");
    }

    private int skipColon() {
        boolean sawColon = false;
        while (pointer < end) {
            char c = text.charAt(pointer++);
            if (c > ' ') {
                if (c == '/') {
                    unexpectedChar(
                            c,
                            "maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)");
                }
                if (sawColon) {
                    return c;
                }
                if (c != ':') {
                    unexpectedChar(c, "was expecting a colon to separate field name and value");
                }
                sawColon = true;
            } else {
                whitespace(c);
            }
        }
        return fail(eofMessage(" within/between Object entries"));
    }

    private void whitespace(char c) {
        if (c == '\n') {
            line++;
            lineStart = pointer;
        } else if (c == '\r') {
            if (pointer < end && text.charAt(pointer) == '\n') {
                pointer++;
            }
            line++;
            lineStart = pointer;
        } else if (c != ' ' && c != '\t') {
            fail("Illegal character (" + describe(c)
                    + "): only regular white space (\\r, \\n, \\t) is allowed between tokens");
        }
    }

    private void unexpectedChar(int c, String comment) {
        fail("Unexpected character (" + describe(c) + "): " + comment);
    }

    private void unexpectedNumberChar(int c, String comment) {
        fail("Unexpected character (" + describe(c) + ") in numeric value: " + comment);
    }

    private static String eofMessage(String detail) {
        return "Unexpected end-of-input" + detail;
    }

    private static String describe(int code) {
        char c = (char) code;
        if (Character.isISOControl(c)) {
            return "(CTRL-CHAR, code " + code + ")";
        }
        if (code > 255) {
            return "'" + c + "' (code " + code + " / 0x" + Integer.toHexString(code) + ")";
        }
        return "'" + c + "' (code " + code + ")";
    }

    private <T> T fail(String message) {
        String here = location(line, pointer - lineStart + 1);
        throw new Stop(new SyntaxError(message + "\n at " + here, here));
    }

    private String location(int atLine, int atColumn) {
        StringBuilder out = new StringBuilder(MAX_SNIPPET + 64).append("[Source: (String)\"");
        int shown = Math.min(end, MAX_SNIPPET);
        out.append(text, 0, shown).append('"');
        if (end > shown) {
            out.append("[truncated ").append(end - shown).append(" chars]");
        }
        return out.append("; line: ")
                .append(atLine)
                .append(", column: ")
                .append(atColumn)
                .append(']')
                .toString();
    }
}
