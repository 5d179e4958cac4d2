package io.stateway.history.timeline;

import io.stateway.history.definition.MachineDefinition;
import io.stateway.history.execution.ExecutionRecord;
import io.stateway.history.timeline.FlowTracker.Scope;
import io.stateway.history.timeline.FlowTracker.TaskAttempt;
import io.stateway.history.timeline.FlowTracker.Visit;
import io.stateway.history.timeline.Timeline.Attempt;
import io.stateway.history.timeline.Timeline.Branch;
import io.stateway.history.timeline.Timeline.Durations;
import io.stateway.history.timeline.Timeline.MapRun;
import io.stateway.history.timeline.Timeline.StateVisit;
import io.stateway.model.ExecutionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an execution's {@link Timeline} from its events: statuses, durations, retries and totals.
 * Plain Java: the events, the definition and the instant to measure running work to come in.
 */
public final class TimelineAssembler {

    /** Maps with more iterations than this carry the states of their slowest and failed ones only. */
    static final int DETAILED_ITERATIONS = 40;

    static final int SLOWEST = 5;
    static final int FAILED_WITH_STATES = 20;

    private final ExecutionRecord execution;
    private final Instant asOf;
    private long taskMillis;
    private long waitMillis;
    private long retryMillis;
    private long queuedMillis;
    private int visits;
    private int tasks;
    private int retries;

    private TimelineAssembler(ExecutionRecord execution, Instant asOf) {
        this.execution = execution;
        this.asOf = asOf;
    }

    /**
     * @param definition the definition the execution ran, or {@code null} if it cannot be read
     * @param now the current instant: what still runs is measured to it
     */
    public static Timeline assemble(
            ExecutionRecord execution, MachineDefinition definition, Iterable<TimelineEvent> events, Instant now) {
        FlowTracker tracker = new FlowTracker(definition);
        for (TimelineEvent event : events) {
            tracker.accept(event);
        }
        Instant asOf = execution.stopDate() != null ? execution.stopDate() : now;
        TimelineAssembler assembler = new TimelineAssembler(execution, asOf);
        Scope root = tracker.execution();
        queuedMillisOf(root, assembler);
        List<StateVisit> states = assembler.visits(root, true);
        return new Timeline(
                execution.executionArn(),
                execution.name(),
                execution.status(),
                execution.startDate(),
                execution.stopDate(),
                asOf,
                FlowTracker.millis(execution.startDate(), asOf),
                tracker.events(),
                execution.error(),
                execution.cause(),
                new Timeline.Totals(
                        assembler.taskMillis,
                        assembler.waitMillis,
                        assembler.retryMillis,
                        assembler.queuedMillis,
                        assembler.visits,
                        assembler.tasks,
                        assembler.retries),
                states);
    }

    private static void queuedMillisOf(Scope scope, TimelineAssembler assembler) {
        assembler.queuedMillis += scope.queuedMillis;
    }

    private List<StateVisit> visits(Scope scope, boolean open) {
        List<StateVisit> result = new ArrayList<>(scope.visits.size());
        for (Visit visit : scope.visits) {
            result.add(visit(visit, open));
        }
        return result;
    }

    private StateVisit visit(Visit visit, boolean scopeOpen) {
        visits++;
        VisitStatus status = status(visit, scopeOpen);
        Instant end =
                visit.exitedAt != null ? visit.exitedAt : (status == VisitStatus.RUNNING ? asOf : lastKnown(visit));
        long duration = FlowTracker.millis(visit.enteredAt, end);
        if (visit.type.equals("Wait")) {
            waitMillis += duration;
        }
        List<Attempt> attempts = attempts(visit, status);
        retryMillis += visit.forkBackoffMillis;
        retries += Math.max(0, visit.forkStarts - 1);
        List<Branch> branches = null;
        MapRun map = null;
        if (visit.type.equals("Parallel")) {
            branches = visit.branches.stream()
                    .sorted(Comparator.comparingInt(b -> b.index))
                    .map(b -> branch(b, status == VisitStatus.RUNNING, true))
                    .toList();
        } else if (visit.type.equals("Map")) {
            map = map(visit, status == VisitStatus.RUNNING);
        }
        return new StateVisit(
                visit.name,
                visit.type,
                status,
                visit.attempts.size() > 1 || visit.forkStarts > 1,
                visit.enteredEventId,
                visit.exitedEventId,
                visit.enteredAt,
                visit.exitedAt,
                duration,
                visit.inputBytes,
                visit.outputBytes,
                visit.error,
                visit.cause,
                attempts,
                branches,
                map);
    }

    private List<Attempt> attempts(Visit visit, VisitStatus visitStatus) {
        if (visit.attempts.isEmpty()) {
            return null;
        }
        List<Attempt> attempts = new ArrayList<>(visit.attempts.size());
        int number = 0;
        for (TaskAttempt attempt : visit.attempts) {
            number++;
            tasks++;
            if (number > 1) {
                retries++;
            }
            VisitStatus status = attempt.status;
            Instant end = attempt.endedAt;
            if (end == null) {
                status = visitStatus == VisitStatus.RUNNING ? VisitStatus.RUNNING : VisitStatus.ABORTED;
                end = visitStatus == VisitStatus.RUNNING ? asOf : lastKnown(visit);
            }
            long duration = FlowTracker.millis(attempt.scheduledAt, end);
            taskMillis += duration;
            if (attempt.backoffMillis != null) {
                retryMillis += attempt.backoffMillis;
            }
            attempts.add(new Attempt(
                    number,
                    attempt.scheduledAt,
                    attempt.endedAt,
                    duration,
                    status,
                    attempt.error,
                    attempt.cause,
                    attempt.backoffMillis));
        }
        return attempts;
    }

    private Branch branch(Scope scope, boolean parentRunning, boolean withStates) {
        queuedMillis += scope.queuedMillis;
        boolean open = parentRunning && scope.endStatus == null;
        List<StateVisit> states = visits(scope, open);
        VisitStatus status = scope.endStatus != null ? scope.endStatus : branchStatus(states, open);
        Instant end = scope.endedAt != null ? scope.endedAt : (open ? asOf : lastOf(scope));
        String error = null;
        String cause = null;
        for (StateVisit state : states) {
            if (state.status() == VisitStatus.FAILED) {
                error = state.error();
                cause = state.cause();
            }
        }
        return new Branch(
                scope.index,
                status,
                scope.startedAt,
                scope.endedAt,
                scope.startedAt == null || end == null ? 0 : FlowTracker.millis(scope.startedAt, end),
                scope.queuedMillis,
                error,
                cause,
                withStates ? states : null);
    }

    private MapRun map(Visit visit, boolean running) {
        List<Branch> all = new ArrayList<>(visit.iterations.size());
        for (Scope iteration : visit.iterations.values()) {
            all.add(branch(iteration, running, true));
        }
        Map<VisitStatus, Integer> counts = new EnumMap<>(VisitStatus.class);
        for (Branch iteration : all) {
            counts.merge(iteration.status(), 1, Integer::sum);
        }
        List<Integer> slowest = all.stream()
                .sorted(Comparator.comparingLong(Branch::durationMillis).reversed())
                .limit(SLOWEST)
                .map(Branch::index)
                .toList();
        List<Integer> failed = all.stream()
                .filter(b -> b.status() == VisitStatus.FAILED)
                .map(Branch::index)
                .toList();
        boolean detailed = all.size() <= DETAILED_ITERATIONS;
        List<Branch> iterations = all;
        if (!detailed) {
            List<Integer> failedWithStates = failed.subList(0, Math.min(FAILED_WITH_STATES, failed.size()));
            iterations = all.stream()
                    .map(b -> slowest.contains(b.index()) || failedWithStates.contains(b.index())
                            ? b
                            : new Branch(
                                    b.index(),
                                    b.status(),
                                    b.startedAt(),
                                    b.endedAt(),
                                    b.durationMillis(),
                                    b.queuedMillis(),
                                    b.error(),
                                    b.cause(),
                                    null))
                    .toList();
        }
        return new MapRun(
                visit.mapLength == null ? all.size() : visit.mapLength,
                counts,
                durations(all),
                detailed,
                slowest,
                failed,
                iterations);
    }

    private static Durations durations(List<Branch> iterations) {
        if (iterations.isEmpty()) {
            return null;
        }
        long[] sorted =
                iterations.stream().mapToLong(Branch::durationMillis).sorted().toArray();
        return new Durations(
                sorted[0],
                sorted[sorted.length / 2],
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)],
                sorted[sorted.length - 1]);
    }

    private VisitStatus status(Visit visit, boolean scopeOpen) {
        if (visit.type.equals("Fail")) {
            return VisitStatus.FAILED;
        }
        if (visit.exitedEventId != null) {
            return visit.failed ? VisitStatus.CAUGHT : VisitStatus.SUCCEEDED;
        }
        if (visit.type.equals("Succeed")) {
            return VisitStatus.SUCCEEDED;
        }
        if (visit.aborted) {
            return VisitStatus.ABORTED;
        }
        if (visit.failed) {
            return VisitStatus.FAILED;
        }
        boolean running = execution.status() == ExecutionStatus.RUNNING && scopeOpen && visit.scope.open == visit;
        return running ? VisitStatus.RUNNING : VisitStatus.ABORTED;
    }

    private static VisitStatus branchStatus(List<StateVisit> states, boolean open) {
        if (states.isEmpty()) {
            return open ? VisitStatus.RUNNING : VisitStatus.ABORTED;
        }
        for (StateVisit state : states) {
            if (state.status() == VisitStatus.FAILED) {
                return VisitStatus.FAILED;
            }
        }
        return switch (states.getLast().status()) {
            case SUCCEEDED, CAUGHT -> VisitStatus.SUCCEEDED;
            case RUNNING -> VisitStatus.RUNNING;
            case FAILED -> VisitStatus.FAILED;
            case ABORTED -> VisitStatus.ABORTED;
        };
    }

    /** The last instant a visit's own events show (for visits that ended without an exit). */
    private Instant lastKnown(Visit visit) {
        Instant last = visit.enteredAt;
        for (TaskAttempt attempt : visit.attempts) {
            if (attempt.endedAt != null && attempt.endedAt.isAfter(last)) {
                last = attempt.endedAt;
            }
        }
        if (visit.forkFailedAt != null && visit.forkFailedAt.isAfter(last)) {
            last = visit.forkFailedAt;
        }
        if (visit.scope.endedAt != null && visit.scope.endedAt.isAfter(last)) {
            last = visit.scope.endedAt;
        }
        return execution.stopDate() != null && last.equals(visit.enteredAt) ? execution.stopDate() : last;
    }

    private static Instant lastOf(Scope scope) {
        if (scope.visits.isEmpty()) {
            return scope.startedAt;
        }
        Visit last = scope.visits.getLast();
        return last.exitedAt != null ? last.exitedAt : last.enteredAt;
    }
}
