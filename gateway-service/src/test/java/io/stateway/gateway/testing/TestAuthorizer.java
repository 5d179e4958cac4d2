package io.stateway.gateway.testing;

import io.stateway.gateway.conformance.AuthorizerProcess;
import io.stateway.testsupport.TestDatabase;
import io.stateway.testsupport.TestRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * authorizer-service for the gateway's tests: its exec jar (built before this module, see the pom) run on
 * the test's database (its own schema) and Redis key prefix.
 */
public final class TestAuthorizer {

    private TestAuthorizer() {}

    public static AuthorizerProcess start(TestDatabase database, TestRedis redis) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", database.username());
        environment.put("SPRING_DATASOURCE_PASSWORD", database.password());
        environment.put("SPRING_DATA_REDIS_URL", redis.url());
        environment.put("STATEWAY_AUTHORIZER_REDIS_KEY_PREFIX", redis.keyPrefix());
        environment.put("LOGGING_LEVEL_ROOT", "WARN");
        // So that tests can create SigV4 access keys (a test value: 32 bytes, base64).
        environment.put("STATEWAY_AUTHORIZER_CREDENTIALS_MASTER_KEY", "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=");
        // The tests' PostgreSQL is shared by many test JVMs: a small pool is plenty here.
        environment.put("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "4");
        return AuthorizerProcess.start(jar(), environment);
    }

    /** The newest authorizer-service exec jar of this checkout. */
    private static Path jar() {
        Path target =
                Path.of("..", "authorizer-service", "target").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("authorizer-service-.*-exec\\.jar"))
                    .max(Comparator.comparing(f -> f.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("No authorizer-service exec jar in " + target
                            + ": build it (./mvnw -B -q -DskipTests package -pl authorizer-service -am)"));
        } catch (IOException e) {
            throw new UncheckedIOException("No " + target + ": build authorizer-service first", e);
        }
    }
}
