package io.stateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker/postgres/init-stateway.sh (docker-compose.yml's and the chart's trial PostgreSQL) run the
 * way the postgres image runs it, against a PostgreSQL cluster of its own (roles are cluster-wide,
 * so a shared server would not do): it must create what docs/database.md says production needs.
 */
class PostgresInitScriptTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgresAndRunTheScript() throws IOException, InterruptedException {
        postgres = EmbeddedPostgres.builder().start();
        Result result =
                runScript(Map.of("STATEWAY_PASSWORD", "owner-secret", "STATEWAY_HISTORY_PASSWORD", "history-secret"));
        assertThat(result.exitCode())
                .as("init-stateway.sh: %s", result.output())
                .isZero();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void script_createsTheDatabaseOwnedByTheServicesLogin() throws SQLException {
        try (Connection connection = connect("postgres", "postgres")) {
            assertThat(single(connection, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'stateway'"))
                    .isEqualTo("stateway");
            assertThat(
                            single(
                                    connection,
                                    "SELECT rolcanlogin AND NOT rolsuper AND NOT rolcreaterole FROM pg_roles WHERE rolname = 'stateway'"))
                    .as("stateway logs in, with no more rights than owning its database")
                    .isEqualTo("t");
            assertThat(single(connection, "SELECT left(rolpassword, 13) FROM pg_authid WHERE rolname = 'stateway'"))
                    .isEqualTo("SCRAM-SHA-256");
        }
    }

    @Test
    void script_createsTheReaderRoleAndAReadOnlyHistoryLogin() throws SQLException {
        try (Connection connection = connect("postgres", "postgres")) {
            assertThat(single(connection, "SELECT NOT rolcanlogin FROM pg_roles WHERE rolname = 'stateway_reader'"))
                    .isEqualTo("t");
            assertThat(single(connection, """
                    SELECT pg_has_role('stateway_history', 'stateway_reader', 'MEMBER')::text
                    """)).isEqualTo("true");
            assertThat(single(
                            connection,
                            "SELECT array_to_string(rolconfig, ',') FROM pg_roles WHERE rolname = 'stateway_history'"))
                    .isEqualTo("default_transaction_read_only=on");
        }
        try (Connection history = connect("stateway", "stateway_history");
                Statement statement = history.createStatement()) {
            assertThatThrownBy(() -> statement.execute("CREATE TABLE attempt (id int)"))
                    .hasMessageContaining("read-only transaction");
        }
    }

    @Test
    void script_withoutPasswords_stopsAndSaysWhich() throws IOException, InterruptedException {
        Result result = runScript(Map.of("STATEWAY_HISTORY_PASSWORD", "x"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("STATEWAY_PASSWORD");
    }

    private record Result(int exitCode, String output) {}

    /** As the postgres image does from /docker-entrypoint-initdb.d: executed, as the superuser, psql on the server. */
    private static Result runScript(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        Repository.path("docker/postgres/init-stateway.sh").toString())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("PGHOST", "127.0.0.1");
        builder.environment().put("PGPORT", String.valueOf(postgres.getPort()));
        builder.environment().put("POSTGRES_USER", "postgres");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Connection connect(String database, String user) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database, user, "");
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as(sql).isTrue();
            return rows.getString(1);
        }
    }
}
