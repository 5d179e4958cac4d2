package io.stateway.gateway.throttle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Admits requests against buckets and quotas shared by every replica: one Lua script call per request. */
@Component
class RedisBuckets {

    /**
     * Read once, as text: a script made from a resource asks the class path on every call whether the file
     * changed (a URL resolved and a jar entry looked up per request, about 5% of a proxied request's CPU).
     */
    @SuppressWarnings("rawtypes") // the script answers a Redis array
    private static final RedisScript<List> ADMIT =
            RedisScript.of(script("io/stateway/gateway/throttle/admit.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;

    RedisBuckets(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    Mono<Decision> admit(Admission admission) {
        List<String> keys = new ArrayList<>(admission.buckets().size() + 3);
        List<String> args = new ArrayList<>(admission.buckets().size() * 2 + 6);
        args.add(Integer.toString(admission.buckets().size()));
        for (Bucket bucket : admission.buckets()) {
            keys.add(bucket.key());
            args.add(Double.toString(bucket.rate()));
            args.add(Integer.toString(bucket.burst()));
        }
        if (admission.meter().isPresent()) {
            Admission.Meter meter = admission.meter().get();
            keys.add(meter.quotaKey());
            keys.add(meter.firstPeriodKey());
            keys.add(meter.usageKey());
            args.add(Long.toString(meter.quotaLimit()));
            args.add(Long.toString(meter.quotaOffset()));
            args.add(meter.period());
            args.add(Long.toString(meter.periodEndEpochSecond()));
            args.add(Long.toString(meter.usageTtlSeconds()));
        } else {
            args.add("-1");
        }
        return redis.execute(ADMIT, keys, args).next().map(RedisBuckets::decision);
    }

    private static String script(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The throttling script " + path + " cannot be read", e);
        }
    }

    private static Decision decision(List<?> reply) {
        Decision.Outcome outcome = switch ((int) number(reply, 0)) {
            case 0 -> Decision.Outcome.ADMITTED;
            case 1 -> Decision.Outcome.THROTTLED;
            default -> Decision.Outcome.QUOTA_EXCEEDED;
        };
        return new Decision(outcome, number(reply, 1), (int) number(reply, 2), number(reply, 3));
    }

    private static long number(List<?> reply, int index) {
        return ((Number) reply.get(index)).longValue();
    }
}
