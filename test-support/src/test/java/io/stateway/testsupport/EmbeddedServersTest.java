package io.stateway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The last resort of {@link TestServers}, exercised even where configured servers are used. */
class EmbeddedServersTest {

    @Test
    void postgres_started_createsDatabasesOnPostgres17() throws Exception {
        PostgresServer server = EmbeddedServers.postgres();

        TestDatabase database = server.createDatabase("EmbeddedServersTest");

        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("SHOW server_version_num")) {
            version.next();
            assertThat(version.getInt(1)).isBetween(170000, 179999);
        }
        assertThat(server.description()).startsWith("embedded PostgreSQL on port ");
    }

    @Test
    void redis_started_answersPing() throws Exception {
        TestRedis redis = EmbeddedServers.redis().namespace("p:");

        try (RespClient client = RespClient.connect(redis.host(), redis.port(), redis.password())) {
            client.ping();
        }
    }
}
