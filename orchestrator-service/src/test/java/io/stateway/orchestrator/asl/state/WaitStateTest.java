package io.stateway.orchestrator.asl.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.model.ExecutionStatus;
import io.stateway.orchestrator.asl.TestScopes;
import io.stateway.orchestrator.asl.engine.Advance;
import io.stateway.orchestrator.asl.engine.Cursor;
import io.stateway.orchestrator.asl.engine.Engine;
import io.stateway.orchestrator.asl.engine.HistoryLog;
import io.stateway.orchestrator.asl.engine.Outcome;
import io.stateway.orchestrator.asl.runner.ExecutionResult;
import io.stateway.orchestrator.asl.runner.Workflows;
import org.junit.jupiter.api.Test;

class WaitStateTest {

    private final Engine engine = new Engine();

    @Test
    void wait_asksForATimerInsteadOfBlocking() {
        var machine = Workflows.machine("wait-then-succeed");
        var context = Workflows.context("{\"delay\": 30, \"result\": 1}");
        HistoryLog log = new HistoryLog(0, Workflows.START);
        Cursor main = engine.start(machine, context, log);

        Advance advance = engine.advance(machine, context, main, null, log, TestScopes.RANDOM);

        assertThat(advance.outcome()).isEqualTo(new Outcome.AwaitingTimer(Workflows.START.plusSeconds(30)));
    }

    @Test
    void wait_whenResumed_continuesWithItsInput() {
        ExecutionResult result = Workflows.run("wait-then-succeed", "{\"delay\": 30, \"result\": {\"ok\": true}}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output().get("ok").booleanValue()).isTrue();
        assertThat(result.stopDate()).isEqualTo(Workflows.START.plusSeconds(30));
    }

    @Test
    void wait_pastTheExecutionTimeout_endsTheExecutionTimedOut() {
        ExecutionResult result = Workflows.run("wait-past-timeout", "{}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(result.stopDate()).isEqualTo(Workflows.START.plusSeconds(10));
        assertThat(Workflows.types(result)).endsWith("ExecutionTimedOut");
    }

    @Test
    void wait_withANegativeSecondsPath_failsWithStatesRuntime() {
        ExecutionResult result = Workflows.run("wait-then-succeed", "{\"delay\": -1}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.failure().error()).isEqualTo("States.Runtime");
        assertThat(result.failure().cause())
                .isEqualTo("An error occurred while executing the state 'Pause' (entered at the event id #2). The"
                        + " SecondsPath parameter references a negative value: $.delay == -1");
    }
}
