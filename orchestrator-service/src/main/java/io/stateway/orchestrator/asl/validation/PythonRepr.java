package io.stateway.orchestrator.asl.validation;

/**
 * Python's {@code repr()} of a string. AWS words Map Label errors with a Python exception ({@code
 * Error=ValueError Args=["Label contains invalid character: ':'"]}), quoting the character and the
 * whole message the way Python does, so rendering them exactly needs Python's quoting and escaping.
 */
final class PythonRepr {

    private PythonRepr() {}

    static String of(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        text.codePoints().forEach(cp -> append(out, cp, quote));
        return out.append(quote).toString();
    }

    private static void append(StringBuilder out, int cp, char quote) {
        if (cp == quote || cp == '\\') {
            out.append('\\').appendCodePoint(cp);
        } else if (cp == '\t') {
            out.append("\\t");
        } else if (cp == '\n') {
            out.append("\\n");
        } else if (cp == '\r') {
            out.append("\\r");
        } else if (isPrintable(cp)) {
            out.appendCodePoint(cp);
        } else if (cp < 0x100) {
            out.append(String.format("\\x%02x", cp));
        } else if (cp < 0x10000) {
            out.append(String.format("\\u%04x", cp));
        } else {
            out.append(String.format("\\U%08x", cp));
        }
    }

    /** Python's {@code str.isprintable()} for one character: not Other and not Separator, but space. */
    private static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
