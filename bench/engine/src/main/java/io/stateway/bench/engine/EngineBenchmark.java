package io.stateway.bench.engine;

import io.stateway.orchestrator.asl.definition.StateMachine;
import io.stateway.orchestrator.asl.engine.ExecutionContext;
import io.stateway.orchestrator.asl.runner.ExecutionResult;
import io.stateway.orchestrator.asl.runner.InMemoryRunner;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JMH benchmarks of one workload: whole executions through the in-memory runner (history
 * included, as the runtime keeps it), and turning a submitted definition into a runnable {@link
 * StateMachine}.
 */
@State(Scope.Benchmark)
public class EngineBenchmark {

    @Param
    public Workload workload;

    private String definitionText;
    private StateMachine machine;
    private ExecutionContext context;
    private InMemoryRunner runner;

    @Setup
    public void setUp() {
        definitionText = workload.definitionText();
        machine = Definitions.validateAndParse(definitionText);
        context = Executions.context(workload.input());
        runner = Executions.runner();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ExecutionResult execute() {
        return runner.run(machine, context);
    }

    /** From the submitted text: read, validate, compile. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public StateMachine parse() {
        return Definitions.validateAndParse(definitionText);
    }
}
