package io.stateway.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stateway.orchestrator.asl.json.Json;
import io.stateway.testsupport.SpringTestServers;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The AWS CLI ({@code aws stepfunctions ... --endpoint-url}) as a user runs it, in a subprocess,
 * against the running service. Skipped, saying why, where no {@code aws} is installed (CI installs
 * the Debian {@code awscli} package).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@SpringTestServers
class AwsCliTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/stateway";
    static final String DEFINITION = """
            {"StartAt":"Hello","States":{"Hello":{"Type":"Pass","Result":"world","ResultPath":"$.hello","End":true}}}""";

    @LocalServerPort
    int port;

    @TempDir
    static Path home;

    @BeforeAll
    static void requireTheCli() {
        assumeTrue(
                onPath("aws"),
                "The AWS CLI (aws) is not installed, so the CLI test is skipped: install it (Debian: apt-get install"
                        + " awscli) to run it");
    }

    @Test
    void cli_createStartDescribeHistoryList_againstTheService() {
        JsonNode created =
                aws("create-state-machine", "--name", "cli-machine", "--definition", DEFINITION, "--role-arn", ROLE);
        String machine = created.path("stateMachineArn").asString();
        assertThat(machine).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:cli-machine");

        String execution = aws(
                        "start-execution",
                        "--state-machine-arn",
                        machine,
                        "--name",
                        "cli-run",
                        "--input",
                        "{\"from\":\"cli\"}")
                .path("executionArn")
                .asString();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !aws("describe-execution", "--execution-arn", execution)
                        .path("status")
                        .asString()
                        .equals("RUNNING"));
        JsonNode described = aws("describe-execution", "--execution-arn", execution);
        JsonNode history = aws("get-execution-history", "--execution-arn", execution);
        JsonNode machines = aws("list-state-machines");
        JsonNode executions = aws("list-executions", "--state-machine-arn", machine);

        assertThat(described.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(Json.parse(described.path("output").asString()))
                .isEqualTo(Json.parse("{\"from\":\"cli\",\"hello\":\"world\"}"));
        assertThat(history.path("events").get(0).path("type").asString()).isEqualTo("ExecutionStarted");
        assertThat(history.path("events")
                        .get(history.path("events").size() - 1)
                        .path("type")
                        .asString())
                .isEqualTo("ExecutionSucceeded");
        assertThat(machines.path("stateMachines").toString()).contains("cli-machine");
        assertThat(executions.path("executions").get(0).path("executionArn").asString())
                .isEqualTo(execution);
    }

    @Test
    void cli_errors_areReportedWithAwsErrorCodes() {
        Result missing = run(
                "describe-state-machine",
                "--state-machine-arn",
                "arn:aws:states:us-east-1:123456789012:stateMachine:absent");
        Result invalid = run(
                "create-state-machine",
                "--name",
                "cli-invalid",
                "--definition",
                "{\"StartAt\":\"X\"}",
                "--role-arn",
                ROLE);

        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("StateMachineDoesNotExist").contains("absent");
        assertThat(invalid.exitCode()).isNotZero();
        assertThat(invalid.stderr()).contains("InvalidDefinition").contains("SCHEMA_VALIDATION_FAILED");
    }

    /** A successful call's JSON output. */
    private JsonNode aws(String... command) {
        Result result = run(command);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return Json.parse(result.stdout());
    }

    record Result(int exitCode, String stdout, String stderr) {}

    private Result run(String... command) {
        List<String> line = new ArrayList<>(List.of("aws", "stepfunctions"));
        line.addAll(List.of(command));
        line.addAll(List.of("--endpoint-url", "http://localhost:" + port, "--region", "us-east-1", "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(line);
        Map<String, String> env = builder.environment();
        // Dummy credentials and no user configuration: the CLI as a fresh user would run it.
        env.put("AWS_ACCESS_KEY_ID", SfnClients.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SfnClients.SECRET_KEY);
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_PAGER", "");
        env.put("AWS_MAX_ATTEMPTS", "1");
        try {
            Path out = Files.createTempFile(home, "out", ".json");
            Path err = Files.createTempFile(home, "err", ".txt");
            Process process = builder.redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("aws " + String.join(" ", command) + " did not finish in 120 s");
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("Could not run the AWS CLI", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running the AWS CLI", e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
