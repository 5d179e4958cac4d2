package io.stateway.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stateway.model.ExecutionStatus;
import io.stateway.model.history.HistoryEventType;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.state.TaskResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * R4 of RELIABILITY.md, in process: a worker stalls mid-task (its replica stops claiming and its
 * call hangs) until its lease has run out; another replica claims the task again, calls the
 * function with the same idempotency key and completes the execution. When the stalled call
 * finally returns, the fence rejects its result: counted, logged, and no transition recorded twice.
 */
@ExtendWith(OutputCaptureExtension.class)
class StaleWorkerFencingTest extends DurableRuntimeTesting {

    @Autowired
    DataSource dataSource;

    @Test
    void task_whoseWorkerOutlivesItsLease_isRunAgainElsewhere_andTheLateResultIsFencedOut(CapturedOutput output)
            throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch firstCallArrived = new CountDownLatch(1);
        CountDownLatch releaseFirstCall = new CountDownLatch(1);
        FUNCTIONS.register("work", event -> {
            int call = calls.incrementAndGet();
            if (call == 1) {
                firstCallArrived.countDown();
                awaitQuietly(releaseFirstCall);
            }
            return Json.NODES.objectNode().put("call", call);
        });
        double staleBefore = staleResults();

        String arn = start("single-task", "fenced", "{\"order\": 7}").executionArn();
        assertThat(firstCallArrived.await(20, TimeUnit.SECONDS)).isTrue();
        // The first replica stalls: it claims nothing more, and its call hangs past the lease.
        Thread stopping = Thread.ofVirtual().start(worker::stop);
        OutboxWorker other = anotherReplica();
        other.start();
        try {
            CLOCK.advance(properties
                    .defaultTaskTimeout()
                    .plus(properties.taskLeaseGrace())
                    .plusSeconds(1));
            other.wake();

            var closed = awaitClosed(arn);
            assertThat(closed.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(Json.parse(closed.output()))
                    .as("the replica that took the task over recorded its result")
                    .isEqualTo(Json.parse("{\"order\": 7, \"result\": {\"call\": 2}}"));

            releaseFirstCall.countDown();
            await().atMost(Duration.ofSeconds(20)).until(() -> staleResults() > staleBefore);
        } finally {
            releaseFirstCall.countDown();
            other.stop();
            stopping.join();
            worker.start();
        }

        assertThat(output.getAll()).contains("Rejected a stale result for work item");
        List<FunctionServer.Call> workCalls = FUNCTIONS.calls().stream()
                .filter(call ->
                        call.function().equals("work") && call.idempotencyKey().startsWith(arn + "#"))
                .toList();
        assertThat(workCalls).hasSize(2);
        assertThat(workCalls.get(0).idempotencyKey())
                .as("a re-run of the same attempt carries the same key")
                .isNotBlank()
                .isEqualTo(workCalls.get(1).idempotencyKey());
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
        InvariantChecker.on(dataSource)
                .acknowledged(List.of(arn), Duration.ofSeconds(10))
                .leases(CLOCK::instant, Duration.ofSeconds(5))
                .oracle(request ->
                        new TaskResult.Succeeded(Json.NODES.objectNode().put("call", 2)))
                .assertHold();
    }

    @Test
    void callbackSubmission_whoseWorkerIsLost_isRetriedAfterTheCallsLease_notAfterTheCallbacksTimeout()
            throws Exception {
        AtomicInteger submissions = new AtomicInteger();
        CountDownLatch firstSubmission = new CountDownLatch(1);
        CountDownLatch releaseFirstSubmission = new CountDownLatch(1);
        FUNCTIONS.register("collect", event -> {
            if (submissions.incrementAndGet() == 1) {
                firstSubmission.countDown();
                awaitQuietly(releaseFirstSubmission);
            }
            return Json.NODES.objectNode().put("accepted", true);
        });

        // TimeoutSeconds 3600: the wait for the answer, not a bound of the submitting call.
        String arn = start("callback-with-heartbeat", "lost-submission", "{\"who\": \"lost\"}")
                .executionArn();
        assertThat(firstSubmission.await(20, TimeUnit.SECONDS)).isTrue();
        Thread stopping = Thread.ofVirtual().start(worker::stop);
        OutboxWorker other = anotherReplica();
        other.start();
        try {
            CLOCK.advance(properties
                    .defaultTaskTimeout()
                    .plus(properties.taskLeaseGrace())
                    .plusSeconds(1));
            other.wake();
            await().atMost(Duration.ofSeconds(20)).until(() -> submissions.get() == 2);
            String token = FUNCTIONS.calls().stream()
                    .filter(call -> call.function().equals("collect"))
                    .reduce((first, second) -> second)
                    .orElseThrow()
                    .event()
                    .path("token")
                    .asString();
            executions.sendTaskSuccess(token, "{\"approved\": true}");

            var closed = awaitClosed(arn);
            assertThat(closed.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(Json.parse(closed.output()).path("answer")).isEqualTo(Json.parse("{\"approved\": true}"));
        } finally {
            releaseFirstSubmission.countDown();
            other.stop();
            stopping.join();
            worker.start();
        }
        InvariantChecker.on(dataSource)
                .acknowledged(List.of(arn), Duration.ofSeconds(10))
                .leases(CLOCK::instant, Duration.ofSeconds(5))
                .assertHold();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
