package io.stateway.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stateway.orchestrator.asl.state.TaskResult;
import io.stateway.testsupport.SpringTestServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R6 of RELIABILITY.md: 1,000 Wait states due within one second, claimed by two runtime instances
 * (this context's worker and a second one on the same database) each fire exactly once. The
 * runtime's clock runs at real speed but is jumped forward once every execution waits, so lateness
 * (the {@code WaitStateExited} timestamp minus the due time) is real time. Asserted: each wait
 * fires once, none before its due time, every one within the lease (30 s; a timer that needed a
 * second claim would show); p50/p99 lateness are printed, not asserted (the contract's
 * poll interval + 250 ms is a figure for a quiet machine, not for a shared CI box).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@SpringTestServers
@Import(SimultaneousTimersTest.Beans.class)
class SimultaneousTimersTest {

    static final int TIMERS = 1_000;
    static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:timers";

    /** The system clock plus an offset a test may move forward. */
    static final class JumpingClock extends Clock {
        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        void jumpTo(Instant instant) {
            offset.set(Duration.between(Instant.now(), instant));
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static final JumpingClock CLOCK = new JumpingClock();

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        @Primary
        Clock jumpingClock() {
            return CLOCK;
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

    @Autowired
    DataSource dataSource;

    @Test
    void waits_dueInTheSameSecond_acrossTwoReplicas_eachFireOnce() throws Exception {
        SimpleMeterRegistry otherMeters = new SimpleMeterRegistry();
        OutboxWorker other = new OutboxWorker(workItems, transitions, tasks, CLOCK, properties, otherMeters);
        other.start();
        try {
            Instant due = CLOCK.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            String definition = fixture("wait-until");
            Collection<String> arns = new ConcurrentLinkedQueue<>();
            try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
                for (int i = 0; i < TIMERS; i++) {
                    int n = i;
                    clients.execute(() -> arns.add(executions
                            .start(new StartExecutionCommand(
                                    MACHINE,
                                    "timers",
                                    null,
                                    null,
                                    "arn:aws:iam::123456789012:role/timers",
                                    definition,
                                    "timer-" + n,
                                    "{\"n\": %d, \"at\": \"%s\"}".formatted(n, due.plusMillis(n % 1000)),
                                    null))
                            .executionArn()));
                }
            }
            JdbcClient jdbc = JdbcClient.create(dataSource);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> jdbc.sql("SELECT count(*) FROM work_items WHERE kind = 'TIMER'")
                                    .query(Long.class)
                                    .single()
                            == TIMERS);

            long appliedBefore = applied(meters);
            long otherAppliedBefore = applied(otherMeters);
            CLOCK.jumpTo(due.minusMillis(500));
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> jdbc.sql("SELECT count(*) FROM executions WHERE status = 'SUCCEEDED'")
                                    .query(Long.class)
                                    .single()
                            == TIMERS);

            List<Long> lateness =
                    new ArrayList<>(jdbc.sql("""
                            SELECT (extract(epoch FROM h.timestamp - CAST(e.input::jsonb ->> 'at' AS timestamptz))
                                    * 1000)::bigint AS late
                              FROM history_events h JOIN executions e ON e.id = h.execution_id
                             WHERE h.type = 'WaitStateExited'""").query(Long.class).list());
            lateness.sort(null);
            long here = applied(meters) - appliedBefore;
            long there = applied(otherMeters) - otherAppliedBefore;
            System.out.printf(
                    "R6: %d timers due within one second fired by two replicas (%d + %d transitions);"
                            + " lateness p50 %d ms, p99 %d ms, max %d ms (poll interval %d ms)%n",
                    lateness.size(),
                    here,
                    there,
                    lateness.get(lateness.size() / 2),
                    lateness.get(lateness.size() * 99 / 100 - 1),
                    lateness.getLast(),
                    properties.pollInterval().toMillis());

            assertThat(lateness).as("one WaitStateExited per execution").hasSize(TIMERS);
            assertThat(lateness.getFirst()).as("no timer fires early").isNotNegative();
            assertThat(lateness.getLast())
                    .as("every timer fired on its first claim, within the lease")
                    .isLessThan(properties.lease().toMillis());
            assertThat(here + there).as("each timer fired once").isEqualTo(TIMERS);
            InvariantChecker.on(dataSource)
                    .acknowledged(arns, Duration.ofSeconds(10))
                    .leases(CLOCK::instant, Duration.ofSeconds(5))
                    .oracle(request -> new TaskResult.Failed("NoTasks", null))
                    .assertHold();
        } finally {
            other.stop();
        }
    }

    private static long applied(MeterRegistry registry) {
        return (long) registry.counter("stateway.runtime.transitions").count();
    }

    private static String fixture(String name) {
        try (InputStream in = SimultaneousTimersTest.class.getResourceAsStream("/asl/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
