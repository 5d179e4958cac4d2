package io.stateway.orchestrator.asl.path;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles path text into segments, accepting what Jayway JsonPath (Step Functions' JSONPath) accepts: dot and
 * bracket notation, indexes, slices, wildcards, unions, {@code ..} and filters.
 *
 * <p>Quoted names are kept verbatim: a backslash only stops the next character from closing the name. AWS
 * resolves {@code $['Test\""Name"']} against the key {@code Test\""Name"}, so it does not unescape them.
 */
final class PathParser {

    /**
     * A parsed path: where it starts and its steps. {@code current} marks a filter's {@code @} path; {@code
     * definite} and {@code evaluable} (it holds no function) are worked out once here.
     */
    record Parsed(
            JsonPath.Root root,
            String variable,
            boolean current,
            List<Segment> segments,
            boolean definite,
            boolean evaluable) {}

    private final String text;
    private int pos;

    private PathParser(String text) {
        this.text = text;
    }

    static Parsed parse(String text) {
        return new PathParser(text).parse(false);
    }

    /** Parses a path inside a filter, where {@code @} (the current item) is also a root. */
    static Parsed parseInFilter(String text) {
        return new PathParser(text).parse(true);
    }

    private Parsed parse(boolean inFilter) {
        if (text.isEmpty()) {
            throw fail("a path must not be empty");
        }
        if (!text.equals(text.strip())) {
            throw fail("a path must not start or end with blanks");
        }
        JsonPath.Root root;
        String variable = null;
        boolean current = false;
        if (text.startsWith("$$")) {
            root = JsonPath.Root.CONTEXT;
            pos = 2;
        } else if (text.charAt(0) == '$') {
            pos = 1;
            if (pos < text.length() && isIdentifierStart(text.charAt(pos))) {
                while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
                    pos++;
                }
                root = JsonPath.Root.VARIABLE;
                variable = text.substring(1, pos);
            } else {
                root = JsonPath.Root.INPUT;
            }
        } else if (inFilter && text.charAt(0) == '@') {
            root = JsonPath.Root.INPUT;
            current = true;
            pos = 1;
        } else {
            throw fail("a path must start with '$'");
        }
        List<Segment> segments = new ArrayList<>();
        if (pos < text.length() && text.charAt(pos) != '.' && text.charAt(pos) != '[') {
            throw fail("illegal character at position " + pos + ", expected '.' or '['");
        }
        while (pos < text.length()) {
            readSegment(segments);
        }
        return new Parsed(
                root,
                variable,
                current,
                List.copyOf(segments),
                PathEvaluator.isDefinite(segments),
                !PathEvaluator.hasFunction(segments));
    }

    private void readSegment(List<Segment> segments) {
        char c = text.charAt(pos);
        if (c == '[') {
            segments.add(readBracket());
            return;
        }
        if (c != '.') {
            throw fail("illegal character at position " + pos + ", expected '.' or '['");
        }
        if (pos + 1 < text.length() && text.charAt(pos + 1) == '.') {
            segments.add(new Segment.Scan());
            pos += 2;
        } else {
            pos++;
        }
        if (pos >= text.length()) {
            throw fail("a path must not end with a '.' or '..'");
        }
        char next = text.charAt(pos);
        if (next == '.') {
            throw fail("character '.' at position " + pos + " is not valid");
        } else if (next == '[') {
            segments.add(readBracket());
        } else if (next == '*') {
            pos++;
            segments.add(new Segment.Wildcard());
        } else {
            segments.add(readNameOrFunction());
        }
    }

    private Segment readNameOrFunction() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ') {
                throw fail("use bracket notation ['my prop'] if a property contains blanks (position " + pos + ")");
            }
            if (c == '.' || c == '[' || c == '(') {
                break;
            }
            pos++;
        }
        String name = text.substring(start, pos);
        if (name.isEmpty()) {
            throw fail("could not parse the token at position " + start);
        }
        if (pos < text.length() && text.charAt(pos) == '(') {
            int close = closingParenthesis(pos);
            if (close < 0) {
                throw fail("the arguments of function '" + name + "' are not closed");
            }
            String arguments = text.substring(pos + 1, close);
            pos = close + 1;
            return new Segment.Function(name, arguments);
        }
        return new Segment.Property(List.of(name), '\'');
    }

    private Segment readBracket() {
        int open = pos;
        int first = skipBlanks(open + 1);
        if (first >= text.length()) {
            throw fail("'[' at position " + open + " is not closed");
        }
        char c = text.charAt(first);
        if (c == '\'' || c == '"') {
            return readQuotedNames(first, c);
        }
        if (Character.isDigit(c) || c == '-' || c == ':') {
            return readIndexes(open);
        }
        if (c == '*') {
            int close = skipBlanks(first + 1);
            if (close >= text.length() || text.charAt(close) != ']') {
                throw fail("expected the wildcard to end with ']' at position " + (first + 1));
            }
            pos = close + 1;
            return new Segment.Wildcard();
        }
        if (c == '?') {
            return readFilter(open, first);
        }
        throw fail("could not parse the token at position " + open + ", expected ?, ', 0-9 or *");
    }

    private Segment readQuotedNames(int first, char delimiter) {
        List<String> names = new ArrayList<>();
        int start = first;
        int end = -1;
        boolean inName = false;
        boolean escaped = false;
        boolean afterComma = false;
        int i = first;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == ']' && !inName) {
                if (afterComma) {
                    throw fail("empty property at position " + i);
                }
                break;
            } else if (c == delimiter) {
                if (inName) {
                    int next = skipBlanks(i + 1);
                    if (next >= text.length() || (text.charAt(next) != ']' && text.charAt(next) != ',')) {
                        throw fail("properties must be separated by ',' and closed by ']' (position " + i + ")");
                    }
                    names.add(text.substring(start, i));
                    end = i;
                    inName = false;
                } else {
                    start = i + 1;
                    inName = true;
                    afterComma = false;
                }
            } else if (c == ',' && !inName) {
                if (afterComma) {
                    throw fail("empty property at position " + i);
                }
                afterComma = true;
            } else if (!inName && c != ' ') {
                throw fail("unexpected character '" + c + "' at position " + i);
            }
        }
        if (inName) {
            throw fail("property has not been closed, missing closing " + delimiter);
        }
        if (i >= text.length() || end < 0) {
            throw fail("property has not been closed, missing closing ]");
        }
        pos = i + 1;
        return new Segment.Property(names, delimiter);
    }

    private Segment readIndexes(int open) {
        int close = text.indexOf(']', open + 1);
        if (close < 0) {
            throw fail("'[' at position " + open + " is not closed");
        }
        String expression = text.substring(open + 1, close).strip();
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (!Character.isDigit(c) && c != ',' && c != '-' && c != ':' && c != ' ') {
                throw fail("could not parse the token at position " + open + ", expected ?, ', 0-9 or *");
            }
        }
        pos = close + 1;
        return expression.contains(":") ? slice(expression) : index(expression);
    }

    /** Jayway reads {@code from:to} and ignores anything after a second colon. */
    private Segment slice(String expression) {
        String[] bounds = expression.split(":");
        Integer from = bound(bounds, 0, expression);
        Integer to = bound(bounds, 1, expression);
        if (from == null && to == null) {
            throw fail("failed to parse the slice [" + expression + "]");
        }
        return new Segment.Slice(from, to);
    }

    private Integer bound(String[] bounds, int at, String expression) {
        if (bounds.length <= at || bounds[at].isEmpty()) {
            return null;
        }
        return integer(bounds[at].strip(), expression);
    }

    private Segment index(String expression) {
        List<Integer> indexes = new ArrayList<>();
        for (String token : expression.split("\\s*,\\s*", -1)) {
            indexes.add(integer(token, expression));
        }
        return new Segment.Index(indexes);
    }

    private Integer integer(String token, String expression) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw fail("failed to parse the array index [" + expression + "]");
        }
    }

    private Segment readFilter(int open, int question) {
        int parenthesis = skipBlanks(question + 1);
        if (parenthesis >= text.length() || text.charAt(parenthesis) != '(') {
            throw fail("a filter must start with '[?(' (position " + open + ")");
        }
        int close = closingParenthesis(parenthesis);
        int bracket = close < 0 ? -1 : skipBlanks(close + 1);
        if (bracket < 0 || bracket >= text.length() || text.charAt(bracket) != ']') {
            throw fail("a filter must end with ')]' (position " + open + ")");
        }
        String body = text.substring(parenthesis + 1, close);
        try {
            FilterExpression expression = FilterParser.parse(body);
            pos = bracket + 1;
            return new Segment.Filter(expression);
        } catch (FilterParser.FilterSyntaxException e) {
            throw fail("invalid filter [?(" + body + ")]: " + e.getMessage());
        }
    }

    /** The index of the ')' closing the one at {@code open}, skipping quoted strings and /regex/; -1 if none. */
    private int closingParenthesis(int open) {
        return Brackets.closing(text, open, '(', ')');
    }

    private int skipBlanks(int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private PathSyntaxException fail(String reason) {
        return new PathSyntaxException(text, reason);
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
