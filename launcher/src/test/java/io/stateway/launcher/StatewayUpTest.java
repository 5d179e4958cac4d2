package io.stateway.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, end to end: the launcher as its own process, with embedded PostgreSQL
 * and Redis and the four services from their exec jars (built earlier in the reactor), on free ports.
 */
class StatewayUpTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path home;

    private final List<Launcher> launchers = new ArrayList<>();

    @Test
    void up_servesTheSecuredApiExample_killedThenStartedAgainThenStopped_cleansUpKeepsDataAndLeavesNothing()
            throws Exception {
        assertThat(Service.values())
                .as("exec jars are built by `./mvnw verify` (or -DskipTests package) before this test")
                .allSatisfy(service -> assertThat(REPO.resolve(service.module()).resolve("target"))
                        .isDirectoryContaining("glob:**-exec.jar"));
        List<Integer> ports =
                List.of(FreePorts.any(), FreePorts.any(), FreePorts.any(), FreePorts.any(), FreePorts.any());

        Launcher first = start(ports);
        first.awaitUp();
        assertAllHealthy(ports);
        securedApiExample_worksAsItsReadmeSays(ports);
        createTable(first.postgresPort(), "survivor");

        first.process().destroyForcibly().waitFor(); // kill -9: services, Redis and PostgreSQL keep running
        assertThat(processesUnder(home)).isNotEmpty();

        Launcher second = start(ports);
        second.await("Starting the services");
        assertThat(second.printed()).contains("left running by an earlier launcher");
        assertThat(tables(second.postgresPort())).contains("survivor");

        second.process().destroy(); // SIGTERM, as Ctrl-C, while the services start
        assertThat(second.process().waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(second.printed()).contains("Stopped.");
        assertThat(processesUnder(home)).isEmpty();
        assertThat(home.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    @AfterEach
    void stopWhateverIsLeft() {
        launchers.forEach(launcher -> launcher.process().destroy());
        processesUnder(home).forEach(ProcessHandle::destroyForcibly);
    }

    private Launcher start(List<Integer> ports) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Stateway.class.getName(),
                        "up",
                        "--repo",
                        REPO.toString(),
                        "--home",
                        home.toString(),
                        "--ports",
                        ports.stream().limit(4).map(String::valueOf).collect(Collectors.joining(",")),
                        "--gateway-admin-port",
                        String.valueOf(ports.get(4)))
                .redirectErrorStream(true)
                .redirectOutput(
                        home.resolve("launcher-" + launchers.size() + ".out").toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("SPRING_DATASOURCE_URL");
        environment.remove("SPRING_DATA_REDIS_URL");
        environment.remove("STATEWAY_HOME");
        Launcher launcher = new Launcher(builder.start(), home.resolve("launcher-" + launchers.size() + ".out"));
        launchers.add(launcher);
        return launcher;
    }

    /**
     * examples/secured-api/README.md on this suite: setup.sh prints the key, the URLs and a token, and the
     * API-key method and the JWT method answer with them (and refuse without them).
     */
    private void securedApiExample_worksAsItsReadmeSays(List<Integer> ports) throws Exception {
        int backendPort = FreePorts.any();
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", REPO.resolve("examples/secured-api/setup.sh").toString())
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("STATEWAY_HOME", home.toString());
        environment.put("GATEWAY", "http://localhost:" + ports.get(0));
        environment.put("AUTHORIZER", "http://localhost:" + ports.get(3));
        environment.put("GATEWAY_ADMIN", "http://localhost:" + ports.get(4));
        environment.put("BACKEND_PORT", String.valueOf(backendPort));
        environment.put("JAVA_HOME", System.getProperty("java.home")); // the backend is the JDK's jwebserver
        Process setup = builder.start();
        try {
            String output = new String(setup.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(setup.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(setup.exitValue()).as(output).isZero();
            Map<String, String> printed = new HashMap<>();
            output.lines()
                    .filter(line -> line.matches("[A-Z_]+=.+"))
                    .forEach(line ->
                            printed.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
            assertThat(printed).containsKeys("API_KEY", "KEY_URL", "JWT_URL", "JWT");

            HttpResponse<String> keyed = get(printed.get("KEY_URL"), "x-api-key", printed.get("API_KEY"));
            assertThat(keyed.statusCode()).as(keyed.body()).isEqualTo(200);
            assertThat(keyed.body()).contains("\"Rex\"");
            assertThat(get(printed.get("KEY_URL"), "x-api-key", "swk_not-a-key-of-this-suite-at-all")
                            .statusCode())
                    .isEqualTo(403);
            HttpResponse<String> jwt = get(printed.get("JWT_URL"), "Authorization", "Bearer " + printed.get("JWT"));
            assertThat(jwt.statusCode()).as(jwt.body()).isEqualTo(200);
            assertThat(jwt.body()).contains("\"caller\": \"secured-api\"");
            assertThat(get(printed.get("JWT_URL"), "x-none", "-").statusCode()).isEqualTo(401);
        } finally {
            setup.destroy();
            // setup.sh leaves the example's backend running for the reader; this test stops it.
            ProcessHandle.allProcesses()
                    .filter(process -> process.info().commandLine().orElse("").contains("jwebserver"))
                    .filter(process -> process.info().commandLine().orElse("").contains(" " + backendPort))
                    .forEach(ProcessHandle::destroy);
        }
    }

    private static HttpResponse<String> get(String url, String header, String value) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url)).header(header, value).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertAllHealthy(List<Integer> ports) throws Exception {
        for (int port : ports.subList(0, 4)) {
            HttpResponse<String> health = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as("port %d", port).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        }
    }

    private static void createTable(int postgresPort, String name) throws SQLException {
        try (Connection connection = stateway(postgresPort);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE public." + name + " (id int)");
        }
    }

    private static List<String> tables(int postgresPort) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = stateway(postgresPort);
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static Connection stateway(int postgresPort) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/stateway", "postgres", "");
    }

    /** What `ps` would show of this test's suite: every process whose command line names its home. */
    private static List<ProcessHandle> processesUnder(Path home) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().orElse("").contains(home.toString()))
                .toList();
    }

    /** A launcher process and what it printed (into a file: a pipe's reader can lose the end at exit). */
    private record Launcher(Process process, Path output) {
        private static final Pattern POSTGRES_PORT = Pattern.compile("embedded PostgreSQL on port (\\d+)");

        String printed() throws IOException {
            return Files.readString(output);
        }

        void awaitUp() throws IOException {
            await("Stateway is up");
        }

        void await(String line) throws IOException {
            Awaitility.await()
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> printed().contains(line) || !process.isAlive());
            assertThat(printed()).as("launcher output").contains(line);
        }

        int postgresPort() throws IOException {
            Matcher matcher = POSTGRES_PORT.matcher(printed());
            assertThat(matcher.find()).as("postgres port in %s", printed()).isTrue();
            return Integer.parseInt(matcher.group(1));
        }
    }
}
