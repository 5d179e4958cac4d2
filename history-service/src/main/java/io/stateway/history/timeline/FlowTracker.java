package io.stateway.history.timeline;

import io.stateway.history.definition.Flow;
import io.stateway.history.definition.MachineDefinition;
import io.stateway.history.definition.StateNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Finds which flow (the execution, a Parallel branch, a Map iteration) each event of a history
 * belongs to, and groups the events into state visits. Branches and iterations run side by side,
 * so their events interleave; each event's {@code previousEventId} links it to the one before it in
 * its own flow, except the events that start or end a child flow or that a parent records after its
 * children ({@code Map…}/{@code Parallel…} events), which are placed by their type and name.
 */
final class FlowTracker {

    enum Kind {
        EXECUTION,
        BRANCH,
        ITERATION
    }

    /** One flow: the execution's, a branch's or an iteration's, with its visits in order. */
    static final class Scope {
        final Kind kind;
        final Visit parent;
        final int index;
        final List<Visit> visits = new ArrayList<>();
        Visit open;
        Instant startedAt;
        Instant endedAt;
        VisitStatus endStatus;
        Instant pickupSince;
        long queuedMillis;

        Scope(Kind kind, Visit parent, int index, Instant startedAt) {
            this.kind = kind;
            this.parent = parent;
            this.index = index;
            this.startedAt = startedAt;
            this.pickupSince = startedAt;
        }

        Scope up() {
            return parent == null ? null : parent.scope;
        }
    }

    /** One visit of a state, as its events tell it. */
    static final class Visit {
        final String name;
        final String type;
        final Scope scope;
        final long enteredEventId;
        final Instant enteredAt;
        final Long inputBytes;
        Long exitedEventId;
        Instant exitedAt;
        Long outputBytes;
        final List<TaskAttempt> attempts = new ArrayList<>();
        String error;
        String cause;
        boolean failed;
        boolean aborted;
        Instant forkFailedAt;
        long forkBackoffMillis;
        int forkStarts;
        Instant lastStartedAt;
        Integer mapLength;
        final List<Scope> branches = new ArrayList<>();
        final TreeMap<Integer, Scope> iterations = new TreeMap<>();

        Visit(String name, String type, Scope scope, TimelineEvent entered) {
            this.name = name;
            this.type = type;
            this.scope = scope;
            this.enteredEventId = entered.id();
            this.enteredAt = entered.timestamp();
            this.inputBytes = entered.inputBytes();
        }

        boolean isFork() {
            return type.equals("Map") || type.equals("Parallel");
        }

        TaskAttempt lastAttempt() {
            return attempts.isEmpty() ? null : attempts.getLast();
        }
    }

    /** One attempt of a task: scheduled, then a result (or still out). */
    static final class TaskAttempt {
        final Instant scheduledAt;
        Instant endedAt;
        VisitStatus status = VisitStatus.RUNNING;
        String error;
        String cause;
        Long backoffMillis;

        TaskAttempt(Instant scheduledAt) {
            this.scheduledAt = scheduledAt;
        }
    }

    private final MachineDefinition definition;
    private final Scope execution = new Scope(Kind.EXECUTION, null, 0, null);
    private final Map<Long, Scope> scopeOf = new HashMap<>();
    private final Map<Long, Visit> forkStartedBy = new HashMap<>();
    private long events;

    FlowTracker(MachineDefinition definition) {
        this.definition = definition;
        scopeOf.put(0L, execution);
    }

    Scope execution() {
        return execution;
    }

    long events() {
        return events;
    }

    void accept(TimelineEvent event) {
        events++;
        Scope previous = scopeOf.getOrDefault(event.previousEventId(), execution);
        Scope scope = place(event, previous);
        scopeOf.put(event.id(), scope);
        if (scope.pickupSince != null && !startsScope(event.type())) {
            scope.queuedMillis += millis(scope.pickupSince, event.timestamp());
            scope.pickupSince = null;
        }
    }

    private static boolean startsScope(String type) {
        return type.equals("ExecutionStarted")
                || type.equals("ExecutionRedriven")
                || type.equals("MapIterationStarted");
    }

    /** Applies the event to its flow and returns that flow. */
    private Scope place(TimelineEvent event, Scope previous) {
        String type = event.type();
        switch (type) {
            case "ExecutionStarted" -> {
                execution.startedAt = event.timestamp();
                execution.pickupSince = event.timestamp();
                return execution;
            }
            case "ExecutionRedriven" -> {
                execution.pickupSince = event.timestamp();
                return execution;
            }
            case "ExecutionSucceeded", "ExecutionFailed", "ExecutionAborted", "ExecutionTimedOut" -> {
                if (type.equals("ExecutionFailed") && previous.open != null && previous.open.error == null) {
                    previous.open.error = event.error();
                    previous.open.cause = event.cause();
                }
                execution.endedAt = event.timestamp();
                return execution;
            }
            case "MapIterationStarted" -> {
                Scope parent = withOpenVisit(previous, v -> v.type.equals("Map") && v.name.equals(event.name()));
                Visit map = parent.open;
                if (map == null) {
                    return previous;
                }
                Scope iteration = new Scope(Kind.ITERATION, map, indexOf(event), event.timestamp());
                map.iterations.put(iteration.index, iteration);
                return iteration;
            }
            case "MapIterationSucceeded", "MapIterationFailed", "MapIterationAborted" -> {
                Scope iteration = iteration(previous, event.name(), indexOf(event));
                if (iteration == null) {
                    return previous;
                }
                iteration.endedAt = event.timestamp();
                iteration.endStatus = switch (type) {
                    case "MapIterationSucceeded" -> VisitStatus.SUCCEEDED;
                    case "MapIterationFailed" -> VisitStatus.FAILED;
                    default -> VisitStatus.ABORTED;
                };
                return iteration;
            }
            case "ParallelStateStarted", "MapStateStarted" -> {
                Scope scope = withOpenVisit(previous, Visit::isFork);
                Visit fork = scope.open;
                if (fork != null) {
                    if (fork.forkFailedAt != null) {
                        fork.forkBackoffMillis += millis(fork.forkFailedAt, event.timestamp());
                        fork.forkFailedAt = null;
                        fork.failed = false;
                    }
                    fork.forkStarts++;
                    fork.lastStartedAt = event.timestamp();
                    fork.branches.clear();
                    fork.iterations.clear();
                    fork.mapLength = event.length();
                    forkStartedBy.put(event.id(), fork);
                }
                return scope;
            }
            case "ParallelStateSucceeded", "ParallelStateFailed", "ParallelStateAborted" -> {
                return forkEnded(event, withOpenVisit(previous, v -> v.type.equals("Parallel")));
            }
            case "MapStateSucceeded", "MapStateFailed", "MapStateAborted" -> {
                return forkEnded(event, withOpenVisit(previous, v -> v.type.equals("Map")));
            }
            case "EvaluationFailed" -> {
                Scope scope = withOpenVisit(previous, v -> v.name.equals(event.name()));
                if (scope.open != null) {
                    scope.open.failed = true;
                    scope.open.error = event.error();
                    scope.open.cause = event.cause();
                }
                return scope;
            }
            default -> {
                if (type.endsWith("StateEntered")) {
                    return entered(event, previous);
                }
                if (type.endsWith("StateExited")) {
                    return exited(event, previous);
                }
                if (type.endsWith("StateAborted")) {
                    if (previous.open != null) {
                        previous.open.aborted = true;
                    }
                    return previous;
                }
                if (type.startsWith("Task") || type.startsWith("LambdaFunction") || type.startsWith("Activity")) {
                    task(event, previous);
                }
                return previous;
            }
        }
    }

    private Scope entered(TimelineEvent event, Scope previous) {
        Scope scope = previous;
        Visit fork = forkStartedBy.get(event.previousEventId());
        if (fork != null && fork.type.equals("Parallel")) {
            // The first event of a branch follows its Parallel state's start.
            scope = new Scope(Kind.BRANCH, fork, branchIndex(fork, event.name()), fork.lastStartedAt);
            fork.branches.add(scope);
        }
        String type = event.type().substring(0, event.type().length() - "StateEntered".length());
        Visit visit = new Visit(event.name(), type, scope, event);
        if (type.equals("Fail")) {
            visit.failed = true;
            definedFailure(visit);
        }
        scope.visits.add(visit);
        scope.open = visit;
        return scope;
    }

    private Scope exited(TimelineEvent event, Scope previous) {
        Scope scope = withOpenVisit(previous, v -> v.name.equals(event.name()));
        Visit visit = scope.open;
        if (visit != null) {
            visit.exitedEventId = event.id();
            visit.exitedAt = event.timestamp();
            visit.outputBytes = event.outputBytes();
            scope.open = null;
            for (Scope branch : visit.branches) {
                if (branch.endedAt == null) {
                    branch.endedAt = lastTime(branch);
                }
            }
        }
        return scope;
    }

    private Scope forkEnded(TimelineEvent event, Scope scope) {
        Visit fork = scope.open;
        if (fork == null) {
            return scope;
        }
        if (event.type().endsWith("Failed")) {
            fork.failed = true;
            fork.forkFailedAt = event.timestamp();
        } else if (event.type().endsWith("Aborted")) {
            fork.aborted = true;
        }
        for (Scope branch : fork.branches) {
            if (branch.endedAt == null) {
                branch.endedAt = lastTime(branch);
            }
        }
        return scope;
    }

    private static void task(TimelineEvent event, Scope scope) {
        Visit visit = scope.open;
        if (visit == null) {
            return;
        }
        String type = event.type();
        TaskAttempt last = visit.lastAttempt();
        if (type.endsWith("Scheduled")) {
            TaskAttempt attempt = new TaskAttempt(event.timestamp());
            if (last != null && last.endedAt != null && last.status == VisitStatus.FAILED) {
                last.backoffMillis = millis(last.endedAt, event.timestamp());
            }
            visit.attempts.add(attempt);
            visit.failed = false;
        } else if (last == null) {
            return;
        } else if (type.endsWith("Succeeded")) {
            last.endedAt = event.timestamp();
            last.status = VisitStatus.SUCCEEDED;
        } else if (type.endsWith("Failed") || type.endsWith("TimedOut")) {
            last.endedAt = event.timestamp();
            last.status = VisitStatus.FAILED;
            last.error = event.error() != null ? event.error() : (type.endsWith("TimedOut") ? "States.Timeout" : null);
            last.cause = event.cause();
            visit.failed = true;
            visit.error = last.error;
            visit.cause = last.cause;
        }
    }

    /** The nearest flow, from {@code from} up, whose open visit matches; {@code from} if none does. */
    private static Scope withOpenVisit(Scope from, Predicate<Visit> test) {
        for (Scope scope = from; scope != null; scope = scope.up()) {
            if (scope.open != null && test.test(scope.open)) {
                return scope;
            }
        }
        return from;
    }

    private static Scope iteration(Scope from, String mapName, int index) {
        for (Scope scope = from; scope != null; scope = scope.up()) {
            if (scope.kind == Kind.ITERATION && scope.index == index && scope.parent.name.equals(mapName)) {
                return scope;
            }
        }
        return null;
    }

    private int branchIndex(Visit parallel, String firstState) {
        if (definition != null) {
            StateNode node = definition.state(parallel.name).orElse(null);
            if (node != null) {
                List<Flow> branches = node.branches();
                for (int i = 0; i < branches.size(); i++) {
                    if (branches.get(i).states().containsKey(firstState)) {
                        return i;
                    }
                }
            }
        }
        return parallel.branches.size();
    }

    private void definedFailure(Visit fail) {
        if (definition != null) {
            definition.state(fail.name).ifPresent(node -> {
                fail.error = node.error();
                fail.cause = node.cause();
            });
        }
    }

    private static int indexOf(TimelineEvent event) {
        return event.index() == null ? -1 : event.index();
    }

    private static Instant lastTime(Scope scope) {
        if (scope.visits.isEmpty()) {
            return null;
        }
        Visit last = scope.visits.getLast();
        return last.exitedAt != null ? last.exitedAt : last.enteredAt;
    }

    static long millis(Instant from, Instant to) {
        return Math.max(0, to.toEpochMilli() - from.toEpochMilli());
    }
}
