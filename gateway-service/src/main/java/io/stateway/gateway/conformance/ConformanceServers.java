package io.stateway.gateway.conformance;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import redis.embedded.RedisServer;

/**
 * PostgreSQL and Redis for the conformance runner: the servers named by {@code SPRING_DATASOURCE_URL}
 * (with {@code SPRING_DATASOURCE_USERNAME}/{@code _PASSWORD}) and {@code SPRING_DATA_REDIS_URL} when set,
 * else embedded ones (PostgreSQL binaries from Maven Central, embedded Redis) on free ports, so that a
 * machine with only a JDK can run it. On configured servers the runner keeps to a schema and key prefix
 * of its own.
 */
final class ConformanceServers implements AutoCloseable {

    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final Map<String, String> authorizerEnvironment = new LinkedHashMap<>();
    private final String description;
    private EmbeddedPostgres postgres;
    private RedisServer redis;

    ConformanceServers(Map<String, String> env) throws IOException {
        StringBuilder where = new StringBuilder();
        String url = env.get("SPRING_DATASOURCE_URL");
        if (url != null && !url.isBlank()) {
            settings.put("spring.datasource.url", url);
            if (env.get("SPRING_DATASOURCE_USERNAME") != null) {
                settings.put("spring.datasource.username", env.get("SPRING_DATASOURCE_USERNAME"));
            }
            if (env.get("SPRING_DATASOURCE_PASSWORD") != null) {
                settings.put("spring.datasource.password", env.get("SPRING_DATASOURCE_PASSWORD"));
            }
            settings.put("stateway.gateway.schema", "gateway_conformance");
            authorizerEnvironment.put("STATEWAY_AUTHORIZER_SCHEMA", "authorizer_conformance");
            where.append("PostgreSQL at ").append(url.replaceAll("//[^@/]*@", "//***@"));
        } else {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("synchronous_commit", "off")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            settings.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
            settings.put("spring.datasource.username", "postgres");
            settings.put("spring.datasource.password", "");
            where.append("embedded PostgreSQL on port ").append(postgres.getPort());
        }
        String redisUrl = env.get("SPRING_DATA_REDIS_URL");
        if (redisUrl != null && !redisUrl.isBlank()) {
            settings.put("spring.data.redis.url", redisUrl);
            where.append(", Redis at ").append(redisUrl.replaceAll("//[^@/]*@", "//***@"));
        } else {
            int port = freePort();
            redis = RedisServer.builder()
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            redis.start();
            settings.put("spring.data.redis.url", "redis://127.0.0.1:" + port);
            where.append(", embedded Redis on port ").append(port);
        }
        String keyPrefix = "stateway-conformance:" + Long.toHexString(System.nanoTime()) + ":";
        settings.put("stateway.gateway.redis.key-prefix", keyPrefix);
        // The conformance backends and functions listen on 127.0.0.1, which integrations may not reach by default.
        settings.put("stateway.gateway.integrations.allowed-networks", "127.0.0.0/8");
        authorizerEnvironment.put("SPRING_DATASOURCE_URL", (String) settings.get("spring.datasource.url"));
        if (settings.containsKey("spring.datasource.username")) {
            authorizerEnvironment.put(
                    "SPRING_DATASOURCE_USERNAME", (String) settings.get("spring.datasource.username"));
        }
        if (settings.containsKey("spring.datasource.password")) {
            authorizerEnvironment.put(
                    "SPRING_DATASOURCE_PASSWORD", (String) settings.get("spring.datasource.password"));
        }
        authorizerEnvironment.put("SPRING_DATA_REDIS_URL", (String) settings.get("spring.data.redis.url"));
        authorizerEnvironment.put("STATEWAY_AUTHORIZER_REDIS_KEY_PREFIX", keyPrefix);
        this.description = where.toString();
    }

    Map<String, Object> settings() {
        return settings;
    }

    /** authorizer-service's settings for the same servers, as environment variables. */
    Map<String, String> authorizerEnvironment() {
        return authorizerEnvironment;
    }

    String description() {
        return description;
    }

    @Override
    public void close() throws IOException {
        if (redis != null) {
            redis.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
