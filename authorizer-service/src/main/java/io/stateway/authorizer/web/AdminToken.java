package io.stateway.authorizer.web;

import io.stateway.authorizer.AuthorizerProperties;
import io.stateway.model.secret.SecretFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin credential: configured ({@code stateway.authorizer.admin.token}) or generated at
 * start-up and written, readable by the owner only ({@link SecretFiles}), to
 * {@code stateway.authorizer.admin.token-file}. Never logged.
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
        String generated = SecretFiles.randomHex(32);
        write(admin.tokenFile(), generated);
        log.info("No stateway.authorizer.admin.token configured: generated one, in {}", admin.tokenFile());
        return generated;
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
