package io.stateway.bench.durable;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.testsupport.TestDatabase;
import io.stateway.testsupport.WithTestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's CI variant: {@code --quick} end to end — orchestrator-service's exec jar (built
 * earlier in the reactor) as its own process, the AWS SDK driving all three workloads, pgbench on
 * the same server — so that the harness cannot rot. Its figures are not checked against goals: CI
 * machines differ, and speed goals live in the benchmark's full run only.
 */
@WithTestServers
class DurableBenchTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent().getParent();

    @TempDir
    Path work;

    @Test
    void quickRun_drivesEveryWorkloadToSuccessBesidePgbench_andEndsWithTheRatio(TestDatabase database)
            throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DurableBench.Report report;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            report = DurableBench.run(
                    BenchSettings.parse(
                            "--quick",
                            "--jar",
                            execJar().toString(),
                            "--postgres",
                            database.jdbcUrl(),
                            "--user",
                            database.username(),
                            "--password",
                            database.password(),
                            "--use-database",
                            "--work",
                            work.toString()),
                    out,
                    System.err);
        }

        assertThat(report.workloads())
                .extracting(f -> f.workload().name(), DurableBench.WorkloadFigures::transitionsPerExecution)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("choice-chain", 10L),
                        org.assertj.core.groups.Tuple.tuple("task-choice-wait", 3L),
                        org.assertj.core.groups.Tuple.tuple("map-100", 101L));
        assertThat(report.workloads()).allSatisfy(figures -> {
            for (PhaseFigures phase : List.of(figures.capacity(), figures.half())) {
                assertThat(phase.executions()).isPositive();
                assertThat(phase.failed()).as(phase.firstError()).isZero();
                assertThat(phase.p99Millis()).isGreaterThanOrEqualTo(phase.p50Millis());
            }
            assertThat(figures.transitionsPerSecond()).isPositive();
        });
        assertThat(report.pgbench())
                .hasSize(2)
                .allSatisfy(run -> assertThat(run.tps()).isPositive());
        assertThat(report.ratio()).isPositive();
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).anyMatch(line -> line.startsWith("(a) 10-state Pass/Choice"));
        assertThat(lines.getLast()).matches("ratio: \\d+\\.\\d\\d");
    }

    private static Path execJar() throws IOException {
        Path target = REPO.resolve("orchestrator-service/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(path -> path.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No exec jar in " + target + ": `./mvnw verify` (or -DskipTests package) builds it first"));
        }
    }
}
