package io.stateway.orchestrator.runtime;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.stateway.model.ExecutionStatus;
import io.stateway.testsupport.SpringTestServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * What the durable runtime's tests share: the service on real PostgreSQL, a clock they move by
 * hand, real HTTP functions, and helpers to start executions of the ASL fixtures and wait for them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@SpringTestServers
@Import(DurableRuntimeTesting.Beans.class)
abstract class DurableRuntimeTesting {

    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    static final ManualClock CLOCK = new ManualClock(START);
    static final FunctionServer FUNCTIONS = new FunctionServer();
    static final String STATE_MACHINE_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:runtime-test";

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        @Primary
        ManualClock settableClock() {
            return CLOCK;
        }

        // One server for the whole JVM: a closing test context must not shut it for the others.
        @Bean(destroyMethod = "")
        @Primary
        FunctionServer functionServer() {
            return FUNCTIONS;
        }
    }

    @Autowired
    ExecutionService executions;

    @Autowired
    OutboxWorker worker;

    @Autowired
    WorkItems workItems;

    @Autowired
    Transitions transitions;

    @Autowired
    TaskIntegrations tasks;

    @Autowired
    RuntimeProperties properties;

    @Autowired
    MeterRegistry meters;

    /**
     * Another runtime instance on the same database and clock: its own worker id, claim loop and
     * virtual threads, as a second replica has. The caller starts and stops it.
     */
    OutboxWorker anotherReplica() {
        return new OutboxWorker(workItems, transitions, tasks, CLOCK, properties, meters);
    }

    /** What the runtime counted as {@code stateway.runtime.stale.results} (all replicas of this JVM). */
    double staleResults() {
        return meters.counter("stateway.runtime.stale.results").count();
    }

    static String fixture(String name) {
        try (InputStream in = DurableRuntimeTesting.class.getResourceAsStream("/asl/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture asl/" + name + ".json");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ExecutionService.Started start(String fixture, String name, String input) {
        return executions.start(new StartExecutionCommand(
                STATE_MACHINE_ARN,
                "runtime-test",
                null,
                null,
                "arn:aws:iam::123456789012:role/runtime-test",
                fixture(fixture),
                name,
                input,
                null));
    }

    /** Waits until the execution closes, moving the clock on by {@code tick} while it waits. */
    ExecutionService.ExecutionDescription awaitClosed(String arn, Duration tick) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    if (!tick.isZero()) {
                        CLOCK.advance(tick);
                        worker.wake();
                    }
                    return executions.describe(arn).status() != ExecutionStatus.RUNNING;
                });
        return executions.describe(arn);
    }

    ExecutionService.ExecutionDescription awaitClosed(String arn) {
        return awaitClosed(arn, Duration.ZERO);
    }

    List<ExecutionService.StoredEvent> history(String arn) {
        List<ExecutionService.StoredEvent> events = new ArrayList<>();
        String token = null;
        do {
            var page = executions.history(arn, 1000, token, false, true);
            events.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return events;
    }
}
