package io.stateway.bench.engine;

import io.stateway.model.ExecutionStatus;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.runner.ExecutionResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;
import tools.jackson.databind.node.ObjectNode;

/**
 * Measures one workload: runs it once to check that it succeeds and to count its state
 * transitions, then measures it with JMH, prints one line and writes the figures as JSON for the
 * report that sets them beside the peer's. The run script calls it once per workload, each time
 * just before the peer runs the same workload, so that both see the same load on a shared machine.
 *
 * <p>Arguments: {@code --workload NAME} ({@code choice-chain}, {@code map-100}, {@code
 * parallel-3x3}), {@code --out FILE}, and {@code --quick} (a few seconds, in this JVM) or {@code
 * --profile} (record the execute benchmark with JFR into {@code FILE} and print where its CPU
 * samples fall).
 */
public final class EngineBench {

    private EngineBench() {}

    public static void main(String[] args) throws IOException, RunnerException {
        Settings settings = Settings.parse(args);
        if (settings.profile()) {
            profile(settings);
            return;
        }
        ObjectNode report = Json.NODES.objectNode();
        report.put("engine", "stateway in-memory runner");
        report.put(
                "runtime",
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + "), JMH 1.37, "
                        + settings.describe());
        report.put("parse", "DefinitionValidator.check on the definition text, then DefinitionParser.parse");
        report.set("workload", measure(settings));
        Files.createDirectories(settings.out().toAbsolutePath().getParent());
        Files.writeString(settings.out(), Json.text(report));
    }

    private static ObjectNode measure(Settings settings) throws RunnerException {
        Workload workload = settings.workload();
        ObjectNode figures = Json.NODES.objectNode();
        figures.put("name", workload.file());
        figures.put("description", workload.description());
        ExecutionResult check;
        try {
            check = Executions.runner()
                    .run(Definitions.validateAndParse(workload.definitionText()), Executions.context(workload.input()));
        } catch (RuntimeException e) {
            return unsupported(figures, "engine error: " + e);
        }
        if (check.status() != ExecutionStatus.SUCCEEDED) {
            return unsupported(
                    figures,
                    check.status() + ": " + check.failure().error() + " "
                            + check.failure().cause());
        }
        long transitions = Executions.transitions(check.history());
        figures.put("transitions", transitions);
        figures.set("output", check.output());

        RunResult execution = new Runner(settings.jmh("execute")
                        .addProfiler(ProcessCpuProfiler.class)
                        .build())
                .runSingle();
        Statistics executions = execution.getPrimaryResult().getStatistics();
        figures.put("execPerSec", executions.getMean());
        figures.put(
                "execPerSecSd",
                Double.isNaN(executions.getStandardDeviation()) ? 0 : executions.getStandardDeviation());
        figures.put("iterations", executions.getN());
        figures.put(
                "cpuUsPerExec",
                execution.getSecondaryResults().get(ProcessCpuProfiler.LABEL).getScore());
        figures.put(
                "parseMedianUs",
                new Runner(settings.jmh("parse").build())
                        .runSingle()
                        .getPrimaryResult()
                        .getStatistics()
                        .getPercentile(50));
        double execPerSec = figures.get("execPerSec").doubleValue();
        System.out.printf(
                Locale.ROOT,
                "ours  %-13s %4d tr/exec  %,10.0f ±%,.0f exec/s  %,12.0f tr/s  %,.1f CPU µs/exec  parse %,.1f µs%n",
                workload.file(),
                transitions,
                execPerSec,
                figures.get("execPerSecSd").doubleValue(),
                execPerSec * transitions,
                figures.get("cpuUsPerExec").doubleValue(),
                figures.get("parseMedianUs").doubleValue());
        return figures;
    }

    private static ObjectNode unsupported(ObjectNode figures, String reason) {
        System.out.printf(
                Locale.ROOT,
                "ours  %-13s does not run: %s%n",
                figures.get("name").asString(),
                reason);
        figures.put("error", reason);
        return figures;
    }

    private static void profile(Settings settings) throws IOException, RunnerException {
        Path recording = settings.out().toAbsolutePath();
        // Always the full schedule: a quick run records too few samples to rank methods. The
        // recording starts with the measured iterations, so it shows the compiled code, not the JIT.
        Settings full = new Settings(settings.workload(), settings.out(), false, true);
        new Runner(full.jmh("execute")
                        .measurementIterations(10)
                        .jvmArgsAppend(
                                "-XX:FlightRecorderOptions:stackdepth=512",
                                "-D" + EngineBenchmark.PROFILE_PROPERTY + "=" + recording)
                        .build())
                .run();
        HotMethods.print(recording, 20);
    }

    /** What to measure, for how long, and where the figures go. */
    record Settings(Workload workload, Path out, boolean quick, boolean profile) {

        static Settings parse(String[] args) {
            Workload workload = null;
            Path out = null;
            boolean quick = false;
            boolean profile = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--workload" -> workload = Workload.named(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    case "--quick" -> quick = true;
                    case "--profile" -> profile = true;
                    default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
                }
            }
            if (workload == null || out == null) {
                throw new IllegalArgumentException("Usage: --workload NAME --out FILE [--quick | --profile]");
            }
            return new Settings(workload, out, quick, profile);
        }

        /** Quick mode stays in this JVM: a smoke test of the harness and a rough figure, not a result. */
        ChainedOptionsBuilder jmh(String benchmarks) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(EngineBenchmark.class.getName() + ".(" + benchmarks + ")$")
                    .param("workload", workload.name())
                    .threads(1)
                    .shouldFailOnError(true)
                    .verbosity(VerboseMode.SILENT);
            if (quick) {
                return options.forks(0)
                        .param("settleJit", "false")
                        .warmupIterations(1)
                        .warmupTime(TimeValue.milliseconds(500))
                        .measurementIterations(2)
                        .measurementTime(TimeValue.milliseconds(500));
            }
            // Executions first run until the JIT settles (JitSettling), then this warm-up.
            return options.forks(1)
                    .jvmArgsAppend("-Xms1g", "-Xmx1g")
                    .warmupIterations(5)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5)
                    .measurementTime(TimeValue.seconds(1));
        }

        String describe() {
            return quick
                    ? "quick: in-process, 1x0.5 s warm-up, 2x0.5 s measured"
                    : "1 fork per benchmark; executions: run until the JIT settles, then 5x1 s warm-up, 5x1 s measured;"
                            + " parse: 5x1 s warm-up, 5x1 s sampled";
        }
    }
}
