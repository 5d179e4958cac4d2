package io.stateway.orchestrator.asl.definition;

import java.util.Optional;

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
        return named(text).orElseThrow(() -> new IllegalArgumentException("Unknown query language: " + text));
    }

    /** The language spelled {@code text}, if there is one. */
    public static Optional<QueryLanguage> named(String text) {
        for (QueryLanguage language : values()) {
            if (language.text.equals(text)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
