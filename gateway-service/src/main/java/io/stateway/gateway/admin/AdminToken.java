package io.stateway.gateway.admin;

import io.stateway.gateway.GatewayProperties;
import io.stateway.model.secret.SecretFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The admin credential: a bearer token, configured ({@code stateway.gateway.admin.token}) or generated at
 * start-up and written, readable by the owner only ({@link SecretFiles}), to
 * {@code stateway.gateway.admin.token-file}. The token is never logged; comparisons take constant time.
 */
@Component
public class AdminToken {

    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);

    private final byte[] token;

    AdminToken(GatewayProperties properties) {
        String configured = properties.admin().token();
        if (!configured.isEmpty()) {
            if (configured.length() < 16) {
                throw new IllegalStateException("stateway.gateway.admin.token must have at least 16 characters");
            }
            this.token = configured.getBytes(StandardCharsets.UTF_8);
        } else {
            String generated = SecretFiles.randomHex(32);
            write(properties.admin().tokenFile(), generated);
            this.token = generated.getBytes(StandardCharsets.UTF_8);
            log.info(
                    "No stateway.gateway.admin.token configured: generated one, in {}",
                    properties.admin().tokenFile());
        }
    }

    /** Whether an Authorization header value carries the token ({@code Bearer <token>}). */
    boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, token);
    }

    private static void write(Path file, String value) {
        try {
            if (!SecretFiles.write(file, value)) {
                log.warn("Cannot restrict the permissions of {} on this file system", file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the generated admin token to " + file, e);
        }
    }
}
