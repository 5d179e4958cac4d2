package io.stateway.orchestrator.asl.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetrierTest {

    @Test
    void delay_growsByTheBackoffRatePerAttempt() {
        Retrier retrier = new Retrier(List.of("States.ALL"), 1.5, 5, 2.0, null, Retrier.JitterStrategy.NONE);

        assertThat(retrier.delay(0, 0.9)).isEqualTo(Duration.ofMillis(1500));
        assertThat(retrier.delay(2, 0.9)).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void delay_isCappedByMaxDelaySeconds() {
        Retrier retrier = new Retrier(List.of("States.ALL"), 10, 5, 3.0, 20L, Retrier.JitterStrategy.NONE);

        assertThat(retrier.delay(3, 0.5)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void delay_withFullJitter_isScaledByTheRandomFraction() {
        Retrier retrier = new Retrier(List.of("States.ALL"), 4, 5, 1.0, null, Retrier.JitterStrategy.FULL);

        assertThat(retrier.delay(0, 0.25)).isEqualTo(Duration.ofSeconds(1));
    }
}
