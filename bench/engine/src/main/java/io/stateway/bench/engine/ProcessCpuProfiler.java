package io.stateway.bench.engine;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The CPU time the whole benchmark JVM (GC and JIT threads included) spends per operation, for
 * each iteration. On a shared machine the wall-clock throughput moves with everyone else's load;
 * CPU time per operation hardly does, so it is the steadier figure to compare with the peer's.
 */
public final class ProcessCpuProfiler implements InternalProfiler {

    static final String LABEL = "cpu.us/op";

    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long startNanos;

    @Override
    public String getDescription() {
        return "Process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startNanos = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long cpuNanos = os.getProcessCpuTime() - startNanos;
        long operations = result.getMetadata().getMeasuredOps();
        double perOperation = operations == 0 ? Double.NaN : cpuNanos / 1000.0 / operations;
        return List.of(new ScalarResult(LABEL, perOperation, "µs/op", AggregationPolicy.AVG));
    }
}
