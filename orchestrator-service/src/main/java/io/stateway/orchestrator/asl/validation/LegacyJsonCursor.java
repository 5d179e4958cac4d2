package io.stateway.orchestrator.asl.validation;

/**
 * The read position in a JSON text as Jackson 2 tracks it, and how Jackson 2 words an error there:
 * the location is the line and the 1-based column of the next unread character (so just past the
 * character or token at fault), and the source is quoted up to 500 characters.
 */
final class LegacyJsonCursor {

    /** Unwinds the scan at the first error; never escapes {@link LegacyJsonSyntax}. */
    static final class Stop extends RuntimeException {
        final transient LegacyJsonSyntax.SyntaxError error;

        Stop(LegacyJsonSyntax.SyntaxError error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    private static final int MAX_SNIPPET = 500;

    final String text;
    final int end;
    int pointer;
    private int line = 1;
    private int lineStart;

    LegacyJsonCursor(String text) {
        this.text = text;
        this.end = text.length();
    }

    boolean atEnd() {
        return pointer >= end;
    }

    char peek() {
        return text.charAt(pointer);
    }

    char next() {
        return text.charAt(pointer++);
    }

    int line() {
        return line;
    }

    /** The column of the character just read, which is where Jackson 2 says a container starts. */
    int columnOfLastRead() {
        return pointer - lineStart;
    }

    /** A consumed character at or below space: a line break moves the location, a control character is an error. */
    void whitespace(char c) {
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

    void unexpectedChar(int c, String comment) {
        fail("Unexpected character (" + describe(c) + "): " + comment);
    }

    void unexpectedNumberChar(int c, String comment) {
        fail("Unexpected character (" + describe(c) + ") in numeric value: " + comment);
    }

    /** Jackson 2 appends the detail without a separator: some of its messages read "end-of-inputNo digit...". */
    void failAtEnd(String detail) {
        fail("Unexpected end-of-input" + detail);
    }

    <T> T fail(String message) {
        String here = location(line, pointer - lineStart + 1);
        throw new Stop(new LegacyJsonSyntax.SyntaxError(message + "\n at " + here, here));
    }

    String location(int atLine, int atColumn) {
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

    static String describe(int code) {
        char c = (char) code;
        if (Character.isISOControl(c)) {
            return "(CTRL-CHAR, code " + code + ")";
        }
        if (code > 255) {
            return "'" + c + "' (code " + code + " / 0x" + Integer.toHexString(code) + ")";
        }
        return "'" + c + "' (code " + code + ")";
    }
}
