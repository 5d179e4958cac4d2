package io.stateway.gateway.auth;

import io.stateway.model.authorizer.AuthorizerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Lambda authorizers' answers, kept for the authorizer's TTL under its stage, its name and function and every
 * identity source value (hashed: tokens are not kept as they came). What is kept is the answer, policy
 * included; whether it allows a request is decided per request, for that request's method ARN. Failures are
 * not kept.
 */
@Component
class AuthorizerResults {

    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    Mono<AuthorizerResponse> get(String key, Duration ttl, Supplier<Mono<AuthorizerResponse>> call) {
        if (ttl.isZero()) {
            return call.get();
        }
        long now = System.nanoTime();
        Entry entry = entries.get(key);
        if (entry != null && now - entry.expiresAt < 0) {
            return Mono.just(entry.answer);
        }
        return call.get().doOnNext(answer -> {
            if (entries.size() >= MAX_ENTRIES) {
                long at = System.nanoTime();
                entries.values().removeIf(e -> at - e.expiresAt >= 0);
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
            }
            entries.put(key, new Entry(answer, System.nanoTime() + ttl.toNanos()));
        });
    }

    /** The cache key of an authorizer's answer for these identity source values. */
    static String key(String apiId, String stage, AuthorizerConfig.Lambda authorizer, List<String> identity) {
        StringBuilder text = new StringBuilder();
        for (String part : List.of(apiId, stage, authorizer.name(), authorizer.authorizerUri())) {
            text.append(part.length()).append(':').append(part);
        }
        identity.forEach(value -> text.append(value.length()).append(':').append(value));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Entry(AuthorizerResponse answer, long expiresAt) {}
}
