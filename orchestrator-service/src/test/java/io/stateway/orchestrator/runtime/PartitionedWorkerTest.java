package io.stateway.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stateway.model.ExecutionStatus;
import io.stateway.model.history.HistoryEventType;
import io.stateway.orchestrator.asl.RandomSource;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.state.TaskResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R4 of RELIABILITY.md, the partition half: a second runtime instance reaches PostgreSQL only
 * through {@link PostgresFaultProxy}. While it waits on a task's call, the proxy partitions it from
 * the database for 30 s: nothing passes either way, its connections hang open. This context's
 * replica takes the task over when the lease runs out, calls the function again and completes the
 * execution. The partition heals, the first call returns, and the partitioned worker's late result
 * is rejected by the fence: its {@code stateway.runtime.stale.results} counts it, it is logged, the
 * history holds one task outcome and the invariants hold.
 *
 * <p>Leases are judged by the runtime's clock, which this test moves by hand: the partition lasts
 * 30 s on that clock (the contract's figure) and 8 s of wall time, long enough for the replica's
 * claim loop to send a claim into the partition and hang on its open connection, short
 * enough that the first call is still waiting, not timed out, when the partition heals (the
 * default task timeout is also the call's real read timeout). The settings below shorten the task
 * lease (default task timeout + grace) to 25 s so that the 30 s partition outlasts it, as the
 * contract's partition outlasts the lease it is meant to break: what is under test is that a
 * worker cut off for longer than its lease is fenced out when it comes back, whatever the two
 * figures are.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {
            "stateway.orchestrator.runtime.default-task-timeout=20s",
            "stateway.orchestrator.runtime.task-lease-grace=5s"
        })
class PartitionedWorkerTest extends DurableRuntimeTesting {

    static final Duration PARTITION = Duration.ofSeconds(30);
    /** Many poll intervals: the replica's claim loop sends a claim into the partition and hangs on it. */
    static final Duration PARTITION_WALL = Duration.ofSeconds(8);

    static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(.*)");

    @Autowired
    DataSource dataSource;

    @Autowired
    RandomSource random;

    @Test
    void taskWorker_partitionedFromPostgresPastItsLease_isFencedOut_whileTheOtherReplicaCompletesTheTask(
            CapturedOutput output) throws Exception {
        assertThat(PARTITION)
                .as("the partition outlasts the task lease")
                .isGreaterThan(properties.defaultTaskTimeout().plus(properties.taskLeaseGrace()));
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch firstCallArrived = new CountDownLatch(1);
        CountDownLatch releaseFirstCall = new CountDownLatch(1);
        FUNCTIONS.register("work", event -> {
            int call = calls.incrementAndGet();
            if (call == 1) {
                firstCallArrived.countDown();
                try {
                    releaseFirstCall.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Json.NODES.objectNode().put("call", call);
        });
        HikariConfig own = new HikariConfig();
        dataSource.unwrap(HikariDataSource.class).copyStateTo(own);
        Matcher url = JDBC_URL.matcher(own.getJdbcUrl());
        assertThat(url.matches()).as(own.getJdbcUrl()).isTrue();
        SimpleMeterRegistry partitionedMeters = new SimpleMeterRegistry();

        worker.stop(); // the task must go to the replica behind the proxy
        try (PostgresFaultProxy proxy = new PostgresFaultProxy(url.group(1), Integer.parseInt(url.group(2)), 1L);
                HikariDataSource throughProxy = dataSourceThrough(own, proxy, url.group(3))) {
            OutboxWorker partitioned = replicaOn(throughProxy, partitionedMeters);
            partitioned.start();
            try {
                String arn =
                        start("single-task", "partitioned", "{\"order\": 9}").executionArn();
                assertThat(firstCallArrived.await(20, TimeUnit.SECONDS)).isTrue();
                assertThat(claimOfTheTask()).isEqualTo(partitioned.workerId());

                proxy.partition();
                long partitionedAt = System.nanoTime();
                try {
                    worker.start();
                    CLOCK.advance(PARTITION);
                    worker.wake();
                    var closed = awaitClosed(arn);
                    assertThat(closed.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                    assertThat(Json.parse(closed.output()))
                            .as("the replica that took the task over recorded its result")
                            .isEqualTo(Json.parse("{\"order\": 9, \"result\": {\"call\": 2}}"));
                    // The partitioned worker kept trying (its claim loop polls): the partition held it.
                    await().atMost(Duration.ofSeconds(10)).until(() -> proxy.held() > 0);
                    long left = PARTITION_WALL.toNanos() - (System.nanoTime() - partitionedAt);
                    if (left > 0) {
                        TimeUnit.NANOSECONDS.sleep(left);
                    }
                } finally {
                    proxy.heal();
                }
                assertThat(partitionedMeters
                                .counter("stateway.runtime.stale.results")
                                .count())
                        .as("nothing was rejected before the late result came")
                        .isZero();

                releaseFirstCall.countDown();
                await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> partitionedMeters
                                        .counter("stateway.runtime.stale.results")
                                        .count()
                                > 0);
                assertThat(output.getAll()).contains("Rejected a stale result for work item");
                assertThat(history(arn))
                        .extracting(ExecutionService.StoredEvent::type)
                        .containsExactly(
                                HistoryEventType.ExecutionStarted,
                                HistoryEventType.TaskStateEntered,
                                HistoryEventType.LambdaFunctionScheduled,
                                HistoryEventType.LambdaFunctionStarted,
                                HistoryEventType.LambdaFunctionSucceeded,
                                HistoryEventType.TaskStateExited,
                                HistoryEventType.ExecutionSucceeded);
                List<FunctionServer.Call> workCalls = FUNCTIONS.calls().stream()
                        .filter(call -> call.function().equals("work")
                                && call.idempotencyKey().startsWith(arn + "#"))
                        .toList();
                assertThat(workCalls)
                        .extracting(FunctionServer.Call::idempotencyKey)
                        .hasSize(2)
                        .as("the take-over re-ran the same attempt")
                        .containsOnly(workCalls.getFirst().idempotencyKey());
                InvariantChecker.on(dataSource)
                        .acknowledged(List.of(arn), Duration.ofSeconds(10))
                        .leases(CLOCK::instant, Duration.ofSeconds(5))
                        .oracle(request ->
                                new TaskResult.Succeeded(Json.NODES.objectNode().put("call", 2)))
                        .assertHold();
            } finally {
                releaseFirstCall.countDown();
                proxy.heal();
                partitioned.stop();
            }
        } finally {
            if (!worker.isRunning()) {
                worker.start();
            }
        }
    }

    /**
     * A runtime instance of its own on {@code database}: its own connections, transactions and
     * work loop, sharing only the clock, the settings and the task integrations with this context.
     */
    private OutboxWorker replicaOn(DataSource database, SimpleMeterRegistry meters) {
        JdbcClient jdbc = JdbcClient.create(database);
        WorkItems items = new WorkItems(jdbc);
        Executions executionRows = new Executions(jdbc);
        Transitions replicaTransitions = new Transitions(
                new TransactionTemplate(new DataSourceTransactionManager(database)),
                executionRows,
                new History(new JdbcTemplate(database), jdbc),
                new Cursors(jdbc),
                items,
                new Definitions(executionRows),
                new TaskTokens(jdbc),
                CLOCK,
                random);
        return new OutboxWorker(items, replicaTransitions, tasks, CLOCK, properties, meters);
    }

    /** A pool set up as this service's own (schema, session timeouts), whose connections go through the proxy. */
    private static HikariDataSource dataSourceThrough(
            HikariConfig own, PostgresFaultProxy proxy, String databaseAndParameters) {
        HikariConfig config = new HikariConfig();
        own.copyStateTo(config);
        config.setPoolName("partitioned-replica");
        config.setMaximumPoolSize(4);
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + databaseAndParameters
                + (databaseAndParameters.contains("?") ? "&" : "?") + "sslmode=disable&gssEncMode=disable");
        return new HikariDataSource(config);
    }

    /** Which worker holds the claim on the execution's task. */
    private String claimOfTheTask() {
        return JdbcClient.create(dataSource)
                .sql("SELECT claimed_by FROM orchestrator.work_items WHERE kind = 'TASK'")
                .query(String.class)
                .single();
    }
}
