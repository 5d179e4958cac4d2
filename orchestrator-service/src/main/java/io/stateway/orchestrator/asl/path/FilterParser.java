package io.stateway.orchestrator.asl.path;

import io.stateway.orchestrator.asl.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Compiles the body of {@code [?( ... )]} the way Jayway's FilterCompiler does: {@code ||} binds looser than
 * {@code &&}, {@code !} negates an operand or marks a path that must not exist, a path alone tests existence.
 */
final class FilterParser {

    /** A filter that cannot be compiled; the path parser wraps it into a {@link PathSyntaxException}. */
    static final class FilterSyntaxException extends RuntimeException {
        FilterSyntaxException(String message) {
            super(message, null, false, false);
        }
    }

    /** Jayway parses JSON literals permissively: {@code ['a','b']} is a list of two strings. */
    private static final ObjectReader LENIENT = Json.MAPPER.reader().with(JsonReadFeature.ALLOW_SINGLE_QUOTES);

    private final String body;
    private int pos;
    /** Set by {@link #readValue()} when the last path read was written {@code !@.x}. */
    private boolean negated;

    private FilterParser(String body) {
        this.body = body;
    }

    static FilterExpression parse(String body) {
        FilterParser parser = new FilterParser(body);
        FilterExpression expression = parser.readOr();
        parser.skipBlanks();
        if (parser.pos < body.length()) {
            throw new FilterSyntaxException("expected the end of the filter instead of: " + body.substring(parser.pos));
        }
        return expression;
    }

    private FilterExpression readOr() {
        List<FilterExpression> operands = new ArrayList<>();
        operands.add(readAnd());
        while (consume("||")) {
            operands.add(readAnd());
        }
        return operands.size() == 1 ? operands.getFirst() : new FilterExpression.Or(operands);
    }

    private FilterExpression readAnd() {
        List<FilterExpression> operands = new ArrayList<>();
        operands.add(readAndOperand());
        while (consume("&&")) {
            operands.add(readAndOperand());
        }
        return operands.size() == 1 ? operands.getFirst() : new FilterExpression.And(operands);
    }

    private FilterExpression readAndOperand() {
        skipBlanks();
        int start = pos;
        if (current() == '!') {
            pos++;
            skipBlanks();
            if (current() == '$' || current() == '@') {
                pos = start;
            } else {
                return new FilterExpression.Not(readAndOperand());
            }
        }
        skipBlanks();
        if (current() == '(') {
            pos++;
            FilterExpression inner = readOr();
            skipBlanks();
            if (current() != ')') {
                throw new FilterSyntaxException("expected ')' at position " + pos);
            }
            pos++;
            return inner;
        }
        return readExpression();
    }

    private FilterExpression readExpression() {
        FilterExpression.Operand left = readValue();
        int start = pos;
        FilterOperator operator = readOperator();
        if (operator != null) {
            return new FilterExpression.Relation(left, operator, readValue());
        }
        pos = start;
        if (!(left instanceof FilterExpression.Operand.PathOperand path)) {
            throw new FilterSyntaxException("expected a path or a comparison at position " + start);
        }
        return new FilterExpression.Exists(path, !negated);
    }

    private FilterExpression.Operand readValue() {
        skipBlanks();
        negated = false;
        char c = current();
        if (c == '$' || c == '@') {
            return readPath();
        }
        if (c == '!') {
            pos++;
            skipBlanks();
            if (current() == '$' || current() == '@') {
                FilterExpression.Operand path = readPath();
                negated = true;
                return path;
            }
            throw new FilterSyntaxException("unexpected character: !");
        }
        return new FilterExpression.Operand.Literal(readLiteral());
    }

    private FilterValue readLiteral() {
        char c = current();
        return switch (c) {
            case '\'', '"' -> readString(c);
            case 't', 'f' -> readWord(c == 't' ? "true" : "false", c == 't' ? FilterValue.TRUE : FilterValue.FALSE);
            case 'n' -> readWord("null", FilterValue.NULL);
            case '{', '[' -> readJson(c);
            case '/' -> readRegex();
            default -> readNumber();
        };
    }

    private FilterValue readString(char quote) {
        int close = Brackets.unescaped(body, pos + 1, quote);
        if (close < 0) {
            throw new FilterSyntaxException("string literal without its closing " + quote);
        }
        String value = unescape(body.substring(pos + 1, close));
        pos = close + 1;
        return new FilterValue.Str(value);
    }

    private FilterValue readWord(String word, FilterValue value) {
        if (!body.startsWith(word, pos)) {
            throw new FilterSyntaxException("expected " + word + " at position " + pos);
        }
        pos += word.length();
        return value;
    }

    private FilterValue readNumber() {
        int start = pos;
        while (pos < body.length() && isNumberCharacter(body.charAt(pos))) {
            pos++;
        }
        try {
            return new FilterValue.Num(new BigDecimal(body.substring(start, pos)));
        } catch (NumberFormatException e) {
            throw new FilterSyntaxException("unexpected value at position " + start);
        }
    }

    private FilterValue readJson(char open) {
        int close = Brackets.closing(body, pos, open, open == '[' ? ']' : '}');
        if (close < 0) {
            throw new FilterSyntaxException("JSON literal at position " + pos + " is not closed");
        }
        try {
            JsonNode json = LENIENT.readTree(body.substring(pos, close + 1));
            pos = close + 1;
            return FilterValue.of(json);
        } catch (JacksonException e) {
            throw new FilterSyntaxException("invalid JSON literal at position " + pos);
        }
    }

    private FilterValue readRegex() {
        int close = Brackets.unescaped(body, pos + 1, '/');
        if (close < 0) {
            throw new FilterSyntaxException("pattern without its closing /");
        }
        int end = close + 1;
        int flags = 0;
        for (; end < body.length(); end++) {
            int flag = flag(body.charAt(end));
            if (flag == 0) {
                break;
            }
            flags |= flag;
        }
        try {
            Pattern pattern = Pattern.compile(body.substring(pos + 1, close), flags);
            pos = end;
            return new FilterValue.Regex(pattern);
        } catch (PatternSyntaxException e) {
            throw new FilterSyntaxException("invalid pattern: " + e.getDescription());
        }
    }

    private static int flag(char c) {
        return switch (c) {
            case 'd' -> Pattern.UNIX_LINES;
            case 'i' -> Pattern.CASE_INSENSITIVE;
            case 'x' -> Pattern.COMMENTS;
            case 'm' -> Pattern.MULTILINE;
            case 's' -> Pattern.DOTALL;
            case 'u' -> Pattern.UNICODE_CASE;
            case 'U' -> Pattern.UNICODE_CHARACTER_CLASS;
            default -> 0;
        };
    }

    /** A path runs until an operator character, a blank or a ')' that does not close a function call. */
    private FilterExpression.Operand readPath() {
        int start = pos;
        pos++;
        while (pos < body.length()) {
            char c = body.charAt(pos);
            if (c == '[') {
                int close = Brackets.closing(body, pos, '[', ']');
                if (close < 0) {
                    throw new FilterSyntaxException("square brackets do not match in the filter");
                }
                pos = close + 1;
                continue;
            }
            if (isOperatorCharacter(c) || c == ' ' || (c == ')' && !closesFunction(start))) {
                break;
            }
            pos++;
        }
        try {
            return new FilterExpression.Operand.PathOperand(PathParser.parseInFilter(body.substring(start, pos)));
        } catch (PathSyntaxException e) {
            throw new FilterSyntaxException(e.reason());
        }
    }

    private boolean closesFunction(int pathStart) {
        int i = pos - 1;
        while (i > pathStart && body.charAt(i) == ' ') {
            i--;
        }
        if (body.charAt(i) != '(') {
            return false;
        }
        for (i--; i > pathStart; i--) {
            if (body.charAt(i) == '.') {
                return true;
            }
        }
        return false;
    }

    /** Jayway reads symbols greedily and words up to the next blank; anything else is no operator. */
    private FilterOperator readOperator() {
        skipBlanks();
        int start = pos;
        if (pos < body.length() && isOperatorCharacter(body.charAt(pos))) {
            while (pos < body.length() && isOperatorCharacter(body.charAt(pos))) {
                pos++;
            }
        } else {
            while (pos < body.length() && body.charAt(pos) != ' ') {
                pos++;
            }
        }
        return start == pos ? null : FilterOperator.of(body.substring(start, pos));
    }

    private boolean consume(String token) {
        int start = pos;
        skipBlanks();
        if (body.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        pos = start;
        return false;
    }

    private char current() {
        return pos < body.length() ? body.charAt(pos) : '\0';
    }

    private void skipBlanks() {
        while (pos < body.length() && body.charAt(pos) == ' ') {
            pos++;
        }
    }

    private static boolean isOperatorCharacter(char c) {
        return c == '<' || c == '>' || c == '=' || c == '~' || c == '!';
    }

    private static boolean isNumberCharacter(char c) {
        return Character.isDigit(c) || c == '-' || c == '.' || c == 'E' || c == 'e';
    }

    /** Jayway's unescaping of string literals: the JSON escapes, {@code \'} and {@code \\uXXXX}. */
    static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'b' -> out.append('\b');
                case 'u' -> {
                    if (i + 4 >= text.length()) {
                        throw new FilterSyntaxException("unable to parse the unicode escape in " + text);
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    } catch (NumberFormatException e) {
                        throw new FilterSyntaxException("unable to parse the unicode escape in " + text);
                    }
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
