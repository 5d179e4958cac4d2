package io.stateway.bench.engine;

import io.stateway.orchestrator.asl.definition.StateMachine;
import io.stateway.orchestrator.asl.engine.ExecutionContext;
import io.stateway.orchestrator.asl.runner.ExecutionResult;
import io.stateway.orchestrator.asl.runner.InMemoryRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The JMH benchmarks of one workload: whole executions through the in-memory runner (history
 * included, as the runtime keeps it), and turning a submitted definition into a runnable {@link
 * StateMachine}.
 */
@State(Scope.Benchmark)
public class EngineBenchmark {

    @Param
    public Workload workload;

    /** Whether to run executions until the JIT has settled before JMH's warm-up (not in quick mode). */
    @Param("true")
    public boolean settleJit;

    /** The system property naming the JFR file to record the trial into, for {@code --profile}. */
    static final String PROFILE_PROPERTY = "bench.jfr";

    private String definitionText;
    private StateMachine machine;
    private ExecutionContext context;
    private InMemoryRunner runner;
    private Recording recording;

    @Setup
    public void setUp(BenchmarkParams params) {
        definitionText = workload.definitionText();
        machine = Definitions.validateAndParse(definitionText);
        context = Executions.context(workload.input());
        runner = Executions.runner();
        if (settleJit && params.getBenchmark().endsWith(".execute")) {
            Duration settled = JitSettling.settle(() -> runner.run(machine, context));
            System.out.printf(
                    Locale.ROOT,
                    "ours  %-13s JIT settled after %.1f s%n",
                    workload.file(),
                    settled.toMillis() / 1000.0);
        }
        String profile = System.getProperty(PROFILE_PROPERTY);
        if (profile != null) {
            recording = startRecording(Path.of(profile));
        }
    }

    @TearDown
    public void tearDown() {
        if (recording != null) {
            recording.close();
        }
    }

    /** Records the compiled code only: from the end of JIT settling to the end of the trial. */
    private static Recording startRecording(Path destination) {
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setDestination(destination);
            recording.start();
            return recording;
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("Cannot start the JFR recording", e);
        }
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
