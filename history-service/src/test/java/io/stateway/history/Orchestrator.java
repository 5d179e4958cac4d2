package io.stateway.history;

import static org.awaitility.Awaitility.await;

import io.stateway.model.ExecutionStatus;
import io.stateway.orchestrator.OrchestratorApplication;
import io.stateway.orchestrator.integration.lambda.FunctionEndpoints;
import io.stateway.orchestrator.runtime.ExecutionService;
import io.stateway.orchestrator.runtime.StartExecutionCommand;
import io.stateway.testsupport.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The orchestrator itself, started in this JVM on the test class's database (its Spring context,
 * its migrations, its durable runtime and HTTP API on a free port), so that the executions this
 * service reads are ones the orchestrator really ran. Its tasks call {@link TestFunctions} over HTTP.
 */
final class Orchestrator implements AutoCloseable {

    static final String ACCOUNT = "123456789012";
    static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/history-test";

    private final ConfigurableApplicationContext context;
    private final TestFunctions functions;

    private Orchestrator(ConfigurableApplicationContext context, TestFunctions functions) {
        this.context = context;
        this.functions = functions;
    }

    /** Starts the orchestrator as its owner login; it migrates the schema and grants the reader role. */
    static Orchestrator start(TestDatabase database, Map<String, String> extraProperties) {
        TestFunctions functions = new TestFunctions();
        Map<String, String> properties = new LinkedHashMap<>();
        // Both services' application.yaml sit at the classpath root; point the orchestrator at its own.
        properties.put("spring.config.location", ownConfiguration().toUri().toString());
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("server.port", "0");
        properties.put("spring.application.name", "orchestrator-under-test");
        properties.put("management.endpoints.web.exposure.include", "health");
        properties.putAll(extraProperties);
        // As command-line arguments, so that they win over the orchestrator's application.yaml.
        String[] arguments = properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OrchestratorApplication.class)
                .web(WebApplicationType.SERVLET)
                .initializers(ctx -> ((GenericApplicationContext) ctx)
                        .registerBean(
                                "testFunctions", FunctionEndpoints.class, () -> functions, d -> d.setPrimary(true)))
                .run(arguments);
        return new Orchestrator(context, functions);
    }

    static Orchestrator start(TestDatabase database) {
        return start(database, Map.of());
    }

    TestFunctions functions() {
        return functions;
    }

    ExecutionService executions() {
        return context.getBean(ExecutionService.class);
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Starts an execution of an ASL fixture ({@code src/test/resources/asl/NAME.json}); returns its ARN. */
    String start(String machine, String fixture, String name, String input) {
        return executions()
                .start(new StartExecutionCommand(
                        stateMachineArn(machine), machine, null, null, ROLE, fixture(fixture), name, input, null))
                .executionArn();
    }

    ExecutionService.ExecutionDescription awaitClosed(String executionArn) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> executions().describe(executionArn).status() != ExecutionStatus.RUNNING);
        return executions().describe(executionArn);
    }

    static String stateMachineArn(String machine) {
        return "arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:" + machine;
    }

    static String fixture(String name) {
        try (InputStream in = Orchestrator.class.getResourceAsStream("/asl/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture asl/" + name + ".json");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The orchestrator's own application.yaml, copied out of its jar or classes directory. */
    private static Path ownConfiguration() {
        try {
            URL location = OrchestratorApplication.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation();
            String base = location.toString();
            URL yaml = new URL(base.endsWith("/") ? base + "application.yaml" : "jar:" + base + "!/application.yaml");
            Path copy = Files.createTempFile("orchestrator-", ".yaml");
            copy.toFile().deleteOnExit();
            try (InputStream in = yaml.openStream()) {
                Files.write(copy, in.readAllBytes());
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
        functions.close();
    }
}
