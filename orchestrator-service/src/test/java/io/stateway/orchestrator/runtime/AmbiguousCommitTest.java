package io.stateway.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.state.TaskResult;
import io.stateway.testsupport.TestDatabase;
import io.stateway.testsupport.TestServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * R3 of RELIABILITY.md: the runtime reaches PostgreSQL through {@link PostgresFaultProxy}, which
 * cuts the connection right after forwarding 2% of the COMMITs (the server has committed, the
 * client never hears). A few hundred executions (Pass, Parallel, Map, a Task with a transient
 * error and Retry, Wait) run through it, started by a client that retries a failed StartExecution
 * with the same name and input. Every acknowledged execution closes, no transition is recorded
 * twice, and the invariants hold.
 */
class AmbiguousCommitTest extends DurableRuntimeTesting {

    static final int EXECUTIONS = 250;
    static final long SEED = Long.getLong("seed", 20260301L);
    static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(.*)");
    static final PostgresFaultProxy PROXY;
    static final TestDatabase DATABASE = TestServers.databaseFor(AmbiguousCommitTest.class);

    static {
        Matcher url = JDBC_URL.matcher(DATABASE.jdbcUrl());
        if (!url.matches()) {
            throw new IllegalStateException("Unexpected test database URL " + DATABASE.jdbcUrl());
        }
        try {
            PROXY = new PostgresFaultProxy(url.group(1), Integer.parseInt(url.group(2)), SEED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        Matcher url = JDBC_URL.matcher(DATABASE.jdbcUrl());
        url.matches();
        String rest = url.group(3);
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:postgresql://127.0.0.1:" + PROXY.port() + "/" + rest + (rest.contains("?") ? "&" : "?")
                        + "sslmode=disable&gssEncMode=disable");
    }

    @AfterAll
    static void closeProxy() throws IOException {
        PROXY.close();
    }

    /** The fixtures run, and the input each gets (the execution number fills {@code %d}). */
    static final Map<String, String> MIX = Map.of(
            "pass-result-path", "{\"name\": \"n%d\"}",
            "parallel-branches", "{\"value\": %d}",
            "map-items", "{\"orders\": [\"a%d\", \"b\", \"c\"], \"customer\": \"c\"}",
            "task-retry-catch", "{\"amount\": %d}",
            "wait-then-succeed", "{\"delay\": 5, \"result\": {\"n\": %d}}");

    @Test
    void transitions_whoseCommitAnswerIsLost_areRecordedOnce_andEveryExecutionCloses() throws Exception {
        // Half the charges fail once (Flaky: retried after a back-off), then succeed.
        Set<Integer> failedOnce = ConcurrentHashMap.newKeySet();
        FUNCTIONS.register("charge", event -> {
            int amount = event.path("amount").asInt();
            if (amount % 2 == 0 && failedOnce.add(amount)) {
                throw new FunctionServer.FunctionError("Flaky", "transient failure of charge " + amount);
            }
            return Json.NODES.objectNode().put("id", "receipt-" + amount);
        });
        List<String> fixtures = MIX.keySet().stream().sorted().toList();
        Collection<String> acknowledged = new ConcurrentLinkedQueue<>();
        Collection<String> retriedStarts = new ConcurrentLinkedQueue<>();
        PROXY.cutCommits(0.02);
        Thread ticker = Thread.ofVirtual().start(this::tick);
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < EXECUTIONS; i++) {
                int n = i;
                clients.execute(() -> {
                    String fixture = fixtures.get(n % fixtures.size());
                    String input = MIX.get(fixture).formatted(n);
                    acknowledged.add(startRetrying(fixture, "r3-" + n, input, retriedStarts));
                });
            }
        }
        try {
            InvariantChecker.on(DATABASE.dataSource())
                    .acknowledged(acknowledged, Duration.ofSeconds(90))
                    .leases(CLOCK::instant, Duration.ofSeconds(5))
                    .oracle(request -> new TaskResult.Succeeded(Json.NODES
                            .objectNode()
                            .put(
                                    "id",
                                    "receipt-"
                                            + request.parameters()
                                                    .path("amount")
                                                    .asInt())))
                    .assertHold();
        } finally {
            PROXY.cutCommits(0);
            ticker.interrupt();
        }

        assertThat(acknowledged).hasSize(EXECUTIONS);
        assertThat(PROXY.cutCommits())
                .as("commits cut of %d forwarded", PROXY.commits())
                .isGreaterThanOrEqualTo(5);
        Map<String, Long> callsPerKey = FUNCTIONS.calls().stream()
                .filter(call -> call.function().equals("charge"))
                .collect(Collectors.groupingBy(FunctionServer.Call::idempotencyKey, Collectors.counting()));
        System.out.printf(
                "R3: %d executions, %d of %d commits cut, %d client retries of StartExecution,"
                        + " %d task calls for %d attempts%n",
                EXECUTIONS,
                PROXY.cutCommits(),
                PROXY.commits(),
                retriedStarts.size(),
                callsPerKey.values().stream().mapToLong(Long::longValue).sum(),
                callsPerKey.size());
    }

    /**
     * StartExecution as a careful client calls it: on a failure (the connection was cut) it calls
     * again with the same name and input; if the first call had in fact started the execution, the
     * second returns it, or, if it has already closed, says ExecutionAlreadyExists.
     */
    private String startRetrying(String fixture, String name, String input, Collection<String> retries) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                return start(fixture, name, input).executionArn();
            } catch (StepFunctionsException e) {
                if (attempt > 0 && e.code().equals("ExecutionAlreadyExists")) {
                    return arnOf(name);
                }
                throw e;
            } catch (RuntimeException e) {
                last = e;
                retries.add(name);
            }
        }
        throw last;
    }

    private static String arnOf(String name) {
        return "arn:aws:states:us-east-1:123456789012:execution:runtime-test:" + name;
    }

    /** Moves the clock on, a second every 50 ms, so waits, retries and expired leases come due. */
    private void tick() {
        Function<Long, Boolean> sleep = millis -> {
            try {
                Thread.sleep(millis);
                return true;
            } catch (InterruptedException e) {
                return false;
            }
        };
        while (sleep.apply(50L)) {
            CLOCK.advance(Duration.ofSeconds(1));
            worker.wake();
        }
    }
}
