package io.stateway.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.stateway.model.ExecutionStatus;
import io.stateway.model.asl.StatesErrors;
import io.stateway.model.history.HistoryEventType;
import io.stateway.orchestrator.api.SfnClients;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.state.TaskRequest;
import io.stateway.orchestrator.asl.state.TaskResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;
import tools.jackson.databind.JsonNode;

/**
 * R7 of RELIABILITY.md: callbacks answered once. Two AWS SDK clients racing with SendTaskSuccess
 * for one token give one {@code TaskSucceeded}, the loser an AWS error; {@code HeartbeatSeconds}
 * elapsing while two replicas claim work gives exactly one {@code TaskTimedOut}
 * ({@code States.HeartbeatTimeout}); a heartbeat after the task closed is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskCallbackRaceTest extends DurableRuntimeTesting {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    /** The answer that won the race, once it ran. */
    static volatile JsonNode raceAnswer;

    SfnClient first;
    SfnClient second;

    @BeforeEach
    void clients() {
        FUNCTIONS.register("collect", event -> Json.NODES.objectNode().put("accepted", true));
        first = SfnClients.local(port);
        second = SfnClients.local(port);
    }

    @AfterEach
    void closeClients() {
        first.close();
        second.close();
    }

    @Test
    void sendTaskSuccess_racingFromTwoClients_isAppliedOnce_andTheOtherAnswersGetAwsErrors() throws Exception {
        String arn =
                start("callback-with-heartbeat", "race", "{\"who\": \"race\"}").executionArn();
        String token = tokenFor("race");

        List<Object> answers = race(
                () -> first.sendTaskSuccess(b -> b.taskToken(token).output("{\"by\": 1}")),
                () -> second.sendTaskSuccess(b -> b.taskToken(token).output("{\"by\": 2}")));

        assertThat(answers).filteredOn(a -> !(a instanceof Throwable)).hasSize(1);
        assertThat(answers)
                .filteredOn(a -> a instanceof Throwable)
                .singleElement()
                .isInstanceOfSatisfying(TaskTimedOutException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TaskTimedOut");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Task Timed Out: 'Provided task does not exist anymore'");
                });
        var closed = awaitClosed(arn);
        assertThat(closed.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        int winner = answers.get(0) instanceof Throwable ? 2 : 1;
        raceAnswer = Json.parse("{\"by\": " + winner + "}");
        assertThat(Json.parse(closed.output()).path("answer")).isEqualTo(Json.parse("{\"by\": " + winner + "}"));
        assertThat(history(arn))
                .filteredOn(e -> e.type() == HistoryEventType.TaskSucceeded)
                .hasSize(1);
        assertThatThrownBy(() -> first.sendTaskSuccess(b -> b.taskToken(token).output("{\"by\": 3}")))
                .as("a second answer after the first")
                .isInstanceOf(TaskTimedOutException.class);
        assertThatThrownBy(() -> second.sendTaskHeartbeat(b -> b.taskToken(token)))
                .as("a heartbeat after the task closed")
                .isInstanceOf(TaskTimedOutException.class);
        InvariantChecker.on(dataSource)
                .acknowledged(List.of(arn), Duration.ofSeconds(10))
                .leases(CLOCK::instant, Duration.ofSeconds(5))
                .oracle(TaskCallbackRaceTest::answers)
                .assertHold();
    }

    @Test
    void heartbeatSeconds_elapsingWithTwoReplicas_timesTheTaskOutOnce_andLateHeartbeatsAreRefused() throws Exception {
        OutboxWorker replica = anotherReplica();
        replica.start();
        try {
            String arn = start("callback-with-heartbeat", "heartbeat", "{\"who\": \"heartbeat\"}")
                    .executionArn();
            String token = tokenFor("heartbeat");

            CLOCK.advance(Duration.ofSeconds(30));
            first.sendTaskHeartbeat(b -> b.taskToken(token));
            CLOCK.advance(Duration.ofSeconds(45));
            wakeBoth(replica);
            Thread.sleep(properties.pollInterval().multipliedBy(3));
            assertThat(executions.describe(arn).status())
                    .as("75 s after the start, 45 s after the heartbeat: the 60 s heartbeat clock was reset")
                    .isEqualTo(ExecutionStatus.RUNNING);

            CLOCK.advance(Duration.ofSeconds(20));
            wakeBoth(replica);
            var closed = awaitClosed(arn);

            assertThat(closed.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(closed.error()).isEqualTo(StatesErrors.HEARTBEAT_TIMEOUT);
            assertThat(history(arn))
                    .filteredOn(e -> e.type() == HistoryEventType.TaskTimedOut)
                    .singleElement()
                    .satisfies(e ->
                            assertThat(e.details().path("error").asString()).isEqualTo(StatesErrors.HEARTBEAT_TIMEOUT));
            assertThatThrownBy(() -> second.sendTaskHeartbeat(b -> b.taskToken(token)))
                    .isInstanceOfSatisfying(
                            SfnException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TaskTimedOut"));
            assertThatThrownBy(
                            () -> first.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
                    .isInstanceOf(TaskTimedOutException.class);
            InvariantChecker.on(dataSource)
                    .acknowledged(List.of(arn), Duration.ofSeconds(10))
                    .leases(CLOCK::instant, Duration.ofSeconds(5))
                    .oracle(TaskCallbackRaceTest::answers)
                    .assertHold();
        } finally {
            replica.stop();
        }
    }

    /** What the in-memory oracle's callback tasks get: the race's winning answer, or the heartbeat timeout. */
    private static TaskResult answers(TaskRequest request) {
        return request.parameters().path("Payload").path("who").asString().equals("heartbeat")
                ? new TaskResult.TimedOut(StatesErrors.HEARTBEAT_TIMEOUT, null)
                : new TaskResult.Succeeded(raceAnswer);
    }

    private void wakeBoth(OutboxWorker replica) {
        worker.wake();
        replica.wake();
    }

    /** Runs the calls at the same moment; each answer is the call's result or what it threw. */
    private static List<Object> race(Runnable... calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(calls.length)) {
            for (Runnable call : calls) {
                futures.add(threads.submit(() -> {
                    go.await();
                    try {
                        call.run();
                        return "ok";
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            go.countDown();
            List<Object> answers = new ArrayList<>();
            for (Future<Object> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }

    private String tokenFor(String who) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> FUNCTIONS.calls().stream()
                        .anyMatch(call -> who.equals(call.event().path("who").asString())));
        return FUNCTIONS.calls().stream()
                .filter(call -> who.equals(call.event().path("who").asString()))
                .findFirst()
                .orElseThrow()
                .event()
                .path("token")
                .asString();
    }
}
