package io.stateway.orchestrator.asl.intrinsic;

import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.path.JsonPath;
import io.stateway.orchestrator.asl.path.PathSyntaxException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Compiles {@code States.Name(arg, ...)}. Arguments are string literals in single quotes (where only {@code \'},
 * {@code \{}, {@code \}} and {@code \\} are escapes), numbers, {@code true}, {@code false}, {@code null}, paths
 * ({@code $.x}, {@code $$.x}, {@code $var}) and nested calls, at most ten deep.
 */
final class IntrinsicParser {

    static final int MAX_DEPTH = 10;

    private final String text;
    private int pos;

    private IntrinsicParser(String text) {
        this.text = text;
    }

    static Expression.Call parse(String text) {
        IntrinsicParser parser = new IntrinsicParser(text);
        Expression.Call call = parser.readCall(1);
        if (parser.pos != text.length()) {
            throw parser.fail("unexpected text after the call at position " + parser.pos);
        }
        return call;
    }

    private Expression.Call readCall(int depth) {
        int start = pos;
        int open = text.indexOf('(', pos);
        if (!text.startsWith("States.", pos) || open < 0) {
            throw fail("expected a call of an intrinsic function at position " + pos);
        }
        String name = text.substring(pos, open);
        StatesFunction function = StatesFunction.named(name);
        if (function == null) {
            throw fail("unknown intrinsic function " + name);
        }
        if (depth > MAX_DEPTH) {
            throw fail("at most " + MAX_DEPTH + " intrinsic functions can be nested");
        }
        pos = open + 1;
        List<Expression> arguments = new ArrayList<>();
        skipBlanks();
        if (current() == ')') {
            pos++;
        } else {
            while (true) {
                arguments.add(readArgument(depth));
                skipBlanks();
                char c = current();
                pos++;
                if (c == ')') {
                    break;
                }
                if (c != ',') {
                    throw fail("expected ',' or ')' at position " + (pos - 1));
                }
            }
        }
        if (!function.accepts(arguments.size())) {
            throw fail(name + " takes " + function.arity() + ", but " + arguments.size() + " were given");
        }
        checkFormat(function, arguments);
        return new Expression.Call(function, arguments, text.substring(start, pos));
    }

    /** A literal template must have as many placeholders as there are values. */
    private void checkFormat(StatesFunction function, List<Expression> arguments) {
        if (function == StatesFunction.FORMAT
                && arguments.getFirst() instanceof Expression.Literal literal
                && literal.source() != null) {
            int placeholders = TextFunctions.Template.ofSource(literal.source()).placeholders();
            if (placeholders != arguments.size() - 1) {
                throw fail("the template of States.Format has " + placeholders + " {} placeholders but "
                        + (arguments.size() - 1) + " values were given");
            }
        }
    }

    private Expression readArgument(int depth) {
        skipBlanks();
        char c = current();
        if (text.startsWith("States.", pos)) {
            return readCall(depth + 1);
        }
        if (c == '\'') {
            int start = pos + 1;
            String value = readString();
            return new Expression.Literal(Json.NODES.stringNode(value), text.substring(start, pos - 1));
        }
        if (c == '$') {
            return readPath();
        }
        if (c == '-' || Character.isDigit(c)) {
            return new Expression.Literal(readNumber(), null);
        }
        for (String word : List.of("true", "false", "null")) {
            if (text.startsWith(word, pos) && endsArgument(pos + word.length())) {
                pos += word.length();
                return new Expression.Literal(Json.parse(word), null);
            }
        }
        throw fail("unexpected argument at position " + pos);
    }

    private String readString() {
        StringBuilder value = new StringBuilder();
        for (pos++; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (c == '\'') {
                pos++;
                return value.toString();
            }
            if (c == '\\') {
                char escaped = pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
                if (escaped != '\'' && escaped != '{' && escaped != '}' && escaped != '\\') {
                    throw fail("illegal escape sequence at position " + pos
                            + " (only \\', \\{, \\} and \\\\ are allowed in a string literal)");
                }
                value.append(escaped);
                pos++;
            } else {
                value.append(c);
            }
        }
        throw fail("string literal without its closing quote");
    }

    private JsonNode readNumber() {
        int start = pos;
        if (current() == '-') {
            pos++;
        }
        int digits = skipDigits();
        if (current() == '.') {
            pos++;
            digits = Math.min(digits, skipDigits());
        }
        if (current() == 'e' || current() == 'E') {
            pos++;
            if (current() == '+' || current() == '-') {
                pos++;
            }
            digits = Math.min(digits, skipDigits());
        }
        if (digits == 0 || !endsArgument(pos)) {
            throw fail("invalid number at position " + start);
        }
        return Json.parse(text.substring(start, pos));
    }

    /** A path runs to the next ',' or ')' outside brackets, parentheses and quotes. */
    private Expression readPath() {
        int start = pos;
        int depth = 0;
        for (; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (c == '\'' || c == '"') {
                pos = closingQuote(pos, c);
            } else if (c == '[' || c == '(') {
                depth++;
            } else if ((c == ']' || c == ')') && depth > 0) {
                depth--;
            } else if ((c == ',' || c == ')') && depth == 0) {
                break;
            }
        }
        String path = text.substring(start, pos).stripTrailing();
        try {
            return new Expression.PathArgument(JsonPath.compile(path));
        } catch (PathSyntaxException e) {
            throw fail("invalid path " + path + ": " + e.reason());
        }
    }

    private int closingQuote(int open, char quote) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        throw fail("quote at position " + open + " is not closed");
    }

    private int skipDigits() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        return pos - start;
    }

    private boolean endsArgument(int at) {
        int i = at;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ')');
    }

    private char current() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipBlanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IntrinsicSyntaxException fail(String reason) {
        return new IntrinsicSyntaxException(text, reason);
    }
}
