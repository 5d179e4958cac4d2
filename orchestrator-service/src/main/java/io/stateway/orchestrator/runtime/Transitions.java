package io.stateway.orchestrator.runtime;

import io.stateway.model.ExecutionStatus;
import io.stateway.model.asl.StatesErrors;
import io.stateway.model.history.HistoryEventType;
import io.stateway.orchestrator.asl.Failure;
import io.stateway.orchestrator.asl.RandomSource;
import io.stateway.orchestrator.asl.definition.StateMachine;
import io.stateway.orchestrator.asl.engine.Advance;
import io.stateway.orchestrator.asl.engine.Cursor;
import io.stateway.orchestrator.asl.engine.Engine;
import io.stateway.orchestrator.asl.engine.ExecutionContext;
import io.stateway.orchestrator.asl.engine.HistoryLog;
import io.stateway.orchestrator.asl.engine.Outcome;
import io.stateway.orchestrator.asl.engine.Phase;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.state.Fork;
import io.stateway.orchestrator.asl.state.Resumption;
import io.stateway.orchestrator.asl.state.TaskResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one code path of every state transition: in one transaction, lock the execution, consume the
 * claimed work item under its fence, run the engine, append the history, move the cursors, and
 * queue the next work items. A child flow that ends resumes its parent in the same transaction.
 */
@Component
class Transitions {

    /** AWS's cap on an execution's history; an execution that would exceed it fails. */
    static final long MAX_HISTORY_EVENTS = 25_000;

    /** How a claimed item's transition went. */
    enum Result {
        APPLIED,
        /** Another claim took the item over: this worker's result was rejected by the fence. */
        STALE,
        /** The execution or cursor was already closed; the item was dropped. */
        DROPPED
    }

    private final Engine engine = new Engine();
    private final TransactionTemplate transactions;
    private final Executions executions;
    private final History history;
    private final Cursors cursors;
    private final WorkItems workItems;
    private final Definitions definitions;
    private final TaskTokens tokens;
    private final Clock clock;
    private final RandomSource random;

    Transitions(
            TransactionTemplate transactions,
            Executions executions,
            History history,
            Cursors cursors,
            WorkItems workItems,
            Definitions definitions,
            TaskTokens tokens,
            Clock clock,
            RandomSource random) {
        this.transactions = transactions;
        this.executions = executions;
        this.history = history;
        this.cursors = cursors;
        this.workItems = workItems;
        this.definitions = definitions;
        this.tokens = tokens;
        this.clock = clock;
        this.random = random;
    }

    /** Applies a claimed work item: advances its cursor with {@code resumption}. */
    Result apply(WorkItem item, Resumption resumption) {
        try {
            return transactions.execute(status -> applyLocked(item, resumption));
        } catch (HistoryLog.LimitExceeded e) {
            return transactions.execute(status -> failTooLong(item.executionId()));
        }
    }

    private Result applyLocked(WorkItem item, Resumption resumption) {
        ExecutionRow execution = executions.lock(item.executionId()).orElse(null);
        if (execution == null) {
            return Result.DROPPED;
        }
        Step step = new Step(execution);
        Result result = applyIn(step, item, resumption);
        step.commit();
        return result;
    }

    /**
     * Applies claimed I/O-free items (ADVANCE, TIMER) of one execution — a Map's or Parallel's
     * children, typically — in one transaction: the execution is locked once, and each item is
     * consumed under its own fence and advanced in turn, so each transition is still whole and
     * happens once; the children no longer queue on the execution's lock one transaction each.
     */
    List<Result> applyAll(List<WorkItem> items) {
        try {
            return transactions.execute(status -> {
                ExecutionRow execution =
                        executions.lock(items.getFirst().executionId()).orElse(null);
                if (execution == null) {
                    return items.stream().map(item -> Result.DROPPED).toList();
                }
                Step step = new Step(execution);
                List<Result> results = new java.util.ArrayList<>(items.size());
                for (WorkItem item : items) {
                    results.add(
                            applyIn(step, item, item.kind() == WorkItem.Kind.TIMER ? Resumption.TIMER_FIRED : null));
                }
                step.commit();
                return results;
            });
        } catch (HistoryLog.LimitExceeded e) {
            Result result =
                    transactions.execute(status -> failTooLong(items.getFirst().executionId()));
            return items.stream().map(item -> result).toList();
        }
    }

    /** Consumes one claimed item under its fence and advances its cursor within {@code step}. */
    private Result applyIn(Step step, WorkItem item, Resumption resumption) {
        // An execution that ended earlier in this transaction took its other items with it.
        if (step.closed || step.execution.status() != ExecutionStatus.RUNNING) {
            return step.closed || workItems.consume(item) ? Result.DROPPED : Result.STALE;
        }
        if (!workItems.consume(item)) {
            return Result.STALE;
        }
        CursorRow row = cursors.load(step.execution.id(), item.cursorId()).orElse(null);
        if (row == null || row.status() != CursorRow.Status.RUNNING || !expects(row.cursor(), item.kind())) {
            return Result.DROPPED;
        }
        step.advance(row, resumption);
        return Result.APPLIED;
    }

    /** Whether a cursor is at the point where an item of this kind continues it. */
    private static boolean expects(Cursor cursor, WorkItem.Kind kind) {
        boolean submitted =
                cursor.pending() != null && cursor.pending().path("submitted").asBoolean(false);
        return switch (kind) {
            case ADVANCE -> cursor.phase() == Phase.ENTER || cursor.phase() == Phase.EXECUTE;
            case TIMER -> cursor.phase() == Phase.AWAIT_TIMER || cursor.phase() == Phase.AWAIT_RETRY;
            case TASK -> cursor.phase() == Phase.AWAIT_TASK && !submitted;
            case TASK_TIMEOUT, HEARTBEAT_TIMEOUT -> cursor.phase() == Phase.AWAIT_TASK;
            case EXECUTION_TIMEOUT -> true;
        };
    }

    /**
     * Continues a cursor from outside the outbox (a callback answered its task). Runs inside the
     * caller's transaction, which must hold the execution's lock.
     */
    void deliver(ExecutionRow execution, String cursorId, Resumption resumption) {
        CursorRow row = cursors.load(execution.id(), cursorId).orElseThrow();
        Step step = new Step(execution);
        step.advance(row, resumption);
        step.commit();
    }

    /** The execution's {@code TimeoutSeconds} elapsed: it ends {@code TIMED_OUT} unless it already ended. */
    Result timeOut(WorkItem item) {
        return transactions.execute(status -> {
            ExecutionRow execution = executions.lock(item.executionId()).orElse(null);
            if (execution == null || !workItems.consume(item)) {
                return execution == null ? Result.DROPPED : Result.STALE;
            }
            if (execution.status() != ExecutionStatus.RUNNING) {
                return Result.DROPPED;
            }
            stop(execution, HistoryEventType.ExecutionTimedOut, ExecutionStatus.TIMED_OUT, StatesErrors.TIMEOUT, null);
            return Result.APPLIED;
        });
    }

    /**
     * An execution's first step, made before its row is inserted so that the row carries its last
     * event id: {@code ExecutionStarted} and the main cursor.
     */
    record Beginning(Cursor main, HistoryLog log) {}

    Beginning begin(ExecutionRow execution, StateMachine machine) {
        HistoryLog log = new HistoryLog(0, execution.startDate(), MAX_HISTORY_EVENTS);
        return new Beginning(engine.start(machine, execution.context(), log), log);
    }

    /**
     * Starts a freshly inserted execution (its row inserted with the beginning's last event id): its
     * first events and the main cursor's first work item. Runs inside the caller's transaction.
     */
    void start(long executionId, Instant startDate, Beginning beginning) {
        cursors.save(CursorRow.running(executionId, beginning.main(), null, null));
        workItems.add(executionId, beginning.main().id(), WorkItem.Kind.ADVANCE, startDate, null);
        history.append(executionId, beginning.log().events());
    }

    /**
     * Stops a running execution from outside (StopExecution, execution timeout): records the event
     * and closes it, which drops its pending work. Runs inside the caller's transaction, which holds the lock.
     */
    void stop(ExecutionRow execution, HistoryEventType type, ExecutionStatus status, String error, String cause) {
        Instant now = clock.instant();
        HistoryLog log = new HistoryLog(execution.lastEventId(), now, Long.MAX_VALUE);
        CursorRow main = cursors.load(execution.id(), "0").orElse(null);
        engine.stop(main == null ? null : main.cursor(), type == HistoryEventType.ExecutionTimedOut, error, cause, log);
        history.append(execution.id(), log.events());
        executions.close(execution.id(), status, null, error, cause, now, log.lastId());
    }

    private Result failTooLong(long executionId) {
        ExecutionRow execution = executions.lock(executionId).orElse(null);
        if (execution == null || execution.status() != ExecutionStatus.RUNNING) {
            return Result.DROPPED;
        }
        String cause = "The execution reached the maximum number of history events (" + MAX_HISTORY_EVENTS + ").";
        stop(execution, HistoryEventType.ExecutionFailed, ExecutionStatus.FAILED, "States.Runtime", cause);
        return Result.APPLIED;
    }

    /** The work of one transaction on one execution. */
    private final class Step {
        private final ExecutionRow execution;
        private final StateMachine machine;
        private final ExecutionContext context;
        private final HistoryLog log;
        private final Instant now;
        private boolean closed;

        Step(ExecutionRow execution) {
            this.execution = execution;
            this.machine = definitions.machine(execution.definitionHash());
            this.context = execution.context();
            this.now = clock.instant();
            this.log = new HistoryLog(execution.lastEventId(), now, MAX_HISTORY_EVENTS);
        }

        void advance(CursorRow row, Resumption resumption) {
            if (resumption instanceof Resumption.TaskFinished finished
                    && !(finished.result() instanceof TaskResult.Submitted)) {
                // The task ended: its token stops answering, its pending call and timeouts go.
                tokens.closeCursor(execution.id(), row.id(), now);
                workItems.deleteCursor(execution.id(), row.id());
            }
            // A distributed Map's iterations are child executions: their events are not this history's.
            HistoryLog target = engine.detachedHistory(machine, row.cursor()) ? new HistoryLog(0, now) : log;
            Advance advance = engine.advance(machine, context, row.cursor(), resumption, target, random);
            handle(row.with(advance.cursor()), advance.outcome());
        }

        private void handle(CursorRow row, Outcome outcome) {
            switch (outcome) {
                case Outcome.AwaitingTask task -> {
                    cursors.save(row);
                    if (task.request().taskToken() != null) {
                        tokens.add(
                                task.request().taskToken(),
                                execution.id(),
                                row.id(),
                                row.cursor().enteredEventId(),
                                task.request().heartbeatSeconds(),
                                now);
                    }
                    ObjectNode payload = Json.NODES.objectNode();
                    payload.set("request", Json.MAPPER.valueToTree(task.request()));
                    payload.put("idempotencyKey", idempotencyKey(row.cursor()));
                    workItems.add(execution.id(), row.id(), WorkItem.Kind.TASK, now, payload);
                }
                case Outcome.AwaitingCallback callback -> {
                    cursors.save(row);
                    workItems.add(execution.id(), row.id(), WorkItem.Kind.TASK_TIMEOUT, callback.timeoutAt(), null);
                    if (callback.heartbeatSeconds() != null) {
                        workItems.add(
                                execution.id(),
                                row.id(),
                                WorkItem.Kind.HEARTBEAT_TIMEOUT,
                                now.plusSeconds(callback.heartbeatSeconds()),
                                null);
                    }
                }
                case Outcome.AwaitingTimer timer -> {
                    cursors.save(row);
                    workItems.add(execution.id(), row.id(), WorkItem.Kind.TIMER, timer.dueAt(), null);
                }
                case Outcome.AwaitingChildren children -> fork(row, children.fork());
                case Outcome.Succeeded succeeded -> ended(row, succeeded.output(), null);
                case Outcome.Failed failed -> ended(row, null, failed.failure());
            }
        }

        /**
         * Stable for one attempt of one task state visit, so a re-run after a lost worker calls the
         * task with the same key, and a retry with a new one.
         */
        private String idempotencyKey(Cursor cursor) {
            return execution.arn() + "#" + cursor.id() + "#" + cursor.enteredEventId() + "#" + cursor.retryCount();
        }

        private void fork(CursorRow parent, Fork fork) {
            CursorRow forked = parent.fork(parent.cursor(), fork.count());
            if (fork.count() == 0) {
                advance(forked, new Resumption.ChildrenSucceeded(Json.NODES.arrayNode()));
                return;
            }
            startChildren(forked, fork);
        }

        /** Starts children while the fork has more and its concurrency allows. */
        private void startChildren(CursorRow parent, Fork fork) {
            int limit = fork.maxConcurrency() == 0 ? fork.count() : fork.maxConcurrency();
            while (parent.childrenStarted() < fork.count() && parent.childrenRunning() < limit) {
                int index = parent.childrenStarted();
                switch (engine.startChild(machine, context, parent.cursor(), fork, index, log, random)) {
                    case Engine.ChildStart.NotStarted notStarted -> {
                        CursorRow failed = abortChildren(parent.with(notStarted.parent()));
                        advance(failed, new Resumption.ChildrenFailed(engine.forkFailure(fork, notStarted.failure())));
                        return;
                    }
                    case Engine.ChildStart.Started started -> {
                        CursorRow child = CursorRow.running(execution.id(), started.child(), parent.id(), index);
                        cursors.save(child);
                        workItems.add(execution.id(), child.id(), WorkItem.Kind.ADVANCE, now, null);
                        parent = parent.counts(
                                parent.cursor(), index + 1, parent.childrenRunning() + 1, parent.childrenFailed());
                    }
                }
            }
            cursors.save(parent);
        }

        private void ended(CursorRow row, JsonNode output, Failure failure) {
            if (row.parentId() == null) {
                finish(row, output, failure);
                return;
            }
            CursorRow parent = cursors.load(execution.id(), row.parentId()).orElseThrow();
            Fork fork = engine.fork(parent.cursor());
            boolean succeeded = failure == null;
            Cursor parentCursor = engine.childEnded(
                    machine,
                    parent.cursor(),
                    row.cursor(),
                    row.childIndex(),
                    succeeded ? Engine.ChildEnd.SUCCEEDED : Engine.ChildEnd.FAILED,
                    log);
            cursors.save(row.ended(
                    succeeded ? CursorRow.Status.SUCCEEDED : CursorRow.Status.FAILED,
                    row.cursor(),
                    succeeded ? Json.text(output) : null));
            int failures = parent.childrenFailed() + (succeeded ? 0 : 1);
            parent = parent.counts(parentCursor, parent.childrenStarted(), parent.childrenRunning() - 1, failures);
            if (!succeeded && fork.exceedsTolerance(failures)) {
                CursorRow aborted = abortChildren(parent);
                advance(aborted, new Resumption.ChildrenFailed(engine.forkFailure(fork, failure)));
                return;
            }
            if (parent.childrenStarted() < fork.count()) {
                startChildren(parent, fork);
            } else if (parent.childrenRunning() == 0) {
                collect(parent);
            } else {
                cursors.save(parent);
            }
        }

        /** All children ended: the parent resumes with their outputs, in index order. */
        private void collect(CursorRow parent) {
            List<String> outputs = cursors.childOutputs(execution.id(), parent.id());
            ArrayNode array = Json.NODES.arrayNode(outputs.size());
            for (String output : outputs) {
                array.add(output == null ? Json.NODES.nullNode() : Json.parse(output));
            }
            cursors.deleteDescendants(execution.id(), parent.id());
            advance(parent.fork(parent.cursor(), 0), new Resumption.ChildrenSucceeded(array));
        }

        /** Aborts a parent's running children (a sibling failed beyond tolerance) and removes them all. */
        private CursorRow abortChildren(CursorRow parent) {
            Cursor parentCursor = parent.cursor();
            for (CursorRow child : cursors.runningChildren(execution.id(), parent.id())) {
                parentCursor = engine.childEnded(
                        machine, parentCursor, child.cursor(), child.childIndex(), Engine.ChildEnd.ABORTED, log);
                workItems.deleteSubtree(execution.id(), child.id());
            }
            cursors.deleteDescendants(execution.id(), parent.id());
            return parent.fork(parentCursor, 0);
        }

        private void finish(CursorRow main, JsonNode output, Failure failure) {
            Outcome outcome = failure == null ? new Outcome.Succeeded(output) : new Outcome.Failed(failure);
            engine.finish(main.cursor(), outcome, log);
            // The main cursor stays, at the state that failed, for RedriveExecution; close() clears the rest.
            cursors.save(main.ended(
                    failure == null ? CursorRow.Status.SUCCEEDED : CursorRow.Status.FAILED, main.cursor(), null));
            history.append(execution.id(), log.events());
            executions.close(
                    execution.id(),
                    failure == null ? ExecutionStatus.SUCCEEDED : ExecutionStatus.FAILED,
                    failure == null ? Json.text(output) : null,
                    failure == null ? null : failure.error(),
                    failure == null ? null : failure.cause(),
                    now,
                    log.lastId());
            closed = true;
        }

        void commit() {
            if (closed || log.lastId() == execution.lastEventId()) {
                return;
            }
            history.append(execution.id(), log.events());
            executions.advanceEvents(execution.id(), log.lastId());
        }
    }
}
