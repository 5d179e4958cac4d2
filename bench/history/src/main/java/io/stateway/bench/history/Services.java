package io.stateway.bench.history;

import io.stateway.history.HistoryApplication;
import io.stateway.orchestrator.OrchestratorApplication;
import io.stateway.testsupport.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The orchestrator and history-service, each a Spring application of its own in this JVM on its
 * own free port, each configured from its own {@code application.yaml} (both jars have one at the
 * classpath root), on one database: the orchestrator as its owner, history-service as a login in
 * the reader role, as deployed.
 */
final class Services implements AutoCloseable {

    static final String READER = "stateway_history_bench";

    private final ConfigurableApplicationContext orchestrator;
    private final ConfigurableApplicationContext history;

    private Services(ConfigurableApplicationContext orchestrator, ConfigurableApplicationContext history) {
        this.orchestrator = orchestrator;
        this.history = history;
    }

    static Services start(TestDatabase database, int functionPort) throws SQLException {
        Map<String, String> orchestratorProperties = new LinkedHashMap<>();
        orchestratorProperties.put("spring.config.location", ownConfiguration(OrchestratorApplication.class));
        orchestratorProperties.put("spring.application.name", "orchestrator-bench");
        orchestratorProperties.put("spring.datasource.url", database.jdbcUrl());
        orchestratorProperties.put("spring.datasource.username", database.username());
        orchestratorProperties.put("spring.datasource.password", database.password());
        orchestratorProperties.put("server.port", "0");
        orchestratorProperties.put("stateway.orchestrator.functions.endpoints[0].function", "tick");
        orchestratorProperties.put(
                "stateway.orchestrator.functions.endpoints[0].url", "http://127.0.0.1:" + functionPort + "/tick");
        ConfigurableApplicationContext orchestrator = run(OrchestratorApplication.class, orchestratorProperties);

        try {
            return new Services(orchestrator, startHistory(database));
        } catch (SQLException | RuntimeException e) {
            orchestrator.close();
            throw e;
        }
    }

    private static ConfigurableApplicationContext startHistory(TestDatabase database) throws SQLException {
        try (Connection admin = database.connect();
                Statement statement = admin.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                        CREATE ROLE %s LOGIN PASSWORD 'reader' IN ROLE stateway_reader;
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                    END $$""".formatted(READER));
        }
        Map<String, String> historyProperties = new LinkedHashMap<>();
        historyProperties.put("spring.config.location", ownConfiguration(HistoryApplication.class));
        historyProperties.put("spring.datasource.url", database.jdbcUrl());
        historyProperties.put("spring.datasource.username", READER);
        historyProperties.put("spring.datasource.password", "reader");
        historyProperties.put("server.port", "0");
        historyProperties.put("stateway.history.page-tokens.key", "a-benchmark-key-that-is-at-least-32-characters");
        // The orchestrator's Flyway and JPA are on this classpath; history-service uses neither.
        historyProperties.put(
                "spring.autoconfigure.exclude",
                "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                        + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
                        + "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration");
        return run(HistoryApplication.class, historyProperties);
    }

    ConfigurableApplicationContext orchestrator() {
        return orchestrator;
    }

    int orchestratorPort() {
        return ((WebServerApplicationContext) orchestrator).getWebServer().getPort();
    }

    int historyPort() {
        return ((WebServerApplicationContext) history).getWebServer().getPort();
    }

    private static ConfigurableApplicationContext run(Class<?> application, Map<String, String> properties) {
        // As command-line arguments, so that they win over the application's own application.yaml.
        String[] arguments = properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        SpringApplication app = new SpringApplicationBuilder(application)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .build();
        return app.run(arguments);
    }

    /** The application's own application.yaml, copied out of its jar (or classes directory). */
    private static String ownConfiguration(Class<?> application) {
        try {
            String base = application
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toString();
            URL yaml = new URL(base.endsWith("/") ? base + "application.yaml" : "jar:" + base + "!/application.yaml");
            Path copy = Files.createTempFile(application.getSimpleName() + "-", ".yaml");
            copy.toFile().deleteOnExit();
            try (InputStream in = yaml.openStream()) {
                Files.write(copy, in.readAllBytes());
            }
            return copy.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        history.close();
        orchestrator.close();
    }
}
