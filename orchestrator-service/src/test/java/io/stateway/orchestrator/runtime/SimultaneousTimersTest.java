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
 * fires once, none before its due time, none more than 30 s late; p50/p99 lateness are printed, not
 * asserted (the contract's poll interval + 250 ms is a figure for a quiet machine, not for a shared
 * CI box). Likewise for timers claimed by a replica that is killed before it runs them: each fires
 * once, never before the dead claim's lease ran out; the delay past the lease is printed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        // A short lease, so that timers claimed by a replica that died come due again soon.
        properties = "stateway.orchestrator.runtime.lease=3s")
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
            Collection<String> arns = startWaits("timer-", TIMERS, due);
            long appliedBefore = applied(meters);
            long otherAppliedBefore = applied(otherMeters);
            CLOCK.jumpTo(due.minusMillis(500));
            awaitSucceeded("timer-", TIMERS);

            List<Long> lateness = latenessAfter("timer-", "CAST(e.input::jsonb ->> 'at' AS timestamptz)");
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
            assertThat(lateness.getLast()).as("no timer is lost or stuck").isLessThan(30_000);
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

    @Test
    void waits_claimedByAReplicaKilledBeforeItRanThem_fireOnceAfterTheDeadClaimsLease() throws Exception {
        int count = 100;
        SimpleMeterRegistry otherMeters = new SimpleMeterRegistry();
        OutboxWorker other = new OutboxWorker(workItems, transitions, tasks, CLOCK, properties, otherMeters);
        other.start();
        try {
            Instant due = CLOCK.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            Collection<String> arns = startWaits("lost-", count, due);
            // A third replica claims every one of them as they come due, and is killed (kill -9)
            // before it runs any: the items stay claimed by it until its lease runs out.
            Instant claimedAt = due.plusSeconds(1);
            assertThat(workItems.claim("killed-replica", claimedAt, properties.lease(), count))
                    .hasSize(count)
                    .allSatisfy(item -> assertThat(item.kind()).isEqualTo(WorkItem.Kind.TIMER));

            CLOCK.jumpTo(due.minusMillis(500));
            awaitSucceeded("lost-", count);

            Instant leaseEnd = claimedAt.plus(properties.lease());
            List<Long> pastLease = latenessAfter("lost-", "CAST('" + leaseEnd + "' AS timestamptz)");
            System.out.printf(
                    "R6 after a kill: %d timers of a dead replica's claim fired %d ms (p50), %d ms (p99), %d ms (max)"
                            + " after its %d ms lease ran out (poll interval %d ms)%n",
                    pastLease.size(),
                    pastLease.get(pastLease.size() / 2),
                    pastLease.get(pastLease.size() * 99 / 100 - 1),
                    pastLease.getLast(),
                    properties.lease().toMillis(),
                    properties.pollInterval().toMillis());
            assertThat(pastLease).as("one WaitStateExited per execution").hasSize(count);
            assertThat(pastLease.getFirst())
                    .as("none fired while the dead replica's claim held them")
                    .isNotNegative();
            assertThat(pastLease.getLast()).as("none is left stuck").isLessThan(30_000);
            InvariantChecker.on(dataSource)
                    .acknowledged(arns, Duration.ofSeconds(10))
                    .leases(CLOCK::instant, Duration.ofSeconds(5))
                    .oracle(request -> new TaskResult.Failed("NoTasks", null))
                    .assertHold();
        } finally {
            other.stop();
        }
    }

    /** Starts {@code count} executions named {@code prefix + n} waiting until {@code due} plus n ms. */
    private Collection<String> startWaits(String prefix, int count, Instant due) {
        String definition = fixture("wait-until");
        Collection<String> arns = new ConcurrentLinkedQueue<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < count; i++) {
                int n = i;
                clients.execute(() -> arns.add(executions
                        .start(new StartExecutionCommand(
                                MACHINE,
                                "timers",
                                null,
                                null,
                                "arn:aws:iam::123456789012:role/timers",
                                definition,
                                prefix + n,
                                "{\"n\": %d, \"at\": \"%s\"}".formatted(n, due.plusMillis(n % 1000)),
                                null))
                        .executionArn()));
            }
        }
        JdbcClient jdbc = JdbcClient.create(dataSource);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("""
                                        SELECT count(*) FROM work_items w JOIN executions e ON e.id = w.execution_id
                                         WHERE w.kind = 'TIMER' AND e.name LIKE :prefix""")
                                .param("prefix", prefix + "%")
                                .query(Long.class)
                                .single()
                        == count);
        return arns;
    }

    private void awaitSucceeded(String prefix, int count) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() ->
                        jdbc.sql("SELECT count(*) FROM executions WHERE status = 'SUCCEEDED' AND name LIKE :prefix")
                                        .param("prefix", prefix + "%")
                                        .query(Long.class)
                                        .single()
                                == count);
    }

    /** Milliseconds from {@code since} (an SQL expression over {@code e}) to each WaitStateExited, sorted. */
    private List<Long> latenessAfter(String prefix, String since) {
        List<Long> lateness = new ArrayList<>(JdbcClient.create(dataSource)
                .sql("""
                        SELECT (extract(epoch FROM h.timestamp - %s) * 1000)::bigint
                          FROM history_events h JOIN executions e ON e.id = h.execution_id
                         WHERE h.type = 'WaitStateExited' AND e.name LIKE :prefix""".formatted(since))
                .param("prefix", prefix + "%")
                .query(Long.class)
                .list());
        lateness.sort(null);
        return lateness;
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
