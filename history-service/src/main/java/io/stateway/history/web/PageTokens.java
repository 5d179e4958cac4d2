package io.stateway.history.web;

import io.stateway.history.HistoryProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opaque, tamper-evident {@code nextToken}s for keyset pagination. A token carries the sort key of
 * the last item returned and when it was issued, signed with HMAC-SHA256 over those and the query
 * it belongs to (its scope: the execution, the order, the filters). A token that was altered,
 * belongs to another query, comes from an instance with another key or is older than the TTL is
 * {@code InvalidToken}; the scope itself is not in the token, so a token reveals nothing of it.
 */
@Component
public final class PageTokens {

    private static final Logger log = LoggerFactory.getLogger(PageTokens.class);
    private static final byte VERSION = 1;
    private static final int MAC_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final long ttlSeconds;
    private final Clock clock;

    PageTokens(HistoryProperties properties, Clock clock) {
        byte[] secret = properties.pageTokens().key().getBytes(StandardCharsets.UTF_8);
        if (secret.length == 0) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            log.warn("stateway.history.page-tokens.key is not set: page tokens are signed with a random key and"
                    + " work only on this instance. Set the same key on every replica.");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.ttlSeconds = properties.pageTokens().ttl().toSeconds();
        this.clock = clock;
    }

    /** A token for the page after {@code position} (the sort key of the last item) in this scope. */
    public String issue(String scope, long... position) {
        ByteBuffer body = ByteBuffer.allocate(1 + 8 + 8 * position.length);
        body.put(VERSION).putLong(clock.instant().getEpochSecond());
        for (long part : position) {
            body.putLong(part);
        }
        byte[] signed = Arrays.copyOf(body.array(), body.capacity() + MAC_BYTES);
        System.arraycopy(mac(scope, body.array()), 0, signed, body.capacity(), MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    }

    /** The position a token of this scope carries, or {@code InvalidToken}. */
    public long[] redeem(String token, String scope, int positionParts) {
        byte[] signed;
        try {
            signed = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            throw ApiException.invalidToken();
        }
        int bodyLength = 1 + 8 + 8 * positionParts;
        if (signed.length != bodyLength + MAC_BYTES || signed[0] != VERSION) {
            throw ApiException.invalidToken();
        }
        byte[] body = Arrays.copyOf(signed, bodyLength);
        byte[] given = Arrays.copyOfRange(signed, bodyLength, signed.length);
        if (!MessageDigest.isEqual(given, Arrays.copyOf(mac(scope, body), MAC_BYTES))) {
            throw ApiException.invalidToken();
        }
        ByteBuffer buffer = ByteBuffer.wrap(body, 1, bodyLength - 1);
        long issued = buffer.getLong();
        Instant now = clock.instant();
        if (now.getEpochSecond() - issued > ttlSeconds) {
            throw new ApiException(ErrorCode.InvalidToken, "Invalid Token: 'Token has expired'");
        }
        long[] position = new long[positionParts];
        for (int i = 0; i < positionParts; i++) {
            position[i] = buffer.getLong();
        }
        return position;
    }

    private byte[] mac(String scope, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
