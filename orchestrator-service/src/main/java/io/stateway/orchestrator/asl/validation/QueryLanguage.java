package io.stateway.orchestrator.asl.validation;

import java.util.Optional;

/** The two query languages a state machine or a state can declare. */
enum QueryLanguage {
    JSONPATH("JSONPath"),
    JSONATA("JSONata");

    private final String awsName;

    QueryLanguage(String awsName) {
        this.awsName = awsName;
    }

    String awsName() {
        return awsName;
    }

    static Optional<QueryLanguage> named(String name) {
        for (QueryLanguage language : values()) {
            if (language.awsName.equals(name)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
