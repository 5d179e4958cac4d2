package io.stateway.orchestrator.asl.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorMatchTest {

    @Test
    void statesAll_matchesAnyErrorButStatesRuntime() {
        assertThat(ErrorMatch.matches(List.of("States.ALL"), "Lambda.Unknown")).isTrue();
        assertThat(ErrorMatch.matches(List.of("States.ALL"), "States.DataLimitExceeded"))
                .isTrue();
        assertThat(ErrorMatch.matches(List.of("States.ALL"), "States.Runtime")).isFalse();
    }

    @Test
    void statesRuntime_isNeverMatched_evenByName() {
        assertThat(ErrorMatch.matches(List.of("States.Runtime"), "States.Runtime"))
                .isFalse();
    }

    @Test
    void statesTaskFailed_matchesEverythingButStatesTimeout() {
        assertThat(ErrorMatch.matches(List.of("States.TaskFailed"), "CustomError"))
                .isTrue();
        assertThat(ErrorMatch.matches(List.of("States.TaskFailed"), "States.Timeout"))
                .isFalse();
    }

    @Test
    void anExplicitName_matchesOnlyItself() {
        assertThat(ErrorMatch.matches(List.of("Declined"), "Declined")).isTrue();
        assertThat(ErrorMatch.matches(List.of("Declined"), "Declined2")).isFalse();
    }
}
