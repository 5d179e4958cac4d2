package io.stateway.authorizer.web;

import io.stateway.authorizer.AuthorizerProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin credential: configured ({@code stateway.authorizer.admin.token}) or generated at
 * start-up and written, readable by the owner only, to {@code stateway.authorizer.admin.token-file}.
 * Never logged.
 */
final class AdminToken {

    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);

    private AdminToken() {}

    static String resolve(AuthorizerProperties.Admin admin) {
        if (!admin.token().isEmpty()) {
            if (admin.token().length() < 16) {
                throw new IllegalStateException("stateway.authorizer.admin.token must have at least 16 characters");
            }
            return admin.token();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String generated = HexFormat.of().formatHex(random);
        write(admin.tokenFile(), generated);
        log.info("No stateway.authorizer.admin.token configured: generated one, in {}", admin.tokenFile());
        return generated;
    }

    private static void write(Path file, String value) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.deleteIfExists(file);
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.warn("Cannot restrict the permissions of {} on this file system", file);
            }
            Files.writeString(file, value, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the generated admin token to " + file, e);
        }
    }
}
