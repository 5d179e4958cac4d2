package io.stateway.orchestrator.asl.validation;

import static io.stateway.orchestrator.asl.validation.ValidationFixtures.findings;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.onlyError;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.schemaError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WaitRulesTest {

    @Test
    void wait_withBothSecondsAndTimestamp_isSchemaValidationFailure() {
        assertThat(onlyError("wait-seconds-and-timestamp"))
                .isEqualTo(schemaError("Only one of these fields can be present: [Seconds, Timestamp]", "/States/W"));
    }

    @Test
    void wait_withNoDuration_needsExactlyOneOfTheFourFields() {
        assertThat(onlyError("wait-nothing"))
                .isEqualTo(schemaError(
                        "Exactly one of these fields is required: [Seconds, Timestamp, SecondsPath, TimestampPath]",
                        "/States/W"));
    }

    @Test
    void wait_withNegativeSeconds_isOutOfRange() {
        assertThat(onlyError("wait-negative-seconds"))
                .isEqualTo(schemaError("Value must be greater than or equal to 0", "/States/W/Seconds"));
    }

    @Test
    void timestamp_withFractionAndOffset_isRfc3339() {
        assertThat(findings("wait-fractional-timestamp-with-offset")).isEmpty();
    }

    @Test
    void timestamp_onADayThatDoesNotExist_doesNotMatchRfc3339() {
        assertThat(onlyError("wait-february-thirtieth"))
                .isEqualTo(schemaError("String does not match RFC3339 timestamp", "/States/W/Timestamp"));
    }

    @Test
    void timestamp_asJsonataExpressionInJsonataState_isAccepted() {
        assertThat(findings("wait-jsonata-timestamp-expression")).isEmpty();
    }

    @Test
    void secondsPath_withWildcard_isNotAReferencePath() {
        assertThat(onlyError("wait-seconds-path-wildcard"))
                .isEqualTo(schemaError(
                        "The value for the field 'SecondsPath' must be a valid JSONPath", "/States/W/SecondsPath"));
    }
}
