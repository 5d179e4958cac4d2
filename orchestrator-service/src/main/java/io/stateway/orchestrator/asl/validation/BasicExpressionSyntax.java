package io.stateway.orchestrator.asl.validation;

import java.util.Set;

/**
 * A self-contained {@link ExpressionSyntax}: the lexical rules of Step Functions' JSONPath subset
 * and of intrinsic function calls, strict only where AWS is known to be strict. Paths start at
 * {@code $}, {@code $$} or a variable ({@code $name}); Reference Paths exclude {@code .. * @ , :
 * ?}; an intrinsic call is {@code States.<function>(<args>)} with one of the 18 function names,
 * and its string literals only know the escapes {@code \' \{ \} \\} (AWS rejects {@code \"}).
 * Brackets and quotes inside a path must balance; what a filter expression says is left to the
 * evaluator.
 */
public final class BasicExpressionSyntax implements ExpressionSyntax {

    private static final Set<String> FUNCTIONS = Set.of(
            "Format",
            "StringToJson",
            "JsonToString",
            "Array",
            "ArrayPartition",
            "ArrayContains",
            "ArrayRange",
            "ArrayGetItem",
            "ArrayLength",
            "ArrayUnique",
            "Base64Encode",
            "Base64Decode",
            "Hash",
            "JsonMerge",
            "MathRandom",
            "MathAdd",
            "StringSplit",
            "UUID");

    @Override
    public boolean isPath(String text) {
        int end = pathEnd(text, 0, false);
        return end == text.length();
    }

    @Override
    public boolean isReferencePath(String text) {
        return isPath(text) && !hasNonReferenceOperator(text);
    }

    @Override
    public boolean isIntrinsicFunction(String text) {
        int end = callEnd(text, 0);
        return end == text.length();
    }

    /**
     * Scans a path starting at {@code start}; returns where it ends, or -1 when it is malformed.
     * Inside an intrinsic argument list ({@code nested}) a path ends at a top-level {@code ,} or
     * {@code )}.
     */
    private static int pathEnd(String text, int start, boolean nested) {
        int i = start;
        if (i >= text.length() || text.charAt(i) != '$') {
            return -1;
        }
        i++;
        if (i < text.length() && text.charAt(i) == '$') {
            i++;
        } else if (i < text.length() && isNameStart(text.charAt(i))) {
            while (i < text.length() && isNamePart(text.charAt(i))) {
                i++;
            }
        }
        while (i < text.length()) {
            char c = text.charAt(i);
            if (nested && (c == ',' || c == ')' || Character.isWhitespace(c))) {
                return i;
            }
            if (c == '.') {
                i = dotSegment(text, i, nested);
            } else if (c == '[') {
                i = bracketSegment(text, i);
            } else {
                return -1;
            }
            if (i < 0) {
                return -1;
            }
        }
        return i;
    }

    private static int dotSegment(String text, int dot, boolean nested) {
        int i = dot + 1;
        if (i < text.length() && text.charAt(i) == '.') {
            i++;
        }
        int nameStart = i;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.' || c == '[' || (nested && (c == ',' || c == ')' || Character.isWhitespace(c)))) {
                break;
            }
            i++;
        }
        if (i == nameStart) {
            // "$.a..[0]" style deep scans into brackets are valid; a dot followed by nothing is not.
            return i < text.length() && text.charAt(i) == '[' && dot + 2 == i ? i : -1;
        }
        return i;
    }

    private static int bracketSegment(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
                if (depth == 0) {
                    return c == ']' && i > open + 1 ? i + 1 : -1;
                }
                if (depth < 0) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static boolean hasNonReferenceOperator(String path) {
        char quote = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '*'
                    || c == '@'
                    || c == ','
                    || c == ':'
                    || c == '?'
                    || (c == '.' && i + 1 < path.length() && path.charAt(i + 1) == '.')) {
                return true;
            }
        }
        return false;
    }

    /** Scans {@code States.Fn(args)} from {@code start}; returns where it ends, or -1. */
    private static int callEnd(String text, int start) {
        if (!text.startsWith("States.", start)) {
            return -1;
        }
        int nameStart = start + "States.".length();
        int open = text.indexOf('(', nameStart);
        if (open < 0 || !FUNCTIONS.contains(text.substring(nameStart, open))) {
            return -1;
        }
        int i = skipSpaces(text, open + 1);
        if (i < text.length() && text.charAt(i) == ')') {
            return i + 1;
        }
        while (true) {
            i = argumentEnd(text, i);
            if (i < 0) {
                return -1;
            }
            i = skipSpaces(text, i);
            if (i >= text.length()) {
                return -1;
            }
            if (text.charAt(i) == ')') {
                return i + 1;
            }
            if (text.charAt(i) != ',') {
                return -1;
            }
            i = skipSpaces(text, i + 1);
        }
    }

    private static int argumentEnd(String text, int start) {
        if (start >= text.length()) {
            return -1;
        }
        char c = text.charAt(start);
        if (c == '\'') {
            return stringEnd(text, start);
        }
        if (c == '$') {
            return pathEnd(text, start, true);
        }
        if (text.startsWith("States.", start)) {
            return callEnd(text, start);
        }
        for (String literal : new String[] {"true", "false", "null"}) {
            if (text.startsWith(literal, start)) {
                return start + literal.length();
            }
        }
        return numberEnd(text, start);
    }

    private static int stringEnd(String text, int open) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 >= text.length() || "'{}\\".indexOf(text.charAt(i + 1)) < 0) {
                    return -1;
                }
                i++;
            } else if (c == '\'') {
                return i + 1;
            }
        }
        return -1;
    }

    private static int numberEnd(String text, int start) {
        int i = start;
        if (i < text.length() && text.charAt(i) == '-') {
            i++;
        }
        int digits = i;
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
            i++;
        }
        return i > digits ? i : -1;
    }

    private static int skipSpaces(String text, int start) {
        int i = start;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
