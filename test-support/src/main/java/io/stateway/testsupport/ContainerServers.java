package io.stateway.testsupport;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL and Redis in Docker containers, removed by Testcontainers when the JVM exits. Loaded
 * only when {@link DockerProbe} found an engine and Testcontainers on the classpath.
 */
final class ContainerServers {

    static final String POSTGRES_IMAGE = "postgres:17-alpine";
    static final String REDIS_IMAGE = "redis:7-alpine";
    private static final int REDIS_PORT = 6379;

    PostgresServer postgres() {
        PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
        container.start();
        PostgresLocation location =
                PostgresLocation.parse(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        return PostgresServer.ephemeral(location, "PostgreSQL in a Testcontainers container (" + POSTGRES_IMAGE + ")");
    }

    RedisEndpoint redis() {
        GenericContainer<?> container = new GenericContainer<>(REDIS_IMAGE).withExposedPorts(REDIS_PORT);
        container.start();
        return RedisEndpoint.ephemeral(
                container.getHost(),
                container.getMappedPort(REDIS_PORT),
                "Redis in a Testcontainers container (" + REDIS_IMAGE + ")");
    }
}
