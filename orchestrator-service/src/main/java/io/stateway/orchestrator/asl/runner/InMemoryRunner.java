package io.stateway.orchestrator.asl.runner;

import io.stateway.model.ExecutionStatus;
import io.stateway.model.asl.StatesErrors;
import io.stateway.orchestrator.asl.Failure;
import io.stateway.orchestrator.asl.RandomSource;
import io.stateway.orchestrator.asl.definition.StateMachine;
import io.stateway.orchestrator.asl.engine.Advance;
import io.stateway.orchestrator.asl.engine.Cursor;
import io.stateway.orchestrator.asl.engine.Engine;
import io.stateway.orchestrator.asl.engine.ExecutionContext;
import io.stateway.orchestrator.asl.engine.HistoryLog;
import io.stateway.orchestrator.asl.engine.Outcome;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.state.Fork;
import io.stateway.orchestrator.asl.state.Resumption;
import io.stateway.orchestrator.asl.state.TaskResult;
import java.time.Instant;
import tools.jackson.databind.node.ArrayNode;

/**
 * Runs an execution end to end in memory, on the calling thread: tasks through a
 * {@link TaskHandler}, children one after another in index order (the order AWS records for
 * {@code MaxConcurrency: 1}), and timers on a virtual clock that jumps to each due time instead of
 * sleeping. Used by the conformance runner and the benchmarks.
 */
public final class InMemoryRunner {

    private final Engine engine = new Engine();
    private final TaskHandler tasks;
    private final RandomSource random;
    private final Timers timers;

    /** A runner on a virtual clock: timers fire at once, time jumps to their due time. */
    public InMemoryRunner(TaskHandler tasks, RandomSource random) {
        this(tasks, random, due -> due);
    }

    /** A runner whose timers are kept by {@code timers} (real waits, for Express executions). */
    public InMemoryRunner(TaskHandler tasks, RandomSource random, Timers timers) {
        this.tasks = tasks;
        this.random = random;
        this.timers = timers;
    }

    /** How an in-memory execution waits for a due time. */
    @FunctionalInterface
    public interface Timers {
        /** Returns once {@code due} has come, with the time it is then. */
        Instant awaitUntil(Instant due);
    }

    public ExecutionResult run(StateMachine machine, ExecutionContext execution) {
        Execution run = new Execution(machine, execution);
        HistoryLog log = run.log();
        Cursor main = engine.start(machine, execution, log);
        run.keep(log);
        Ended ended;
        try {
            ended = run.flow(main);
        } catch (TimedOut timedOut) {
            HistoryLog last = run.log();
            engine.stop(timedOut.cursor, true, StatesErrors.TIMEOUT, null, last);
            run.keep(last);
            return new ExecutionResult(
                    ExecutionStatus.TIMED_OUT, null, new Failure(StatesErrors.TIMEOUT, null), run.now, run.history);
        }
        HistoryLog last = run.log();
        engine.finish(ended.cursor(), ended.outcome(), last);
        run.keep(last);
        return switch (ended.outcome()) {
            case Outcome.Succeeded succeeded ->
                new ExecutionResult(ExecutionStatus.SUCCEEDED, succeeded.output(), null, run.now, run.history);
            case Outcome.Failed failed ->
                new ExecutionResult(ExecutionStatus.FAILED, null, failed.failure(), run.now, run.history);
            default -> throw new IllegalStateException("Flow ended with " + ended.outcome());
        };
    }

    private record Ended(Cursor cursor, Outcome outcome) {}

    /** The execution's {@code TimeoutSeconds} ran out while {@code cursor} waited. */
    private static final class TimedOut extends RuntimeException {
        private final transient Cursor cursor;

        TimedOut(Cursor cursor) {
            super(null, null, false, false);
            this.cursor = cursor;
        }
    }

    /** One execution's clock and history while it runs. */
    private final class Execution {
        private final StateMachine machine;
        private final ExecutionContext context;
        private final RecordedHistory history = new RecordedHistory();
        private final boolean recordHistory;
        private Instant now;
        private long lastEventId;

        Execution(StateMachine machine, ExecutionContext context) {
            this(machine, context, context.startTime(), true);
        }

        Execution(StateMachine machine, ExecutionContext context, Instant now, boolean recordHistory) {
            this.machine = machine;
            this.context = context;
            this.now = now;
            this.recordHistory = recordHistory;
        }

        HistoryLog log() {
            return new HistoryLog(lastEventId, now);
        }

        /** Waits until {@code due}, or fails the execution if its timeout comes first. */
        void waitUntil(Instant due, Cursor cursor) {
            if (!due.isAfter(now)) {
                return;
            }
            Long timeout = machine.timeoutSeconds();
            Instant deadline = timeout == null ? null : context.startTime().plusSeconds(timeout);
            if (deadline != null && !due.isBefore(deadline)) {
                now = timers.awaitUntil(deadline);
                throw new TimedOut(cursor);
            }
            now = timers.awaitUntil(due);
        }

        void keep(HistoryLog log) {
            lastEventId = log.lastId();
            if (recordHistory) {
                history.add(log);
            }
        }

        /** Runs a cursor until its flow ends. */
        Ended flow(Cursor cursor) {
            Resumption resumption = null;
            while (true) {
                HistoryLog log = log();
                Advance advance = engine.advance(machine, context, cursor, resumption, log, random);
                keep(log);
                cursor = advance.cursor();
                switch (advance.outcome()) {
                    case Outcome.Succeeded succeeded -> {
                        return new Ended(cursor, succeeded);
                    }
                    case Outcome.Failed failed -> {
                        return new Ended(cursor, failed);
                    }
                    case Outcome.AwaitingTask task ->
                        resumption = new Resumption.TaskFinished(tasks.run(task.request()));
                    case Outcome.AwaitingCallback callback -> {
                        // Nobody can answer a callback in memory: the task runs into its timeout.
                        waitUntil(callback.timeoutAt(), cursor);
                        resumption = new Resumption.TaskFinished(
                                new TaskResult.TimedOut(StatesErrors.TIMEOUT, "The callback task was not answered."));
                    }
                    case Outcome.AwaitingTimer timer -> {
                        waitUntil(timer.dueAt(), cursor);
                        resumption = Resumption.TIMER_FIRED;
                    }
                    case Outcome.AwaitingChildren children -> {
                        Forked forked = children(cursor, children.fork());
                        cursor = forked.parent();
                        resumption = forked.resumption();
                    }
                }
            }
        }

        private record Forked(Cursor parent, Resumption resumption) {}

        private Forked children(Cursor parent, Fork fork) {
            ArrayNode outputs = Json.NODES.arrayNode(fork.count());
            int failures = 0;
            for (int index = 0; index < fork.count(); index++) {
                HistoryLog log = log();
                Engine.ChildStart start = engine.startChild(machine, context, parent, fork, index, log, random);
                keep(log);
                switch (start) {
                    case Engine.ChildStart.NotStarted notStarted -> {
                        return new Forked(
                                notStarted.parent(),
                                new Resumption.ChildrenFailed(engine.forkFailure(fork, notStarted.failure())));
                    }
                    case Engine.ChildStart.Started started -> {
                        Ended ended = child(started);
                        HistoryLog endLog = log();
                        boolean succeeded = ended.outcome() instanceof Outcome.Succeeded;
                        parent = engine.childEnded(
                                machine,
                                parent,
                                ended.cursor(),
                                index,
                                succeeded ? Engine.ChildEnd.SUCCEEDED : Engine.ChildEnd.FAILED,
                                endLog);
                        keep(endLog);
                        if (ended.outcome() instanceof Outcome.Succeeded s) {
                            outputs.add(s.output());
                        } else {
                            Failure failure = ((Outcome.Failed) ended.outcome()).failure();
                            failures++;
                            if (fork.exceedsTolerance(failures)) {
                                return new Forked(
                                        parent, new Resumption.ChildrenFailed(engine.forkFailure(fork, failure)));
                            }
                            outputs.addNull();
                        }
                    }
                }
            }
            return new Forked(parent, new Resumption.ChildrenSucceeded(outputs));
        }

        /** Runs a child flow; a distributed Map's children keep their own history, not recorded here. */
        private Ended child(Engine.ChildStart.Started started) {
            if (!started.ownHistory()) {
                return flow(started.child());
            }
            Execution own = new Execution(machine, context, now, false);
            Ended ended = own.flow(started.child());
            now = own.now;
            return ended;
        }
    }
}
