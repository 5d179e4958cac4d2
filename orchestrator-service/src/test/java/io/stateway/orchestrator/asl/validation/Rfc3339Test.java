package io.stateway.orchestrator.asl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {

    @ParameterizedTest
    @ValueSource(strings = {"2016-03-14T01:59:00Z", "2016-03-05T21:29:29.243167252Z", "2024-02-29T23:59:60-08:00"})
    void timestamp_awsAccepts_matches(String timestamp) {
        assertThat(Rfc3339.matches(timestamp)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2016-12-05 21:29:29Z",
                "2016-12-05T21:29:29",
                "2016-13-05T21:29:29Z",
                "2016-12-05T25:29:29Z",
                "05-12-2016T21:29:29Z",
                "{% '2016-03-14T01:59:00Z' %}",
                "2023-02-29T00:00:00Z"
            })
    void timestamp_awsRejects_doesNotMatch(String timestamp) {
        assertThat(Rfc3339.matches(timestamp)).isFalse();
    }
}
