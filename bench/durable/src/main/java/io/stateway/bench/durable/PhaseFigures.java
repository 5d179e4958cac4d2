package io.stateway.bench.durable;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * What one phase of one workload measured. Start-to-finish times are the executions' own {@code
 * stopDate - startDate} as ListExecutions reports them (the server's clock, to the millisecond), so
 * polling does not blur them; throughput is executions over the span from the first start to the
 * last stop, so a backlog that is still draining after the last start counts against it.
 *
 * @param executions executions of the phase (all ended)
 * @param failed those that did not succeed, plus StartExecution calls that failed
 * @param spanSeconds first {@code startDate} to last {@code stopDate}
 * @param startsPerSecond acknowledged StartExecution calls per second of the driver's wall clock
 * @param startP99Millis the client's StartExecution round trip, 99th percentile
 * @param p50Millis start-to-finish, median
 * @param p99Millis start-to-finish, 99th percentile
 * @param cpuMillisPerExecution the orchestrator process's CPU time (all threads) per execution
 * @param load the machine's 1-minute load average when the phase ended
 */
record PhaseFigures(
        int executions,
        int failed,
        String firstError,
        double spanSeconds,
        double startsPerSecond,
        double startP99Millis,
        long p50Millis,
        long p99Millis,
        double cpuMillisPerExecution,
        double load) {

    static PhaseFigures of(LoadDriver.Starts starts, List<LoadDriver.Finished> finished, long cpuMillis, double load) {
        long[] durations = finished.stream()
                .filter(e -> e.stopDate() != null)
                .mapToLong(e -> Duration.between(e.startDate(), e.stopDate()).toMillis())
                .sorted()
                .toArray();
        Instant first = finished.stream()
                .map(LoadDriver.Finished::startDate)
                .min(Instant::compareTo)
                .orElseThrow();
        Instant last = finished.stream()
                .map(LoadDriver.Finished::stopDate)
                .filter(java.util.Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(first);
        long unsuccessful = finished.stream()
                        .filter(e -> e.status() != ExecutionStatus.SUCCEEDED)
                        .count()
                + starts.failed();
        String firstError = starts.firstError() != null
                ? starts.firstError()
                : finished.stream()
                        .filter(e -> e.status() != ExecutionStatus.SUCCEEDED)
                        .map(e -> e.name() + " " + e.status())
                        .findFirst()
                        .orElse(null);
        long[] startLatencies = Arrays.stream(starts.latencyNanos()).sorted().toArray();
        return new PhaseFigures(
                finished.size(),
                (int) unsuccessful,
                firstError,
                Math.max(0.001, Duration.between(first, last).toMillis() / 1000.0),
                starts.perSecond(),
                percentile(startLatencies, 0.99) / 1e6,
                percentile(durations, 0.50),
                percentile(durations, 0.99),
                finished.isEmpty() ? 0 : (double) cpuMillis / finished.size(),
                load);
    }

    double executionsPerSecond() {
        return executions / spanSeconds;
    }

    /** Nearest rank: the smallest value with at least {@code p} of the values at or below it. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
