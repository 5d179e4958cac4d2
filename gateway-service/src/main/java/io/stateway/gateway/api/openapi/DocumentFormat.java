package io.stateway.gateway.api.openapi;

/** The text format of an API document. */
public enum DocumentFormat {
    JSON,
    YAML;

    /** JSON if the text starts with an object, else YAML (of which JSON is a subset anyway). */
    public static DocumentFormat detect(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '{' ? JSON : YAML;
            }
        }
        return JSON;
    }
}
