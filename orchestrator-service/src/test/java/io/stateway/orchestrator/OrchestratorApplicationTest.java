package io.stateway.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stateway.testsupport.SpringTestServers;
import io.stateway.testsupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@SpringTestServers
class OrchestratorApplicationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void health_realDatabase_isUpLiveAndReady() throws Exception {
        assertThat(get("/actuator/health")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"status\":\"UP\"").contains("\"db\":{\"status\":\"UP\"}");
        });
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheus_scraped_exposesJvmAndPoolMetrics() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void flyway_atStartup_migratedTheOrchestratorSchema(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            assertThat(single(connection, """
                    SELECT string_agg(version || ':' || success, ',' ORDER BY installed_rank)
                    FROM orchestrator.flyway_schema_history WHERE version IS NOT NULL""")).startsWith("1:true,2:true").doesNotContain(":false");
        }
    }

    @Test
    void readerRole_member_readsTheSchemaButCannotWriteIt(TestDatabase database) throws SQLException {
        try (Connection admin = database.connect();
                Statement statement = admin.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                        CREATE ROLE stateway_orchestrator_test_reader LOGIN PASSWORD 'reader' IN ROLE stateway_reader;
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                    END $$""");
            // A table created after V1, as later migrations will: default privileges must cover it.
            statement.execute("CREATE TABLE orchestrator.later_table (id int)");
            statement.execute("INSERT INTO orchestrator.later_table VALUES (1)");
        }

        try (Connection reader = database.as("stateway_orchestrator_test_reader", "reader")
                        .connect();
                Statement statement = reader.createStatement()) {
            assertThat(single(reader, "SELECT count(*) FROM orchestrator.later_table"))
                    .isEqualTo("1");
            assertThatThrownBy(() -> statement.execute("INSERT INTO orchestrator.later_table VALUES (2)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.execute("CREATE TABLE orchestrator.intruder (id int)"))
                    .hasMessageContaining("permission denied");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
