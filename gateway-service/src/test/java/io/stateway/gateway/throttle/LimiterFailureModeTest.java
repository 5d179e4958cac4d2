package io.stateway.gateway.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** With no Redis to reach (a port nobody listens on), every decision follows the configured mode, at once. */
class LimiterFailureModeTest {

    private static LettuceConnectionFactory factory;

    @BeforeAll
    static void unreachableRedis() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", port),
                LettuceClientConfiguration.builder()
                        .clientOptions(ClientOptions.builder()
                                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                                .build())
                        .commandTimeout(Duration.ofSeconds(1))
                        .build());
        factory.afterPropertiesSet();
        factory.start();
    }

    @AfterAll
    static void close() {
        factory.destroy();
    }

    @ParameterizedTest
    @EnumSource(RedisFailureMode.class)
    void redisUnreachable_decisionsFollowTheModeWithoutWaiting(RedisFailureMode mode) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ThrottlingProperties properties = new ThrottlingProperties(
                new ThrottlingProperties.Account(10000, 5000),
                mode,
                Duration.ofMillis(250),
                Duration.ofMillis(500),
                Duration.ofSeconds(10),
                1);
        Limiter limiter = new Limiter(
                new RedisBuckets(new ReactiveStringRedisTemplate(factory)),
                new LocalBuckets(properties),
                properties,
                meters);
        Admission admission = new Admission(List.of(new Bucket("test:bucket:" + mode, 0.01, 3)), Optional.empty());

        List<Decision.Outcome> outcomes = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            outcomes.add(limiter.decide(admission).block(Duration.ofSeconds(5)).outcome());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        List<Decision.Outcome> expected = switch (mode) {
            case LOCAL ->
                List.of(
                        Decision.Outcome.ADMITTED,
                        Decision.Outcome.ADMITTED,
                        Decision.Outcome.ADMITTED,
                        Decision.Outcome.THROTTLED,
                        Decision.Outcome.THROTTLED);
            case OPEN ->
                List.of(
                        Decision.Outcome.ADMITTED,
                        Decision.Outcome.ADMITTED,
                        Decision.Outcome.ADMITTED,
                        Decision.Outcome.ADMITTED,
                        Decision.Outcome.ADMITTED);
            case CLOSED ->
                List.of(
                        Decision.Outcome.THROTTLED,
                        Decision.Outcome.THROTTLED,
                        Decision.Outcome.THROTTLED,
                        Decision.Outcome.THROTTLED,
                        Decision.Outcome.THROTTLED);
        };
        assertThat(outcomes).isEqualTo(expected);
        // At most one command timeout's worth of waiting in all: later calls skip Redis for the retry interval.
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(meters.counter("stateway.gateway.throttle.degraded", "mode", mode.name())
                        .count())
                .isEqualTo(5.0);
    }
}
