package io.stateway.gateway.pipeline;

import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * Request ids in AWS's shapes: a UUID, a base64 extended id ending in {@code =}, and an X-Ray trace id
 * that keeps the client's root when it sent one. Ids need to be unique, not secret.
 */
@Component
class RandomRequestIds implements RequestIdSource {

    private static final HexFormat HEX = HexFormat.of();
    private final Clock clock;

    RandomRequestIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public RequestIds next(String incomingTraceHeader) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        UUID uuid = new UUID(
                (random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        byte[] extended = new byte[11];
        random.nextBytes(extended);
        String extendedId = Base64.getEncoder().withoutPadding().encodeToString(extended) + "=";
        return new RequestIds(uuid.toString(), extendedId, trace(incomingTraceHeader, random));
    }

    private String trace(String incoming, ThreadLocalRandom random) {
        String root = null;
        for (String part : incoming.split(";")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equalsIgnoreCase("Root")) {
                root = pair[1];
            }
        }
        if (root == null) {
            byte[] unique = new byte[12];
            random.nextBytes(unique);
            root = "1-" + Long.toHexString(clock.instant().getEpochSecond()) + "-" + HEX.formatHex(unique);
        }
        byte[] parent = new byte[8];
        random.nextBytes(parent);
        return "Root=" + root + ";Parent=" + HEX.formatHex(parent) + ";Sampled=0";
    }
}
