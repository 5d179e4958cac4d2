package io.stateway.bench.engine;

import io.stateway.model.ExecutionStatus;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.runner.ExecutionResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs every workload once to check it succeeds and to count its state transitions, then measures
 * it with JMH, prints one line per workload and writes the figures as JSON for the report that
 * sets them beside the peer's.
 *
 * <p>Arguments: {@code --quick} (a few seconds, in this JVM), {@code --out FILE} (the JSON), {@code
 * --profile WORKLOAD} (record the execute benchmark with JFR into the {@code --out} file instead, and
 * print where its CPU samples fall).
 */
public final class EngineBench {

    private EngineBench() {}

    public static void main(String[] args) throws IOException, RunnerException {
        Settings settings = Settings.parse(args);
        if (settings.profile() != null) {
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
        ArrayNode workloads = report.putArray("workloads");
        System.out.printf(
                Locale.ROOT,
                "%-14s %8s %14s %16s %14s%n",
                "ours",
                "tr/exec",
                "exec/s",
                "transitions/s",
                "parse med µs");
        for (Workload workload : Workload.values()) {
            workloads.add(measure(workload, settings));
        }
        Files.createDirectories(settings.out().toAbsolutePath().getParent());
        Files.writeString(settings.out(), Json.text(report));
    }

    private static ObjectNode measure(Workload workload, Settings settings) throws RunnerException {
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

        Collection<RunResult> results =
                new Runner(settings.jmh(workload, "execute|parse").build()).run();
        for (RunResult result : results) {
            var statistics = result.getPrimaryResult().getStatistics();
            if (result.getParams().getBenchmark().endsWith(".execute")) {
                figures.put("execPerSec", statistics.getMean());
                figures.put(
                        "execPerSecSd",
                        Double.isNaN(statistics.getStandardDeviation()) ? 0 : statistics.getStandardDeviation());
                figures.put("iterations", statistics.getN());
            } else {
                figures.put("parseMedianUs", statistics.getPercentile(50));
            }
        }
        double execPerSec = figures.get("execPerSec").doubleValue();
        System.out.printf(
                Locale.ROOT,
                "%-14s %8d %14s %16.0f %14.1f%n",
                workload.file(),
                transitions,
                String.format(
                        Locale.ROOT,
                        "%.0f ±%.0f",
                        execPerSec,
                        figures.get("execPerSecSd").doubleValue()),
                execPerSec * transitions,
                figures.get("parseMedianUs").doubleValue());
        return figures;
    }

    private static ObjectNode unsupported(ObjectNode figures, String reason) {
        System.out.printf(
                Locale.ROOT, "%-14s does not run: %s%n", figures.get("name").asString(), reason);
        figures.put("error", reason);
        return figures;
    }

    private static void profile(Settings settings) throws IOException, RunnerException {
        Path recording = settings.out().toAbsolutePath();
        // Always the full schedule: a quick run records too few samples to rank methods.
        Settings full = new Settings(false, settings.out(), settings.profile());
        new Runner(full.jmh(settings.profile(), "execute")
                        .measurementIterations(10)
                        .jvmArgsAppend(
                                "-XX:FlightRecorderOptions:stackdepth=512",
                                "-XX:StartFlightRecording=settings=profile,filename=" + recording)
                        .build())
                .run();
        HotMethods.print(recording, 20);
    }

    /** How long and where to measure. */
    record Settings(boolean quick, Path out, Workload profile) {

        static Settings parse(String[] args) {
            boolean quick = false;
            Path out = Path.of("target", "bench", "ours.json");
            Workload profile = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> quick = true;
                    case "--out" -> out = Path.of(args[++i]);
                    case "--profile" -> profile = Workload.valueOf(args[++i]);
                    default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
                }
            }
            return new Settings(quick, out, profile);
        }

        /** Quick mode stays in this JVM: a smoke test of the harness and a rough figure, not a result. */
        ChainedOptionsBuilder jmh(Workload workload, String benchmarks) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(EngineBenchmark.class.getName() + ".(" + benchmarks + ")$")
                    .param("workload", workload.name())
                    .threads(1)
                    .shouldFailOnError(true)
                    .verbosity(VerboseMode.SILENT);
            if (quick) {
                return options.forks(0)
                        .warmupIterations(1)
                        .warmupTime(TimeValue.milliseconds(500))
                        .measurementIterations(2)
                        .measurementTime(TimeValue.milliseconds(500));
            }
            return options.forks(1)
                    .jvmArgsAppend("-Xms1g", "-Xmx1g")
                    .warmupIterations(3)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5)
                    .measurementTime(TimeValue.seconds(1));
        }

        String describe() {
            return quick
                    ? "quick: in-process, 1x0.5 s warm-up, 2x0.5 s measured"
                    : "1 fork, 3x1 s warm-up, 5x1 s measured";
        }
    }
}
