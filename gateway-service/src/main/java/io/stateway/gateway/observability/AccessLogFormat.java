package io.stateway.gateway.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An access log format in API Gateway's notation: text with {@code $context.<name>} variables
 * ({@code $context.identity.sourceIp}, {@code $context.error.message}, ...). Parsed once; a format that
 * starts with {@code {} is JSON, and its values are escaped as JSON string content.
 */
final class AccessLogFormat {

    private static final Pattern VARIABLE = Pattern.compile("\\$context\\.([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*)");

    private final List<Object> parts = new ArrayList<>();
    private final boolean json;

    AccessLogFormat(String format) {
        this.json = format.stripLeading().startsWith("{");
        Matcher matcher = VARIABLE.matcher(format);
        int at = 0;
        while (matcher.find()) {
            parts.add(format.substring(at, matcher.start()));
            parts.add(matcher.group(1).split("\\."));
            at = matcher.end();
        }
        parts.add(format.substring(at));
    }

    /** The line for a request; variables without a value are {@code -}, as API Gateway writes them. */
    String render(Map<String, Object> context) {
        StringBuilder line = new StringBuilder(256);
        for (Object part : parts) {
            if (part instanceof String text) {
                line.append(text);
            } else {
                Object value = lookup(context, (String[]) part);
                String text = value == null || value instanceof Map<?, ?> ? "-" : value.toString();
                if (json) {
                    escape(text, line);
                } else {
                    line.append(text);
                }
            }
        }
        return line.toString();
    }

    private static Object lookup(Map<String, Object> context, String[] path) {
        Object value = context;
        for (String name : path) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(name);
        }
        return value;
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
