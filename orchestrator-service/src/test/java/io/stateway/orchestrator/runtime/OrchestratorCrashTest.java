package io.stateway.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.state.TaskRequest;
import io.stateway.orchestrator.asl.state.TaskResult;
import io.stateway.testsupport.TestDatabase;
import io.stateway.testsupport.WithTestServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;
import tools.jackson.databind.JsonNode;

/**
 * R1 of RELIABILITY.md, CI variant: two orchestrator JVMs on one database run 300 Standard
 * executions (Pass and Choice, then a Task with transient HTTP 500s and Retry, a Map of 5 tasks, a
 * Parallel of 3 branches, or a callback answered by a bot; then a Wait of 1-3 s), while every 5-10 s
 * (once both are up) one of them, at random, is killed with SIGKILL and started again. Clients (the starter and the
 * bot) use the AWS SDK against whichever process is up and retry failed calls. Every acknowledged
 * execution must be terminal within 60 s of the last kill, and the invariants hold. Seeded
 * ({@code -Dseed}).
 */
@WithTestServers
class OrchestratorCrashTest {

    static final int EXECUTIONS = 300;
    static final Duration START_SPACING = Duration.ofMillis(100);
    static final Duration CHAOS = Duration.ofSeconds(45);
    static final Duration CHAOS_CAP = Duration.ofMinutes(3);
    static final int MIN_KILLS = 3;
    static final Duration TERMINAL_AFTER_LAST_KILL = Duration.ofSeconds(60);
    static final List<String> KINDS = List.of("pass", "task", "map", "parallel", "callback");
    static final String MACHINE_NAME = "r1";
    static final long SEED = Long.getLong("seed", 1_000_003L);

    final FunctionServer functions = new FunctionServer();
    final BlockingQueue<JsonNode> callbacks = new LinkedBlockingQueue<>();
    final Random random = new Random(SEED);
    final List<OrchestratorProcess> processes = new ArrayList<>();

    @Test
    void standardExecutions_surviveKill9OfEitherOfTwoOrchestrators(TestDatabase database) throws Exception {
        Random failures = new Random(SEED + 1);
        functions.register("work", event -> {
            synchronized (failures) {
                if (failures.nextInt(5) == 0) {
                    throw new FunctionServer.EndpointFailure("transient");
                }
            }
            return work(event);
        });
        functions.register("collect", event -> {
            callbacks.add(event);
            return Json.NODES.objectNode().put("accepted", true);
        });
        Map<String, String> settings = Map.of(
                "stateway.orchestrator.runtime.lease", "5s",
                "stateway.orchestrator.runtime.task-lease-grace", "5s",
                "stateway.orchestrator.runtime.default-task-timeout", "10s",
                "stateway.orchestrator.runtime.poll-interval", "100ms",
                "spring.datasource.hikari.maximum-pool-size", "8");
        Path logs = Path.of("target", "orchestrator-crash-test");
        processes.add(new OrchestratorProcess("a", database, settings, logs));
        processes.add(new OrchestratorProcess("b", database, settings, logs));
        Thread bot = null;
        try {
            Instant began = Instant.now();
            processes.forEach(OrchestratorProcess::start);
            for (OrchestratorProcess process : processes) {
                process.awaitReady(Duration.ofSeconds(120));
            }
            Duration startUp = Duration.between(began, Instant.now());
            registerFunctions(processes.getFirst().port());
            String machine = call(sfn -> sfn.createStateMachine(b -> b.name(MACHINE_NAME)
                            .definition(fixture("crash-mix"))
                            .roleArn("arn:aws:iam::123456789012:role/r1"))
                    .stateMachineArn());
            bot = Thread.ofVirtual().name("r1-bot").start(this::answerCallbacks);

            Collection<String> acknowledged = new ConcurrentLinkedQueue<>();
            AtomicInteger retriedStarts = new AtomicInteger();
            Collection<Throwable> starterFailures = new ConcurrentLinkedQueue<>();
            Thread starter = Thread.ofVirtual().name("r1-starter").start(() -> {
                try {
                    startAll(machine, acknowledged, retriedStarts);
                } catch (RuntimeException e) {
                    starterFailures.add(e);
                }
            });
            List<String> kills = new ArrayList<>();
            Instant chaosEnd = Instant.now().plus(CHAOS);
            Instant lastKill = Instant.now();
            // Kills go on while executions are started, for at least CHAOS and MIN_KILLS kills (where
            // JVMs start slowly), up to CHAOS_CAP. One replica is killed only while both are up, so that
            // the other serves while it restarts.
            Instant chaosCap = Instant.now().plus(CHAOS_CAP);
            while ((Instant.now().isBefore(chaosEnd) || starter.isAlive() || kills.size() < MIN_KILLS)
                    && Instant.now().isBefore(chaosCap)) {
                Thread.sleep(5_000 + random.nextInt(5_001));
                if (!processes.stream().allMatch(OrchestratorProcess::isReady)) {
                    continue;
                }
                OrchestratorProcess victim = processes.get(random.nextInt(processes.size()));
                victim.kill();
                lastKill = Instant.now();
                kills.add(victim.name());
                victim.start();
            }
            Duration sinceLastKill = Duration.between(lastKill, Instant.now());
            Instant checking = Instant.now();
            InvariantChecker.on(database.dataSource())
                    .acknowledged(acknowledged, TERMINAL_AFTER_LAST_KILL.minus(sinceLastKill))
                    .leases(Instant::now, Duration.ofSeconds(5))
                    .oracle(OrchestratorCrashTest::oracle)
                    .assertHold();
            Duration drained = Duration.between(lastKill, Instant.now());

            Map<String, Long> callsPerKey = functions.calls().stream()
                    .filter(call -> call.function().equals("work"))
                    .collect(Collectors.groupingBy(FunctionServer.Call::idempotencyKey, Collectors.counting()));
            System.out.printf(
                    "R1: %d executions acknowledged, %d kill -9 (%s), start-up of two JVMs %d s, last execution"
                            + " terminal %d s after the last kill (checked from %d s), %d StartExecution retries,"
                            + " %d task calls for %d attempts, %d callbacks%n",
                    acknowledged.size(),
                    kills.size(),
                    String.join(",", kills),
                    startUp.toSeconds(),
                    drained.toSeconds(),
                    Duration.between(lastKill, checking).toSeconds(),
                    retriedStarts.get(),
                    callsPerKey.values().stream().mapToLong(Long::longValue).sum(),
                    callsPerKey.size(),
                    EXECUTIONS / KINDS.size());
            assertThat(starterFailures)
                    .as("StartExecution errors other than unavailability")
                    .isEmpty();
            assertThat(acknowledged).hasSize(EXECUTIONS);
            assertThat(kills).as("orchestrators killed during the run").hasSizeGreaterThanOrEqualTo(MIN_KILLS);
        } finally {
            processes.forEach(OrchestratorProcess::kill);
            if (bot != null) {
                bot.interrupt();
            }
            functions.close();
        }
    }

    /** What the work function answers: its event, wrapped (the oracle answers the same). */
    static JsonNode work(JsonNode event) {
        return Json.NODES.objectNode().set("worked", event);
    }

    /** What the bot answers a callback task with. */
    static JsonNode approval(JsonNode payload) {
        return Json.NODES.objectNode().put("approvedFor", payload.path("n").asInt());
    }

    /** The in-memory engine's task answers: the same functions, without failures. */
    static TaskResult oracle(TaskRequest request) {
        JsonNode parameters = request.parameters();
        return switch (parameters.path("FunctionName").asString("")) {
            case "collect" -> new TaskResult.Succeeded(approval(parameters.path("Payload")));
            case "work" ->
                new TaskResult.Succeeded(Json.NODES.objectNode().set("Payload", work(parameters.path("Payload"))));
            default -> new TaskResult.Succeeded(work(parameters));
        };
    }

    private void startAll(String machine, Collection<String> acknowledged, AtomicInteger retries) {
        for (int n = 0; n < EXECUTIONS; n++) {
            String kind = KINDS.get(n % KINDS.size());
            String input = "{\"n\":%d,\"kind\":\"%s\",\"delay\":%d,\"items\":[%d,%d,%d,%d,%d]}"
                    .formatted(n, kind, 1 + n % 3, n, n + 1, n + 2, n + 3, n + 4);
            String name = "r1-" + n;
            boolean retried = false;
            while (true) {
                try {
                    acknowledged.add(call(sfn -> sfn.startExecution(
                                    b -> b.stateMachineArn(machine).name(name).input(input))
                            .executionArn()));
                    break;
                } catch (SfnException e) {
                    if (retried
                            && "ExecutionAlreadyExists"
                                    .equals(e.awsErrorDetails().errorCode())) {
                        // An earlier attempt did start it (its answer was lost with the process), and it already ended.
                        acknowledged.add(machine.replace(":stateMachine:", ":execution:") + ":" + name);
                        break;
                    }
                    throw e;
                } catch (Unavailable e) {
                    retried = true;
                    retries.incrementAndGet();
                }
            }
            pause(START_SPACING.toMillis());
        }
    }

    /** The bot: answers each callback's token once, through whichever orchestrator is up. */
    private void answerCallbacks() {
        try {
            while (true) {
                JsonNode event = callbacks.take();
                String token = event.path("token").asString();
                JsonNode answer = approval(event);
                while (true) {
                    try {
                        call(sfn -> sfn.sendTaskSuccess(b -> b.taskToken(token).output(Json.text(answer))));
                        break;
                    } catch (SfnException e) {
                        if ("TaskTimedOut".equals(e.awsErrorDetails().errorCode())) {
                            break; // answered already (the callback was delivered twice after a crash)
                        }
                        throw e;
                    } catch (Unavailable e) {
                        pause(200);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** No orchestrator answered (down, starting, or killed during the call): try again. */
    static final class Unavailable extends RuntimeException {
        Unavailable(Throwable cause) {
            super(cause);
        }
    }

    /**
     * Calls an orchestrator that runs, chosen at random, else the other; a refused connection, a
     * cut answer or a 5xx from both is {@link Unavailable}, other AWS errors are thrown as they are.
     */
    private <T> T call(Function<SfnClient, T> action) {
        List<OrchestratorProcess> order = new ArrayList<>(processes);
        Collections.shuffle(order, ThreadLocalRandom.current());
        RuntimeException failure = null;
        for (OrchestratorProcess process : order) {
            if (!process.isAlive()) {
                continue;
            }
            try {
                return action.apply(process.client());
            } catch (SdkClientException | IllegalStateException e) {
                failure = e; // down, starting, or killed during the call (its client closed under us)
            } catch (SfnException e) {
                if (e.statusCode() < 500) {
                    throw e;
                }
                failure = e;
            }
        }
        pause(200);
        throw new Unavailable(failure);
    }

    private void registerFunctions(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String function : List.of("work", "collect")) {
            URI url = functions.find(function).orElseThrow().url();
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/functions/" + function))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\",\"timeoutSeconds\":5}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        }
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String fixture(String name) {
        try (InputStream in = OrchestratorCrashTest.class.getResourceAsStream("/asl/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
