package io.stateway.orchestrator.runtime;

import io.stateway.model.ExecutionStatus;
import io.stateway.model.history.HistoryEventType;
import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.asl.engine.Cursor;
import io.stateway.orchestrator.asl.engine.Engine;
import io.stateway.orchestrator.asl.engine.HistoryLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** StopExecution and RedriveExecution: closing a running execution, reopening a closed one. */
@Component
class ExecutionControl {

    /** AWS redrives executions that closed at most 14 days ago. */
    private static final Duration REDRIVE_WINDOW = Duration.ofDays(14);

    private static final int MAX_REDRIVES = 1000;

    private final Engine engine = new Engine();
    private final TransactionTemplate transactions;
    private final ExecutionQueries queries;
    private final Executions executions;
    private final Transitions transitions;
    private final Cursors cursors;
    private final WorkItems workItems;
    private final History history;
    private final WorkNotifications notifications;
    private final Clock clock;

    ExecutionControl(
            TransactionTemplate transactions,
            ExecutionQueries queries,
            Executions executions,
            Transitions transitions,
            Cursors cursors,
            WorkItems workItems,
            History history,
            WorkNotifications notifications,
            Clock clock) {
        this.transactions = transactions;
        this.queries = queries;
        this.executions = executions;
        this.transitions = transitions;
        this.cursors = cursors;
        this.workItems = workItems;
        this.history = history;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Stops a running execution; a closed one keeps its status and stop date. */
    Instant stop(String executionArn, String error, String cause) {
        long id = queries.row(executionArn).id();
        return transactions.execute(status -> {
            ExecutionRow execution = executions.lock(id).orElseThrow();
            if (execution.status() != ExecutionStatus.RUNNING) {
                return execution.stopDate();
            }
            transitions.stop(execution, HistoryEventType.ExecutionAborted, ExecutionStatus.ABORTED, error, cause);
            return clock.instant();
        });
    }

    /** Reopens a failed, timed-out or aborted execution at the state where it stopped. */
    Instant redrive(String executionArn) {
        long id = queries.row(executionArn).id();
        Instant now = clock.instant();
        Instant redriven = transactions.execute(status -> {
            ExecutionRow execution = executions.lock(id).orElseThrow();
            if (execution.status() == ExecutionStatus.RUNNING || execution.status() == ExecutionStatus.SUCCEEDED) {
                throw notRedrivable(execution, "its status is " + execution.status());
            }
            if (execution.stopDate() != null
                    && execution.stopDate().plus(REDRIVE_WINDOW).isBefore(now)) {
                throw notRedrivable(execution, "it closed more than 14 days ago");
            }
            if (execution.redriveCount() >= MAX_REDRIVES) {
                throw notRedrivable(execution, "it was redriven " + MAX_REDRIVES + " times");
            }
            CursorRow main = cursors.load(execution.id(), "0")
                    .orElseThrow(() -> notRedrivable(execution, "it never started a state"));
            HistoryLog log = new HistoryLog(execution.lastEventId(), now, Transitions.MAX_HISTORY_EVENTS);
            Cursor reentering = engine.redrive(main.cursor(), execution.redriveCount() + 1, log);
            history.append(execution.id(), log.events());
            cursors.deleteAllButMain(execution.id());
            cursors.save(CursorRow.running(execution.id(), reentering, null, null));
            workItems.deleteAll(execution.id());
            workItems.add(execution.id(), "0", WorkItem.Kind.ADVANCE, now, null);
            executions.reopen(execution.id(), now, log.lastId());
            return now;
        });
        notifications.announce();
        return redriven;
    }

    private static StepFunctionsException notRedrivable(ExecutionRow execution, String why) {
        return new StepFunctionsException(
                "ExecutionNotRedrivable", "Execution '" + execution.arn() + "' cannot be redriven: " + why);
    }
}
