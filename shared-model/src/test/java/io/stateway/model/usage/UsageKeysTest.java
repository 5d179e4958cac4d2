package io.stateway.model.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UsageKeysTest {

    @Test
    void counter_isPrefixPlanKeyAndDay() {
        assertThat(UsageKeys.counter("stateway:", "p1", "k1", LocalDate.of(2026, 11, 26)))
                .isEqualTo("stateway:usage:p1:k1:2026-11-26");
    }

    @Test
    void counter_ofAnInstant_usesTheUtcDayWhateverTheLocalZone() {
        // 23:30 in Sao Paulo (the tests' zone) is already the next day in UTC.
        Instant lateEvening = Instant.parse("2026-11-27T02:30:00Z");

        assertThat(UsageKeys.counter("s:", "p", "k", lateEvening)).isEqualTo("s:usage:p:k:2026-11-27");
    }

    @Test
    void counter_withColonInAnId_isRejected() {
        assertThatThrownBy(() -> UsageKeys.counter("s:", "p:x", "k", LocalDate.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("planId");
    }
}
