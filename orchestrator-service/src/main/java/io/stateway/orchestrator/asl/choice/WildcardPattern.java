package io.stateway.orchestrator.asl.choice;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code StringMatches} pattern: {@code *} matches any run of characters (also none), {@code \*} is a literal
 * star and {@code \\} a literal backslash. Compiled once into the literal pieces between the stars.
 */
public record WildcardPattern(String text, List<String> pieces) {

    public WildcardPattern {
        pieces = List.copyOf(pieces);
    }

    public static WildcardPattern compile(String text) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                piece.append(text.charAt(++i));
            } else if (c == '*') {
                pieces.add(piece.toString());
                piece.setLength(0);
            } else {
                piece.append(c);
            }
        }
        pieces.add(piece.toString());
        return new WildcardPattern(text, pieces);
    }

    /**
     * Whether the whole value matches: the first piece is a prefix, the last a suffix, and the ones between occur
     * in order; taking each middle piece at its earliest place is always right.
     */
    public boolean matches(String value) {
        String first = pieces.getFirst();
        if (pieces.size() == 1) {
            return value.equals(first);
        }
        String last = pieces.getLast();
        if (value.length() < first.length() + last.length() || !value.startsWith(first) || !value.endsWith(last)) {
            return false;
        }
        int from = first.length();
        int end = value.length() - last.length();
        for (int i = 1; i < pieces.size() - 1; i++) {
            int at = value.indexOf(pieces.get(i), from);
            if (at < 0 || at + pieces.get(i).length() > end) {
                return false;
            }
            from = at + pieces.get(i).length();
        }
        return true;
    }
}
