package io.stateway.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stateway.orchestrator.OrchestratorSchema;
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
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The service as deployed: the orchestrator's schema built by its migrations, read through the reader role. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.username=" + HistoryApplicationTest.LOGIN, "spring.datasource.password=history"
        })
@SpringTestServers
class HistoryApplicationTest {

    static final String LOGIN = "stateway_history_test";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void orchestratorSchemaAndHistoryLogin(TestDatabase database) throws SQLException {
        OrchestratorSchema.configure(
                        Flyway.configure().dataSource(database.dataSource()), "orchestrator", "stateway_reader")
                .load()
                .migrate();
        try (Connection admin = database.connect();
                Statement statement = admin.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                        CREATE ROLE %s LOGIN PASSWORD 'history' IN ROLE stateway_reader;
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                    END $$""".formatted(LOGIN));
        }
    }

    @Test
    void health_readerRole_isUpLiveAndReady() throws Exception {
        assertThat(get("/actuator/health")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"db\":{\"status\":\"UP\"}");
        });
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void prometheus_scraped_exposesJvmMetrics() throws Exception {
        assertThat(get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void dataSource_ofTheService_readsTheOrchestratorSchemaUnqualified() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT current_user, count(*) FROM flyway_schema_history GROUP BY current_user")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo(LOGIN);
            assertThat(rows.getInt(2)).isPositive();
        }
    }

    @Test
    void dataSource_ofTheService_cannotWriteEvenOutsideItsReadOnlyTransactions(TestDatabase database)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("DELETE FROM flyway_schema_history"))
                    .hasMessageContaining("read-only transaction");
        }
        // The role itself, without the pool's read-only flag: the grants alone refuse writes.
        try (Connection connection = database.as(LOGIN, "history").connect();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("DELETE FROM orchestrator.flyway_schema_history"))
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
}
