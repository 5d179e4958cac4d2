package io.stateway.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import redis.embedded.RedisServer;

/**
 * PostgreSQL and Redis binaries from Maven Central, started on free ports for the life of this JVM
 * (both libraries stop their server in a shutdown hook; zonky also deletes the data directory).
 */
final class EmbeddedServers {

    private EmbeddedServers() {}

    static PostgresServer postgres() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                // Test data is thrown away: trade durability for speed (zonky already passes -F, fsync off).
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                // The first start unpacks the binaries; on a busy 2-core machine that can pass zonky's 10 s.
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        PostgresLocation location =
                new PostgresLocation("localhost:" + postgres.getPort(), "postgres", Map.of(), "postgres", "");
        return PostgresServer.ephemeral(location, "embedded PostgreSQL on port " + postgres.getPort());
    }

    static RedisEndpoint redis() {
        int port = freePort();
        RedisServer server = RedisServer.builder()
                .port(port)
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
        return RedisEndpoint.ephemeral("127.0.0.1", port, "embedded Redis on port " + port);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for embedded Redis", e);
        }
    }
}
