package io.stateway.history.timeline;

import io.stateway.model.ExecutionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where an execution's time went and what failed: one entry per state visit, in the order the
 * states were entered, with Parallel branches and Map iterations nested under their state.
 *
 * @param asOf the instant durations of what still runs are measured to
 * @param states the top-level flow's visits
 */
public record Timeline(
        String executionArn,
        String name,
        ExecutionStatus status,
        Instant startDate,
        Instant stopDate,
        Instant asOf,
        long durationMillis,
        long eventCount,
        String error,
        String cause,
        Totals totals,
        List<StateVisit> states) {

    /**
     * Time summed over every visit (branches and iterations that ran side by side count each).
     *
     * @param taskMillis from scheduling a task to its result, every attempt
     * @param waitMillis in Wait states
     * @param retryMillis between a failed attempt and the next (Retry back-off)
     * @param queuedMillis between queuing a flow (the execution, a branch, an iteration) and a worker
     *     picking it up
     * @param retries attempts after the first
     */
    public record Totals(
            long taskMillis,
            long waitMillis,
            long retryMillis,
            long queuedMillis,
            int stateVisits,
            int tasks,
            int retries) {}

    /**
     * One visit of one state.
     *
     * @param retried whether it took more than one attempt
     * @param attempts a task's attempts, each with its error and the back-off before the next
     * @param branches a Parallel state's branches
     * @param map a Map state's iterations
     */
    public record StateVisit(
            String name,
            String type,
            VisitStatus status,
            boolean retried,
            long enteredEventId,
            Long exitedEventId,
            Instant enteredAt,
            Instant exitedAt,
            long durationMillis,
            Long inputBytes,
            Long outputBytes,
            String error,
            String cause,
            List<Attempt> attempts,
            List<Branch> branches,
            MapRun map) {}

    /**
     * One attempt of a task.
     *
     * @param backoffMillis the wait after this attempt failed, before the next one was scheduled
     */
    public record Attempt(
            int number,
            Instant scheduledAt,
            Instant endedAt,
            long durationMillis,
            VisitStatus status,
            String error,
            String cause,
            Long backoffMillis) {}

    /**
     * A Parallel branch or a Map iteration.
     *
     * @param queuedMillis from its start being recorded until a worker ran its first state
     * @param states its visits; left out ({@code null}) for the iterations of a large Map that are
     *     neither among the slowest nor failed
     */
    public record Branch(
            int index,
            VisitStatus status,
            Instant startedAt,
            Instant endedAt,
            long durationMillis,
            long queuedMillis,
            String error,
            String cause,
            List<StateVisit> states) {}

    /**
     * A Map state's iterations.
     *
     * @param length how many items it iterates over
     * @param counts iterations per status
     * @param detailed whether every iteration carries its states
     * @param slowest the indexes of the slowest iterations, slowest first
     * @param failed the indexes of the failed iterations
     * @param iterations every iteration started, by index
     */
    public record MapRun(
            int length,
            Map<VisitStatus, Integer> counts,
            Durations durations,
            boolean detailed,
            List<Integer> slowest,
            List<Integer> failed,
            List<Branch> iterations) {}

    /** The spread of iteration durations, in milliseconds. */
    public record Durations(long min, long median, long p95, long max) {}
}
