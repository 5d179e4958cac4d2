package io.stateway.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.state.TaskResult;
import io.stateway.testsupport.TestDatabase;
import io.stateway.testsupport.WithTestServers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * R4 of RELIABILITY.md with processes: of two orchestrator JVMs, the one running a task is frozen
 * with SIGSTOP mid-call for twice its lease; the other takes the task over and completes the
 * execution. After SIGCONT the frozen one finishes its call, and the fence rejects its result: its
 * {@code stateway.runtime.stale.results} counts it, its log says so, and the history holds one
 * outcome.
 */
@WithTestServers
class StoppedWorkerTest {

    static final Duration TASK_LEASE = Duration.ofSeconds(15); // default-task-timeout + task-lease-grace below

    @Test
    void taskWorker_stoppedForTwiceItsLease_isFencedOut_whileTheOtherReplicaCompletesTheTask(TestDatabase database)
            throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch firstCall = new CountDownLatch(1);
        CountDownLatch releaseFirstCall = new CountDownLatch(1);
        Map<String, String> settings = Map.of(
                "stateway.orchestrator.runtime.lease", "5s",
                "stateway.orchestrator.runtime.task-lease-grace", "5s",
                "stateway.orchestrator.runtime.default-task-timeout", "10s",
                "stateway.orchestrator.runtime.poll-interval", "100ms");
        Path logs = Path.of("target", "stopped-worker-test");
        List<OrchestratorProcess> processes = List.of(
                new OrchestratorProcess("a", database, settings, logs),
                new OrchestratorProcess("b", database, settings, logs));
        try (FunctionServer functions = new FunctionServer()) {
            functions.register("work", event -> {
                int call = calls.incrementAndGet();
                if (call == 1) {
                    firstCall.countDown();
                    try {
                        releaseFirstCall.await(3, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return Json.NODES.objectNode().put("call", call);
            });
            processes.forEach(OrchestratorProcess::start);
            for (OrchestratorProcess process : processes) {
                process.awaitReady(Duration.ofSeconds(150));
            }
            register(functions, processes.getFirst().port());
            var sfn = processes.getFirst().client();
            String definition = fixture("single-task");
            String machine = sfn.createStateMachine(
                            b -> b.name("r4").definition(definition).roleArn("arn:aws:iam::123456789012:role/r4"))
                    .stateMachineArn();
            String arn = sfn.startExecution(
                            b -> b.stateMachineArn(machine).name("frozen").input("{\"order\": 1}"))
                    .executionArn();
            assertThat(firstCall.await(60, TimeUnit.SECONDS)).isTrue();

            OrchestratorProcess frozen = caller(database, processes);
            OrchestratorProcess other =
                    processes.stream().filter(p -> p != frozen).findFirst().orElseThrow();
            frozen.signal("STOP");
            long stoppedAt = System.nanoTime();
            try {
                await().atMost(TASK_LEASE.plusSeconds(60))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> other.client()
                                        .describeExecution(b -> b.executionArn(arn))
                                        .status()
                                == ExecutionStatus.SUCCEEDED);
                long frozenFor = TASK_LEASE.multipliedBy(2).toNanos() - (System.nanoTime() - stoppedAt);
                if (frozenFor > 0) {
                    TimeUnit.NANOSECONDS.sleep(frozenFor);
                }
                releaseFirstCall.countDown();
            } finally {
                frozen.signal("CONT");
            }

            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> frozen.counter("stateway_runtime_stale_results_total") > 0);
            assertThat(Files.readString(frozen.log())).contains("Rejected a stale result for work item");
            assertThat(Json.parse(other.client()
                            .describeExecution(b -> b.executionArn(arn))
                            .output()))
                    .isEqualTo(Json.parse("{\"order\": 1, \"result\": {\"call\": 2}}"));
            assertThat(functions.calls())
                    .extracting(FunctionServer.Call::idempotencyKey)
                    .hasSize(2)
                    .as("the take-over re-ran the same attempt")
                    .containsOnly(functions.calls().getFirst().idempotencyKey());
            InvariantChecker.on(database.dataSource())
                    .acknowledged(List.of(arn), Duration.ofSeconds(10))
                    .leases(java.time.Instant::now, Duration.ofSeconds(5))
                    .oracle(request ->
                            new TaskResult.Succeeded(Json.NODES.objectNode().put("call", 2)))
                    .assertHold();
        } finally {
            releaseFirstCall.countDown();
            processes.forEach(OrchestratorProcess::kill);
        }
    }

    /** The process whose worker claimed the task (its claim names the JVM: {@code pid@host/...}). */
    private static OrchestratorProcess caller(TestDatabase database, List<OrchestratorProcess> processes) {
        String claimedBy = JdbcClient.create(database.dataSource())
                .sql("SELECT claimed_by FROM orchestrator.work_items WHERE kind = 'TASK'")
                .query(String.class)
                .single();
        long pid = Long.parseLong(claimedBy.substring(0, claimedBy.indexOf('@')));
        return processes.stream().filter(p -> p.pid() == pid).findFirst().orElseThrow();
    }

    private static void register(FunctionServer functions, int port) throws Exception {
        URI url = functions.find("work").orElseThrow().url();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/functions/work"))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = StoppedWorkerTest.class.getResourceAsStream("/asl/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
