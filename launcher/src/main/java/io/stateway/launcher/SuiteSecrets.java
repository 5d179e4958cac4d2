package io.stateway.launcher;

import io.stateway.model.secret.SecretFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The secrets the services of one suite share: the gateway's token for authorizer-service's internal
 * API, the pepper API keys are hashed with, and the master key access-key secrets and token signing
 * keys are sealed with. Generated on the first {@code stateway up} and kept, owner-readable only
 * ({@link SecretFiles}), in {@code <home>/secrets.properties}: the database outlives a run, and its keys
 * must stay usable.
 *
 * @param internalToken authorizer-service's {@code /internal/v1} bearer token
 * @param apiKeyPepper the API key HMAC pepper
 * @param masterKey base64 of a 32-byte AES key
 */
record SuiteSecrets(String internalToken, String apiKeyPepper, String masterKey) {

    static SuiteSecrets loadOrCreate(Path home) throws IOException {
        Path file = home.resolve("secrets.properties");
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
        }
        boolean changed = false;
        changed |= fill(properties, "internal-token", () -> SecretFiles.randomHex(32));
        changed |= fill(properties, "api-key-pepper", () -> SecretFiles.randomHex(32));
        changed |=
                fill(properties, "master-key", () -> Base64.getEncoder().encodeToString(SecretFiles.randomBytes(32)));
        if (changed) {
            StringWriter text = new StringWriter();
            properties.store(text, "Secrets shared by this suite's services (stateway up); keep them with the data");
            // False on a file system without POSIX permissions: the home directory's own protection applies.
            SecretFiles.write(file, text.toString());
        }
        return new SuiteSecrets(
                properties.getProperty("internal-token"),
                properties.getProperty("api-key-pepper"),
                properties.getProperty("master-key"));
    }

    private static boolean fill(Properties properties, String name, Supplier<String> value) {
        if (properties.getProperty(name, "").isEmpty()) {
            properties.setProperty(name, value.get());
            return true;
        }
        return false;
    }
}
