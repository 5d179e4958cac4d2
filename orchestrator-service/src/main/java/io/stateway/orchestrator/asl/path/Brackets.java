package io.stateway.orchestrator.asl.path;

/** Finds matching close characters in path and filter text, skipping quoted strings and /regex/ literals. */
final class Brackets {

    private Brackets() {}

    /** The index of the {@code close} matching the {@code open} at {@code at}, or -1. */
    static int closing(CharSequence text, int at, char open, char close) {
        int depth = 0;
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || (c == '/' && open == '(')) {
                i = unescaped(text, i + 1, c);
                if (i < 0) {
                    return -1;
                }
            } else if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the next {@code c} at or after {@code from} that no backslash escapes, or -1. */
    static int unescaped(CharSequence text, int from, char c) {
        boolean escaped = false;
        for (int i = from; i < text.length(); i++) {
            char x = text.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (x == '\\') {
                escaped = true;
            } else if (x == c) {
                return i;
            }
        }
        return -1;
    }
}
