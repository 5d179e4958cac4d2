package io.stateway.history;

import io.stateway.testsupport.TestDatabase;
import io.stateway.testsupport.TestServers;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * History-service as deployed, reading executions that the orchestrator itself ran. One orchestrator
 * per test JVM (its start-up is the slow part) runs on a database of its own, made for this class;
 * it migrates the schema and grants the reader role, and this service connects to the same database
 * as a login in the reader role. Test classes share the database, so each uses state machine names
 * of its own; their history-service contexts are the same, so Spring caches one for all.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.username=" + OrchestratorBackedTest.READER_LOGIN,
            "spring.datasource.password=reader",
            "stateway.history.page-tokens.key=a-test-key-that-is-at-least-32-characters-long"
        })
abstract class OrchestratorBackedTest {

    static final String READER_LOGIN = "stateway_history_reader_test";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static final Orchestrator orchestrator = Shared.ORCHESTRATOR;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void sharedDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", Shared.DATABASE::jdbcUrl);
    }

    /** Started once per JVM, on first use; stopped when the JVM exits. */
    private static final class Shared {
        static final TestDatabase DATABASE = TestServers.databaseFor(OrchestratorBackedTest.class);
        static final Orchestrator ORCHESTRATOR = start();

        private static Orchestrator start() {
            Orchestrator orchestrator = Orchestrator.start(DATABASE);
            Runtime.getRuntime().addShutdownHook(new Thread(orchestrator::close, "orchestrator-under-test-stop"));
            try (Connection admin = DATABASE.connect();
                    Statement statement = admin.createStatement()) {
                statement.execute("""
                        DO $$ BEGIN
                            CREATE ROLE %s LOGIN PASSWORD 'reader' IN ROLE stateway_reader;
                        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                        END $$""".formatted(READER_LOGIN));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create the reader login", e);
            }
            return orchestrator;
        }
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).build());
    }

    JsonNode getJson(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return TestFunctions.JSON.readTree(response.body());
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String historyPath(String executionArn) {
        return "/v1/executions/" + encoded(executionArn) + "/history";
    }
}
