package io.stateway.orchestrator.runtime;

import io.stateway.model.ExecutionStatus;
import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.asl.engine.Engine;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.state.Resumption;
import io.stateway.orchestrator.asl.state.TaskResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;

/**
 * SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat. An answer is applied once: under the
 * execution's lock the token must still be open, and applying it closes it, so a second or racing
 * answer gets {@code TaskTimedOut}, as AWS answers for a task that no longer waits.
 */
@Component
class TaskCallbacks {

    private final TransactionTemplate transactions;
    private final TaskTokens tokens;
    private final Executions executions;
    private final Transitions transitions;
    private final WorkItems workItems;
    private final WorkNotifications notifications;
    private final Clock clock;

    TaskCallbacks(
            TransactionTemplate transactions,
            TaskTokens tokens,
            Executions executions,
            Transitions transitions,
            WorkItems workItems,
            WorkNotifications notifications,
            Clock clock) {
        this.transactions = transactions;
        this.tokens = tokens;
        this.executions = executions;
        this.transitions = transitions;
        this.workItems = workItems;
        this.notifications = notifications;
        this.clock = clock;
    }

    void succeed(String token, String output) {
        if (output != null && output.getBytes(StandardCharsets.UTF_8).length > Engine.MAX_PAYLOAD_BYTES) {
            throw new StepFunctionsException("InvalidOutput", "Invalid Output: 'The output exceeds the maximum size'");
        }
        try {
            deliver(token, new TaskResult.Succeeded(Json.parse(output == null ? "null" : output)));
        } catch (JacksonException e) {
            throw new StepFunctionsException("InvalidOutput", "Invalid Output: '" + e.getOriginalMessage() + "'");
        }
    }

    void fail(String token, String error, String cause) {
        deliver(token, new TaskResult.Failed(error, cause));
    }

    void heartbeat(String token) {
        transactions.executeWithoutResult(status -> {
            TaskTokens.Token open = openToken(token);
            if (open.heartbeatSeconds() != null) {
                workItems.postponeHeartbeat(
                        open.executionId(), open.cursorId(), clock.instant().plusSeconds(open.heartbeatSeconds()));
            }
        });
    }

    private void deliver(String token, TaskResult result) {
        transactions.executeWithoutResult(status -> {
            TaskTokens.Token open = openToken(token);
            ExecutionRow execution = executions.lock(open.executionId()).orElseThrow();
            transitions.deliver(execution, open.cursorId(), new Resumption.TaskFinished(result));
        });
        notifications.announce();
    }

    /** The token, open, with its execution locked; else the error AWS gives. */
    private TaskTokens.Token openToken(String token) {
        if (token == null || token.isEmpty() || token.length() > 2048) {
            throw StepFunctionsException.validation(
                    "1 validation error detected: Value at 'taskToken' failed to satisfy constraint: Member must have"
                            + " length between 1 and 2048");
        }
        TaskTokens.Token found = tokens.find(token)
                .orElseThrow(() -> new StepFunctionsException("InvalidToken", "Invalid Token: 'Invalid token'"));
        ExecutionRow execution = executions.lock(found.executionId()).orElseThrow();
        TaskTokens.Token current = tokens.find(token).orElseThrow();
        if (current.closedAt() != null || execution.status() != ExecutionStatus.RUNNING) {
            throw new StepFunctionsException("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
        }
        return current;
    }
}
