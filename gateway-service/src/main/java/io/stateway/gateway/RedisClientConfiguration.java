package io.stateway.gateway;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis must never stall a request (RELIABILITY.md §3.1): while the connection is down, commands are
 * rejected at once instead of queued until a reconnect, and reconnects are retried at least every second,
 * so that limits are enforced in Redis again soon after it is back.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfiguration {

    /**
     * Also: replies are emitted on Lettuce's computation threads, not on the one I/O thread of its shared
     * connection. What follows a reply (throttling, cache lookups) is the rest of the request's pipeline; on
     * the I/O thread every request after a Redis call would run on that one thread, which then decodes the
     * next replies late: under load, throttling and cache calls time out (measured with bench/gateway).
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .publishOnScheduler(true);
    }

    @Bean
    ClientResourcesBuilderCustomizer reconnectAtLeastEverySecond() {
        return resources -> resources.reconnectDelay(
                Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS));
    }
}
