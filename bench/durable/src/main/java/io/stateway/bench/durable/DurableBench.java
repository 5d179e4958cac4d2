package io.stateway.bench.durable;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The durable runtime's benchmark (issue 5): orchestrator-service's exec jar as its own process on
 * a fresh database, a function stub, and a load driver speaking AWS's JSON protocol through the AWS
 * SDK; beside it, pgbench's TPS for a one-row insert + one-row update transaction on the same
 * PostgreSQL server. Prints a table; the last line is {@code ratio: R}, workload (a)'s durable state
 * transitions per second over pgbench's transactions per second.
 *
 * <p>Per workload: a warm-up (not measured; it also counts the states an execution enters, from its
 * history), then the capacity phase — a burst of executions started as fast as the API answers,
 * then drained — and, after all workloads, a steady phase at half the capacity's executions/s, for
 * latency. pgbench runs just before and just after workload (a)'s capacity phase, so that both see
 * about the same machine load.
 */
public final class DurableBench {

    /** StartExecution calls in flight during a burst; the SDK's connection pool is twice that. */
    static final int BURST_CONCURRENCY = 64;

    static final int PACED_MAX_IN_FLIGHT = 256;
    static final int PGBENCH_CLIENTS = 32;
    static final int PGBENCH_THREADS = 2;

    private DurableBench() {}

    /** One workload's figures. */
    record WorkloadFigures(Workload workload, long transitionsPerExecution, PhaseFigures capacity, PhaseFigures half) {

        double transitionsPerSecond() {
            return capacity.executionsPerSecond() * transitionsPerExecution;
        }
    }

    /** What a run measured. */
    record Report(List<WorkloadFigures> workloads, List<Pgbench.Result> pgbench, double ratio) {}

    public static void main(String[] args) throws Exception {
        BenchSettings settings;
        try {
            settings = BenchSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        run(settings, System.out, System.err);
    }

    static Report run(BenchSettings settings, PrintStream out, PrintStream progress) throws Exception {
        Files.createDirectories(settings.workDir());
        Postgres server = Postgres.parse(settings.server(), settings.user(), settings.password());
        Postgres database = settings.database() == null ? server : server.createFresh(settings.database());
        try {
            return measure(settings, database, out, progress);
        } finally {
            if (settings.database() != null && !settings.keep()) {
                server.drop(settings.database());
            }
        }
    }

    private static Report measure(BenchSettings settings, Postgres database, PrintStream out, PrintStream progress)
            throws Exception {
        out.printf(
                "bench/durable%s: %s, %s, Java %s%n",
                settings.quick() ? " --quick (harness check, not a result)" : "",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Machine.describe(),
                Runtime.version());
        out.println(database.describe() + ", database " + database.database());
        out.println("load average at start: " + Machine.loadAverage());
        Pgbench pgbench = Pgbench.prepare(database, settings.workDir());
        Path log = settings.workDir().resolve("orchestrator.log");
        progress.println("starting orchestrator-service (" + settings.jar().getFileName() + "), log " + log);
        try (FunctionStub stub = new FunctionStub();
                OrchestratorProcess orchestrator =
                        OrchestratorProcess.start(settings.jar(), database, log, List.of(), Duration.ofMinutes(3));
                LoadDriver driver = new LoadDriver(orchestrator.endpoint(), 2 * BURST_CONCURRENCY)) {
            orchestrator.registerFunction(FunctionStub.NAME, stub.url());
            Phases phases = new Phases(settings, driver, orchestrator.pid(), progress);
            List<Workload> workloads = Workload.all(settings.quick()).stream()
                    .filter(w -> settings.only() == null || w.name().equals(settings.only()))
                    .toList();
            List<Pgbench.Result> references = new ArrayList<>();
            List<Long> transitions = new ArrayList<>();
            List<PhaseFigures> capacities = new ArrayList<>();
            for (Workload workload : workloads) {
                transitions.add(phases.warmUp(workload));
                boolean reference = workload == workloads.getFirst();
                if (reference) {
                    references.add(pgbench(pgbench, settings, progress));
                }
                Recording recording = reference && settings.profile() != null
                        ? Recording.start(orchestrator.pid(), settings.profile())
                        : null;
                capacities.add(phases.capacity(workload));
                if (recording != null) {
                    recording.stop();
                    progress.println(
                            "JFR recording of " + workload.name() + "'s capacity phase: " + settings.profile());
                }
                if (reference) {
                    references.add(pgbench(pgbench, settings, progress));
                }
            }
            List<WorkloadFigures> figures = new ArrayList<>();
            for (int i = 0; i < workloads.size(); i++) {
                Workload workload = workloads.get(i);
                PhaseFigures half = phases.halfLoad(workload, capacities.get(i).executionsPerSecond() / 2);
                figures.add(new WorkloadFigures(workload, transitions.get(i), capacities.get(i), half));
            }
            Report report = report(figures, references);
            print(report, settings, out);
            return report;
        }
    }

    private static Pgbench.Result pgbench(Pgbench pgbench, BenchSettings settings, PrintStream progress)
            throws IOException, InterruptedException {
        progress.println("pgbench, " + settings.pgbenchSeconds() + " s...");
        return pgbench.run(PGBENCH_CLIENTS, PGBENCH_THREADS, settings.pgbenchSeconds());
    }

    private static Report report(List<WorkloadFigures> figures, List<Pgbench.Result> references) {
        double tps =
                references.stream().mapToDouble(Pgbench.Result::tps).average().orElseThrow();
        WorkloadFigures chain = figures.getFirst();
        return new Report(figures, references, chain.transitionsPerSecond() / tps);
    }

    private static void print(Report report, BenchSettings settings, PrintStream out) {
        out.println();
        out.printf(
                "capacity: executions started as fast as the API answers (%d StartExecution calls in flight), then"
                        + " drained; exec/s = executions / (first startDate .. last stopDate)%n",
                BURST_CONCURRENCY);
        Table capacity = new Table(
                "workload",
                "tr/exec",
                "executions",
                "failed",
                "exec/s",
                "transitions/s",
                "StartExecution/s",
                "p50 ms",
                "p99 ms",
                "CPU ms/exec",
                "load");
        for (WorkloadFigures f : report.workloads()) {
            PhaseFigures c = f.capacity();
            capacity.row(
                    f.workload().label(),
                    f.transitionsPerExecution(),
                    c.executions(),
                    c.failed(),
                    c.executionsPerSecond(),
                    f.transitionsPerSecond(),
                    c.startsPerSecond(),
                    c.p50Millis(),
                    c.p99Millis(),
                    c.cpuMillisPerExecution(),
                    c.load());
        }
        out.print(capacity.render());
        out.println();
        out.printf(
                "half load: executions started at a steady rate, half the capacity's exec/s, for %d s;"
                        + " start-to-finish = stopDate - startDate%n",
                settings.halfLoadDuration().toSeconds());
        Table half = new Table(
                "workload",
                "rate/s",
                "executions",
                "failed",
                "p50 ms",
                "p99 ms",
                "StartExecution p99 ms",
                "CPU ms/exec",
                "load");
        for (WorkloadFigures f : report.workloads()) {
            PhaseFigures h = f.half();
            half.row(
                    f.workload().label(),
                    f.capacity().executionsPerSecond() / 2,
                    h.executions(),
                    h.failed(),
                    h.p50Millis(),
                    h.p99Millis(),
                    h.startP99Millis(),
                    h.cpuMillisPerExecution(),
                    h.load());
        }
        out.print(half.render());
        report.workloads().stream()
                .flatMap(f -> java.util.stream.Stream.of(f.capacity(), f.half()))
                .filter(p -> p.firstError() != null)
                .findFirst()
                .ifPresent(p -> out.println("first failure: " + p.firstError()));
        out.println();
        List<Pgbench.Result> references = report.pgbench();
        out.println("pgbench, one-row insert + one-row update per transaction, same server: "
                + references.getFirst().command());
        double tps =
                references.stream().mapToDouble(Pgbench.Result::tps).average().orElseThrow();
        out.printf(
                Locale.ROOT,
                "  just before the first capacity phase: %s TPS, just after it: %s TPS, mean %s TPS%n",
                Table.format(references.getFirst().tps()),
                Table.format(references.getLast().tps()),
                Table.format(tps));
        WorkloadFigures chain = report.workloads().getFirst();
        out.printf(
                Locale.ROOT,
                "%s: durable state transitions/s / pgbench TPS = %s / %s%n",
                chain.workload().label(),
                Table.format(chain.transitionsPerSecond()),
                Table.format(tps));
        out.println("load average at end: " + Machine.loadAverage());
        out.printf(Locale.ROOT, "ratio: %.2f%n", report.ratio());
    }

    /** The phases of one workload, each on a state machine of its own so ListExecutions returns just its executions. */
    private record Phases(BenchSettings settings, LoadDriver driver, long orchestratorPid, PrintStream progress) {

        /** Runs the warm-up and returns the states one execution entered. */
        long warmUp(Workload workload) throws InterruptedException {
            String machine = driver.createStateMachine("bench-" + workload.name() + "-warmup", workload.definition());
            progress.println(workload.name() + ": warm-up, " + workload.warmUp() + " executions...");
            LoadDriver.Starts starts = driver.burst(
                    machine, "warmup", workload.input(), workload.warmUp(), BURST_CONCURRENCY, settings.burstLimit());
            if (starts.failed() > 0) {
                throw new IllegalStateException(workload.name() + ": StartExecution failed: " + starts.firstError());
            }
            driver.awaitFinished(machine, settings.drainTimeout());
            List<LoadDriver.Finished> finished = driver.executions(machine);
            LoadDriver.Finished first = finished.stream()
                    .filter(e -> e.name().equals("warmup-0"))
                    .findFirst()
                    .orElseThrow();
            if (!first.status().toString().equals("SUCCEEDED")) {
                throw new IllegalStateException(workload.name() + ": the first execution ended " + first.status());
            }
            return driver.transitions(driver.executionArn(machine, first.name()));
        }

        PhaseFigures capacity(Workload workload) throws InterruptedException {
            String machine = driver.createStateMachine("bench-" + workload.name() + "-capacity", workload.definition());
            progress.println(workload.name() + ": capacity, " + workload.burst() + " executions...");
            long cpu = cpuMillis();
            LoadDriver.Starts starts = driver.burst(
                    machine, "burst", workload.input(), workload.burst(), BURST_CONCURRENCY, settings.burstLimit());
            driver.awaitFinished(machine, settings.drainTimeout());
            long used = cpuMillis() - cpu;
            return PhaseFigures.of(starts, driver.executions(machine), used, Machine.oneMinuteLoad());
        }

        PhaseFigures halfLoad(Workload workload, double rate) throws InterruptedException {
            String machine = driver.createStateMachine("bench-" + workload.name() + "-half", workload.definition());
            progress.printf(
                    Locale.ROOT,
                    "%s: half load, %.1f executions/s for %d s...%n",
                    workload.name(),
                    rate,
                    settings.halfLoadDuration().toSeconds());
            long cpu = cpuMillis();
            LoadDriver.Starts starts = driver.paced(
                    machine, "steady", workload.input(), rate, settings.halfLoadDuration(), PACED_MAX_IN_FLIGHT);
            driver.awaitFinished(machine, settings.drainTimeout());
            long used = cpuMillis() - cpu;
            return PhaseFigures.of(starts, driver.executions(machine), used, Machine.oneMinuteLoad());
        }

        private long cpuMillis() {
            return ProcessHandle.of(orchestratorPid)
                    .flatMap(process -> process.info().totalCpuDuration())
                    .map(Duration::toMillis)
                    .orElse(0L);
        }
    }
}
