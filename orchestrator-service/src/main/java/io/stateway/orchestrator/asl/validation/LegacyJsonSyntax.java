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
 * reports other columns, so this scanner re-reads the text with Jackson 2.12's rules (see {@link
 * LegacyJsonCursor} for locations); like Jackson 2's {@code readTree} it stops after the first root
 * value and ignores what follows.
 */
final class LegacyJsonSyntax {

    /** A syntax error: the parser's message (with its location appended) and the location alone. */
    record SyntaxError(String message, String location) {}

    private static final int MAX_ERROR_TOKEN_LENGTH = 256;
    private static final String VALID_VALUES =
            "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
    private static final String NO_COMMENTS =
            "maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)";

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

    private final LegacyJsonCursor at;
    private final Deque<Container> open = new ArrayDeque<>();

    private LegacyJsonSyntax(String text) {
        this.at = new LegacyJsonCursor(text);
    }

    /** The first syntax error of {@code text} as Jackson 2 reports it, or empty when it parses. */
    static Optional<SyntaxError> firstError(String text) {
        LegacyJsonSyntax scanner = new LegacyJsonSyntax(text);
        try {
            scanner.scan();
            return Optional.empty();
        } catch (LegacyJsonCursor.Stop stop) {
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
        if (current.entries++ > 0 && current.kind != Kind.ROOT) {
            if (c != ',') {
                at.unexpectedChar(c, "was expecting comma to separate " + current.description() + " entries");
            }
            c = skipWhitespace("Unexpected end-of-input within/between " + current.description() + " entries");
        }
        boolean inObject = current.kind == Kind.OBJECT;
        if (inObject) {
            if (c != '"') {
                at.unexpectedChar(c, "was expecting double-quote to start field name");
            }
            readString("name");
            c = skipColon();
        }
        readValue(c);
    }

    private void readValue(int c) {
        switch (c) {
            case '"' -> readString("string value");
            case '[' -> open.push(new Container(Kind.ARRAY, at.line(), at.columnOfLastRead()));
            case '{' -> open.push(new Container(Kind.OBJECT, at.line(), at.columnOfLastRead()));
            case '}' -> at.unexpectedChar(c, "expected a value");
            case 't' -> matchToken("true");
            case 'f' -> matchToken("false");
            case 'n' -> matchToken("null");
            case '-' -> LegacyJsonNumbers.readNegative(at, atRoot());
            default -> {
                if (LegacyJsonNumbers.isDigit((char) c)) {
                    LegacyJsonNumbers.read(at, (char) c, atRoot());
                } else {
                    oddValue(c);
                }
            }
        }
    }

    private boolean atRoot() {
        return open.peek().kind == Kind.ROOT;
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
        at.fail(String.format(
                "Unexpected close marker '%s': expected '%c' (for %s starting at %s)",
                (char) actual, expected, current.description(), at.location(current.startLine, current.startColumn)));
    }

    private void oddValue(int c) {
        if (c == 'N') {
            matchNonNumeric("NaN");
        } else if (c == 'I') {
            matchNonNumeric("Infinity");
        } else if (c == '+') {
            if (at.atEnd()) {
                at.failAtEnd(" in a Number value");
            }
            at.unexpectedNumberChar(at.next(), "expected digit (0-9) to follow minus sign, for valid numeric value");
        }
        if (Character.isJavaIdentifierStart(c)) {
            invalidToken(String.valueOf((char) c));
        }
        at.unexpectedChar(c, "expected a valid value " + VALID_VALUES);
    }

    private void matchNonNumeric(String token) {
        matchToken(token);
        at.fail("Non-standard token '" + token + "': enable JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS to allow");
    }

    /** Matches the rest of {@code token} (its first character is consumed) the way Jackson 2 does. */
    private void matchToken(String token) {
        for (int i = 1; i < token.length(); i++) {
            if (at.atEnd() || at.peek() != token.charAt(i)) {
                invalidToken(token.substring(0, i));
            }
            at.pointer++;
        }
        if (!at.atEnd()) {
            char next = at.peek();
            if (next >= '0' && next != ']' && next != '}' && Character.isJavaIdentifierPart(next)) {
                invalidToken(token);
            }
        }
    }

    private void invalidToken(String matched) {
        StringBuilder token = new StringBuilder(matched);
        while (!at.atEnd() && Character.isJavaIdentifierPart(at.peek())) {
            token.append(at.next());
            if (token.length() >= MAX_ERROR_TOKEN_LENGTH) {
                token.append("...");
                break;
            }
        }
        at.fail("Unrecognized token '" + token + "': was expecting " + VALID_VALUES);
    }

    private void readString(String context) {
        while (true) {
            if (at.atEnd()) {
                at.failAtEnd(
                        "name".equals(context) ? " in field name" : ": was expecting closing quote for a string value");
            }
            char c = at.next();
            if (c == '"') {
                return;
            }
            if (c == '\\') {
                readEscape();
            } else if (c < ' ') {
                at.fail("Illegal unquoted character (" + LegacyJsonCursor.describe(c)
                        + "): has to be escaped using backslash to be included in " + context);
            }
        }
    }

    private void readEscape() {
        if (at.atEnd()) {
            at.failAtEnd(" in character escape sequence");
        }
        char c = at.next();
        switch (c) {
            case 'b', 't', 'n', 'f', 'r', '"', '/', '\\' -> {
                // a valid single-character escape
            }
            case 'u' -> {
                for (int i = 0; i < 4; i++) {
                    if (at.atEnd()) {
                        at.failAtEnd(" in character escape sequence");
                    }
                    char digit = at.next();
                    if (!isHexDigit(digit)) {
                        at.unexpectedChar(digit, "expected a hex-digit for character escape sequence");
                    }
                }
            }
            default -> at.fail("Unrecognized character escape " + LegacyJsonCursor.describe(c));
        }
    }

    private static boolean isHexDigit(char c) {
        return LegacyJsonNumbers.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Skips whitespace; returns the next character (consumed) or -1 at the end of the text. */
    private int skipWhitespaceOrEnd() {
        while (!at.atEnd()) {
            char c = at.next();
            if (c > ' ') {
                if (c == '/') {
                    at.unexpectedChar(c, NO_COMMENTS);
                }
                return c;
            }
            at.whitespace(c);
        }
        Container current = open.peek();
        if (current.kind != Kind.ROOT) {
            at.failAtEnd(": expected close marker for " + current.description() + " (start marker at "
                    + at.location(current.startLine, current.startColumn) + ")");
        }
        return -1;
    }

    private int skipWhitespace(String endOfInputMessage) {
        while (!at.atEnd()) {
            char c = at.next();
            if (c > ' ') {
                if (c == '/') {
                    at.unexpectedChar(c, NO_COMMENTS);
                }
                return c;
            }
            at.whitespace(c);
        }
        return at.fail(endOfInputMessage);
    }

    private int skipColon() {
        int c = skipWhitespace("Unexpected end-of-input within/between Object entries");
        if (c != ':') {
            at.unexpectedChar(c, "was expecting a colon to separate field name and value");
        }
        return skipWhitespace("Unexpected end-of-input within/between Object entries");
    }
}
