package io.stateway.orchestrator.asl.definition;

/** The language a state's fields are written in. */
public enum QueryLanguage {
    JSONPATH("JSONPath"),
    JSONATA("JSONata");

    private final String text;

    QueryLanguage(String text) {
        this.text = text;
    }

    /** The spelling used in definitions ({@code "QueryLanguage": "JSONata"}). */
    public String text() {
        return text;
    }

    public static QueryLanguage of(String text) {
        for (QueryLanguage language : values()) {
            if (language.text.equals(text)) {
                return language;
            }
        }
        throw new IllegalArgumentException("Unknown query language: " + text);
    }
}
