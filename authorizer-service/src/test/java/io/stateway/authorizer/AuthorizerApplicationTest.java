package io.stateway.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

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
class AuthorizerApplicationTest {

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
    void prometheus_scraped_exposesJvmMetrics() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void flyway_atStartup_migratedTheAuthorizerSchema(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT string_agg(version || ':' || success, ',' ORDER BY installed_rank)
                        FROM authorizer.flyway_schema_history WHERE version IS NOT NULL""")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("1:true,2:true,3:true,4:true");
        }
    }

    @Test
    void tokenEndpoint_isOffUnlessEnabled() throws Exception {
        assertThat(get("/oauth2/jwks").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
