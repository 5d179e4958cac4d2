package io.stateway.orchestrator.asl.engine;

import io.stateway.model.asl.StatesErrors;
import io.stateway.model.history.EventDetails;
import io.stateway.model.history.HistoryEventType;
import io.stateway.orchestrator.asl.Failure;
import io.stateway.orchestrator.asl.FailureException;
import io.stateway.orchestrator.asl.RandomSource;
import io.stateway.orchestrator.asl.definition.Catcher;
import io.stateway.orchestrator.asl.definition.Flow;
import io.stateway.orchestrator.asl.definition.QueryLanguage;
import io.stateway.orchestrator.asl.definition.Retrier;
import io.stateway.orchestrator.asl.definition.StateMachine;
import io.stateway.orchestrator.asl.definition.Transition;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.json.JsonSize;
import io.stateway.orchestrator.asl.state.Assign;
import io.stateway.orchestrator.asl.state.Fork;
import io.stateway.orchestrator.asl.state.ForkingState;
import io.stateway.orchestrator.asl.state.Resumption;
import io.stateway.orchestrator.asl.state.StepResult;
import io.stateway.orchestrator.asl.state.WaitState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ASL interpreter. Stateless and pure: every call takes a {@link Cursor}, the time and the
 * randomness of the step, and returns the cursor to keep, what happens next, and the history
 * events it appended. The durable runtime and the in-memory runner both drive it; neither knows
 * what a state does, and the engine knows nothing of threads, I/O or storage.
 */
public final class Engine {

    /** The largest input, output or state data AWS accepts, in UTF-8 bytes. */
    public static final int MAX_PAYLOAD_BYTES = 262_144;

    /** Starts an execution: its {@code ExecutionStarted} event and its main cursor. */
    public Cursor start(StateMachine machine, ExecutionContext execution, HistoryLog log) {
        log.append(
                0,
                HistoryEventType.ExecutionStarted,
                new EventDetails.ExecutionStarted(
                        Json.text(execution.input()),
                        EventDetails.DataDetails.NOT_TRUNCATED,
                        execution.roleArn(),
                        null,
                        null));
        return Cursor.entering("0", List.of(), machine.flow().startAt(), execution.input(), 0, Variables.NONE);
    }

    /** Ends an execution with its main flow's outcome: {@code ExecutionSucceeded} or {@code ExecutionFailed}. */
    public void finish(Cursor main, Outcome outcome, HistoryLog log) {
        switch (outcome) {
            case Outcome.Succeeded succeeded ->
                log.append(
                        main.sourceEventId(),
                        HistoryEventType.ExecutionSucceeded,
                        new EventDetails.OutputDetails(
                                Json.text(succeeded.output()), EventDetails.DataDetails.NOT_TRUNCATED));
            case Outcome.Failed failed ->
                log.append(
                        main.sourceEventId(),
                        HistoryEventType.ExecutionFailed,
                        new EventDetails.ErrorDetails(
                                failed.failure().error(), failed.failure().cause()));
            default -> throw new IllegalArgumentException("Not a final outcome: " + outcome);
        }
    }

    /**
     * Ends a running execution from outside the flow: {@code ExecutionAborted} (StopExecution) or
     * {@code ExecutionTimedOut} (its {@code TimeoutSeconds}), following the main cursor's last event.
     */
    public void stop(Cursor main, boolean timedOut, String error, String cause, HistoryLog log) {
        log.append(
                main == null ? 0 : main.sourceEventId(),
                timedOut ? HistoryEventType.ExecutionTimedOut : HistoryEventType.ExecutionAborted,
                new EventDetails.ErrorDetails(error, cause));
    }

    /**
     * Redrives a closed execution (RedriveExecution): its {@code ExecutionRedriven} event, and its
     * main cursor back at the state where it stopped, to be entered again with that state's input.
     */
    public Cursor redrive(Cursor main, int redriveCount, HistoryLog log) {
        long id = log.append(
                main.sourceEventId(),
                HistoryEventType.ExecutionRedriven,
                new EventDetails.ExecutionRedriven(redriveCount));
        return Cursor.entering(main.id(), main.flow(), main.state(), main.input(), id, main.variables());
    }

    /**
     * Whether a cursor runs inside a distributed Map's iteration, whose events belong to a child
     * execution rather than to this execution's history.
     */
    public boolean detachedHistory(StateMachine machine, Cursor cursor) {
        Flow flow = machine.flow();
        for (FlowStep step : cursor.flow()) {
            ForkingState state = (ForkingState) flow.state(step.state());
            if (state.childrenHaveOwnHistory()) {
                return true;
            }
            flow = state.childFlow(step.branch());
        }
        return false;
    }

    /**
     * Runs a cursor until its flow ends or it must wait: enters states, runs them, follows
     * transitions, applies Retry and Catch.
     *
     * @param resumption why a suspended cursor continues, or {@code null} for a cursor about to
     *     enter a state
     */
    public Advance advance(
            StateMachine machine,
            ExecutionContext execution,
            Cursor cursor,
            Resumption resumption,
            HistoryLog log,
            RandomSource random) {
        Run run = new Run(Flows.resolve(machine, cursor.flow()), execution, cursor, log, random);
        StepResult result = resumption == null ? null : resume(run, resumption);
        while (true) {
            if (result == null) {
                if (run.phase == Phase.ENTER) {
                    enter(run);
                }
                result = guard(run, () -> run.state.execute(run));
            }
            Outcome outcome = settle(run, result);
            if (outcome != null) {
                return new Advance(run.toCursor(), outcome);
            }
            result = null;
        }
    }

    private StepResult resume(Run run, Resumption resumption) {
        if (run.phase == Phase.AWAIT_RETRY) {
            run.phase = Phase.EXECUTE;
            return null;
        }
        if (resumption instanceof Resumption.ChildrenFailed failed
                && StatesErrors.RUNTIME.equals(failed.failure().error())) {
            return new StepResult.Failed(failed.failure());
        }
        if (resumption instanceof Resumption.ChildrenSucceeded && run.childEventId > run.sourceEventId) {
            // After its last iteration, a Map's next event follows the event that recorded that iteration's end.
            run.sourceEventId = run.childEventId;
        }
        run.phase = Phase.EXECUTE;
        return guard(run, () -> run.state.resume(run, resumption));
    }

    private void enter(Run run) {
        long previous = run.sourceEventId;
        String name = run.state.name();
        JsonNode input = run.input;
        long id = run.emitLazily(
                run.state.enteredEventType(),
                () -> new EventDetails.StateEntered(name, Json.text(input), EventDetails.DataDetails.NOT_TRUNCATED));
        run.entered(id, previous);
    }

    /** Runs state code; an evaluation failure becomes a {@link StepResult.Failed} as AWS reports it. */
    private StepResult guard(Run run, Supplier<StepResult> body) {
        try {
            return body.get();
        } catch (FailureException e) {
            return evaluationFailed(run, e);
        }
    }

    private StepResult evaluationFailed(Run run, FailureException e) {
        String error = e.failure().error();
        String cause =
                "An error occurred while executing the state '" + run.state.name() + "' (entered at the event id #"
                        + run.enteredEventId + "). " + e.failure().cause();
        if (StatesErrors.QUERY_EVALUATION_ERROR.equals(error)) {
            // AWS links a Wait's evaluation failure to its entered event, other states' to what preceded it.
            long previous = run.state instanceof WaitState ? run.enteredEventId : run.enteredPreviousEventId;
            run.sourceEventId = run.log()
                    .append(
                            previous,
                            HistoryEventType.EvaluationFailed,
                            new EventDetails.EvaluationFailed(error, cause, e.location(), run.state.name()));
        }
        return new StepResult.Failed(new Failure(error, cause));
    }

    /** Applies a state's result; returns the outcome if the cursor stops here, else moves it on. */
    private Outcome settle(Run run, StepResult result) {
        return switch (result) {
            case StepResult.Completed completed -> completed(run, completed);
            case StepResult.Failed failed -> failed(run, failed.failure());
            case StepResult.AwaitTask task -> {
                run.phase = Phase.AWAIT_TASK;
                ObjectNode pending = Json.NODES.objectNode();
                pending.set("request", Json.MAPPER.valueToTree(task.request()));
                run.pending = pending;
                yield new Outcome.AwaitingTask(task.request());
            }
            case StepResult.AwaitCallback callback -> {
                run.phase = Phase.AWAIT_TASK;
                ObjectNode pending =
                        run.pending instanceof ObjectNode existing ? existing.deepCopy() : Json.NODES.objectNode();
                pending.put("submitted", true);
                run.pending = pending;
                yield new Outcome.AwaitingCallback(callback.timeoutAt(), callback.heartbeatSeconds());
            }
            case StepResult.AwaitTimer timer -> {
                run.phase = Phase.AWAIT_TIMER;
                yield new Outcome.AwaitingTimer(timer.dueAt());
            }
            case StepResult.AwaitChildren children -> {
                run.phase = Phase.AWAIT_CHILDREN;
                run.pending = Json.MAPPER.valueToTree(children.fork());
                yield new Outcome.AwaitingChildren(children.fork());
            }
        };
    }

    private Outcome completed(Run run, StepResult.Completed completed) {
        if (JsonSize.exceeds(completed.output(), MAX_PAYLOAD_BYTES)) {
            // Too large a state output ends the execution: nothing retries or catches it.
            return new Outcome.Failed(new Failure(
                    StatesErrors.DATA_LIMIT_EXCEEDED,
                    "The state/task '" + run.state.name()
                            + "' returned a result with a size exceeding the maximum number of bytes service limit."));
        }
        exit(run, completed.output(), completed.assigned());
        String next = completed.next();
        if (next == null) {
            if (run.state.transition() instanceof Transition.Next transition) {
                next = transition.state();
            } else {
                return new Outcome.Succeeded(completed.output());
            }
        }
        run.moveTo(next, completed.output());
        return null;
    }

    private void exit(Run run, JsonNode output, Map<String, JsonNode> assigned) {
        if (!assigned.isEmpty()) {
            run.variables = run.variables.assign(assigned);
        }
        String name = run.state.name();
        run.emitLazily(run.state.exitedEventType(), () -> {
            Map<String, String> assignedText = null;
            if (!assigned.isEmpty()) {
                assignedText = new LinkedHashMap<>();
                for (var entry : assigned.entrySet()) {
                    assignedText.put(entry.getKey(), Json.text(entry.getValue()));
                }
            }
            return new EventDetails.StateExited(
                    name,
                    Json.text(output),
                    EventDetails.DataDetails.NOT_TRUNCATED,
                    assignedText,
                    assignedText == null ? null : EventDetails.DataDetails.NOT_TRUNCATED);
        });
    }

    private Outcome failed(Run run, Failure failure) {
        List<Retrier> retriers = run.state.retriers();
        for (int i = 0; i < retriers.size(); i++) {
            Retrier retrier = retriers.get(i);
            if (retrier.matches(failure.error())) {
                while (run.retrierAttempts.size() <= i) {
                    run.retrierAttempts.add(0);
                }
                int attempts = run.retrierAttempts.get(i);
                if (attempts < retrier.maxAttempts()) {
                    run.retrierAttempts.set(i, attempts + 1);
                    run.retried();
                    Duration delay = retrier.delay(attempts, run.random().nextDouble());
                    run.phase = Phase.AWAIT_RETRY;
                    return new Outcome.AwaitingTimer(run.now().plus(delay));
                }
                break;
            }
        }
        if (run.state instanceof ForkingState forking && !StatesErrors.RUNTIME.equals(failure.error())) {
            run.emit(forking.failedEventType(), null);
        }
        for (Catcher catcher : run.state.catchers()) {
            if (catcher.matches(failure.error())) {
                return caught(run, catcher, failure);
            }
        }
        return new Outcome.Failed(failure);
    }

    private Outcome caught(Run run, Catcher catcher, Failure failure) {
        ObjectNode errorOutput = Json.NODES.objectNode();
        errorOutput.put("Error", failure.error());
        if (failure.cause() != null) {
            errorOutput.put("Cause", failure.cause());
        }
        JsonNode output;
        Map<String, JsonNode> assigned;
        try {
            if (run.state.queryLanguage() == QueryLanguage.JSONATA) {
                var scope = run.jsonataScope(null, errorOutput);
                output = catcher.output() == null
                        ? errorOutput
                        : catcher.output().evaluate(scope);
                assigned = catcher.assign() == null ? Map.of() : Assign.evaluate(catcher.assign(), null, scope);
            } else {
                output = catcher.resultPath() == null
                        ? errorOutput
                        : catcher.resultPath().apply(run.input, errorOutput);
                assigned = catcher.assign() == null
                        ? Map.of()
                        : Assign.evaluate(catcher.assign(), run.scope(errorOutput), null);
            }
        } catch (FailureException e) {
            return new Outcome.Failed(((StepResult.Failed) evaluationFailed(run, e)).failure());
        }
        exit(run, output, assigned);
        run.moveTo(catcher.next(), output);
        return null;
    }

    /**
     * Starts child {@code index} of a cursor that awaits its children ({@code fork} is what
     * {@link #fork(Cursor)} decodes from it); returns the child's cursor.
     */
    public ChildStart startChild(
            StateMachine machine,
            ExecutionContext execution,
            Cursor parent,
            Fork fork,
            int index,
            HistoryLog log,
            RandomSource random) {
        Run run = new Run(Flows.resolve(machine, parent.flow()), execution, parent, log, random);
        ForkingState state = (ForkingState) run.state;
        JsonNode input;
        try {
            input = state.childInput(run, fork, index);
        } catch (FailureException e) {
            return new ChildStart.NotStarted(((StepResult.Failed) evaluationFailed(run, e)).failure(), run.toCursor());
        }
        long source = state.childrenHaveOwnHistory() ? 0 : parent.sourceEventId();
        if (state.recordsIterations()) {
            source = log.append(
                    source, HistoryEventType.MapIterationStarted, new EventDetails.MapIteration(state.name(), index));
        }
        List<FlowStep> flow = new ArrayList<>(parent.flow());
        flow.add(new FlowStep(
                state.name(), state instanceof io.stateway.orchestrator.asl.state.ParallelState ? index : 0));
        Flow childFlow = state.childFlow(index);
        Cursor child = Cursor.entering(
                parent.id() + "/" + index,
                flow,
                childFlow.startAt(),
                input,
                source,
                parent.variables().forChild());
        return new ChildStart.Started(child, state.childrenHaveOwnHistory());
    }

    /**
     * Records that child {@code index} ended (or was aborted because a sibling failed) and returns the
     * parent, whose next event now follows the child's last one.
     */
    public Cursor childEnded(
            StateMachine machine, Cursor parent, Cursor child, int index, ChildEnd end, HistoryLog log) {
        ForkingState state =
                (ForkingState) Flows.resolve(machine, parent.flow()).state(parent.state());
        if (state.childrenHaveOwnHistory()) {
            return parent;
        }
        long childEventId = parent.childEventId();
        if (state.recordsIterations()) {
            HistoryEventType type = switch (end) {
                case SUCCEEDED -> HistoryEventType.MapIterationSucceeded;
                case FAILED -> HistoryEventType.MapIterationFailed;
                case ABORTED -> HistoryEventType.MapIterationAborted;
            };
            childEventId = log.append(child.sourceEventId(), type, new EventDetails.MapIteration(state.name(), index));
        }
        long source = Math.max(parent.sourceEventId(), child.sourceEventId());
        return new Cursor(
                parent.id(),
                parent.flow(),
                parent.state(),
                parent.phase(),
                parent.input(),
                parent.enteredEventId(),
                parent.enteredPreviousEventId(),
                parent.enteredTime(),
                source,
                parent.retryCount(),
                parent.retrierAttempts(),
                parent.pending(),
                childEventId,
                parent.variables());
    }

    /** The fork a cursor awaiting its children made. */
    public Fork fork(Cursor parent) {
        return Json.MAPPER.treeToValue(parent.pending(), Fork.class);
    }

    /**
     * The failure a fork reports when its children failed beyond tolerance: the first child's own
     * failure when the state tolerates none, else {@code States.ExceedToleratedFailureThreshold}.
     */
    public Failure forkFailure(Fork fork, Failure firstChildFailure) {
        if (fork.toleratedFailureCount() == null && fork.toleratedFailurePercentage() == null) {
            return firstChildFailure;
        }
        return new Failure(
                StatesErrors.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                "The specified tolerated failure threshold was exceeded");
    }

    /** How a child flow ended, for its parent's history. */
    public enum ChildEnd {
        SUCCEEDED,
        FAILED,
        ABORTED
    }

    /** The result of starting a child: its cursor, or the failure of computing its input. */
    public sealed interface ChildStart {
        /** {@code ownHistory}: the child is a child execution (distributed Map) whose events are its own. */
        record Started(Cursor child, boolean ownHistory) implements ChildStart {}

        /** The parent cursor carries the events the failure appended. */
        record NotStarted(Failure failure, Cursor parent) implements ChildStart {}
    }
}
