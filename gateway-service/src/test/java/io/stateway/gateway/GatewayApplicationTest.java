package io.stateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.testsupport.SpringTestServers;
import io.stateway.testsupport.TestDatabase;
import io.stateway.testsupport.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "stateway.gateway.admin.port=0")
@SpringTestServers(redis = true)
class GatewayApplicationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    GatewayProperties properties;

    @Autowired
    ReactiveStringRedisTemplate redisTemplate;

    @Test
    void health_realDatabaseAndRedis_isUpLiveAndReady() throws Exception {
        assertThat(get("/actuator/health")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"db\":{\"status\":\"UP\"}").contains("\"redis\":{\"status\":\"UP\"}");
        });
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void prometheus_scraped_exposesJvmMetrics() throws Exception {
        assertThat(get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void flyway_atStartup_migratedTheGatewaySchema(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT string_agg(version || ':' || success, ',' ORDER BY installed_rank)
                        FROM gateway.flyway_schema_history WHERE version IS NOT NULL""")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("1:true,2:true,3:true,4:true");
        }
    }

    @Test
    void redis_ofTheApplication_isTheTestRedisUnderTheClassPrefix(TestRedis redis) {
        String key = properties.redis().keyPrefix() + "probe";

        redisTemplate.opsForValue().set(key, "written by the gateway").block();

        assertThat(properties.redis().keyPrefix()).isEqualTo(redis.keyPrefix());
        assertThat(redisTemplate.opsForValue().get(key).block()).isEqualTo("written by the gateway");
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
