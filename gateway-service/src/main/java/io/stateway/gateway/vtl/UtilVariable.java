package io.stateway.gateway.vtl;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** {@code $util}: the helper functions of API Gateway mapping templates. */
public final class UtilVariable implements TemplateVisible {

    public static final UtilVariable INSTANCE = new UtilVariable();

    private UtilVariable() {}

    /** Escapes with JavaScript string rules (as commons-lang's escapeJavaScript, which AWS uses): {@code '} becomes {@code \'}. */
    public String escapeJavaScript(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Parses JSON text into an object a template can navigate; null if it is not JSON. */
    public Object parseJson(String text) {
        return text == null ? null : JsonValues.parse(text);
    }

    public String urlEncode(String text) {
        return text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    public String urlDecode(String text) {
        return text == null ? "" : URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    public String base64Encode(String text) {
        return text == null ? "" : Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public String base64Decode(String text) {
        if (text == null) {
            return "";
        }
        return new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "$util";
    }
}
