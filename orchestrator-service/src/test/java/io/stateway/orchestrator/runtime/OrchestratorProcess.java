package io.stateway.orchestrator.runtime;

import io.stateway.orchestrator.OrchestratorApplication;
import io.stateway.orchestrator.api.SfnClients;
import io.stateway.testsupport.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The orchestrator as a separate JVM process on a database of the test's, so that a test can
 * {@code kill -9} it ({@link Process#destroyForcibly()} sends SIGKILL) and start it again. It runs
 * {@link OrchestratorApplication} on the test's own class path (the exec jar is only built after
 * the tests), on a free port, its output in a log file.
 */
final class OrchestratorProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final TestDatabase database;
    private final Map<String, String> settings;
    private final Path logs;
    private int starts;
    private volatile Process process;
    private volatile int port;
    private SfnClient client;

    OrchestratorProcess(String name, TestDatabase database, Map<String, String> settings, Path logs) {
        this.name = name;
        this.database = database;
        this.settings = settings;
        this.logs = logs;
    }

    /** Starts the process (again); returns at once, see {@link #isReady()}. */
    synchronized void start() {
        port = freePort();
        starts++;
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                // Start-up speed over peak speed: these JVMs live for seconds.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx384m",
                "-cp",
                System.getProperty("java.class.path"),
                OrchestratorApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--logging.level.root=WARN",
                "--logging.level.io.stateway=INFO",
                "--spring.main.banner-mode=off"));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(logs);
            Path log = logs.resolve(name + "-" + starts + ".log");
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Process started = process;
            // Not outliving the test JVM, however it ends.
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start orchestrator " + name, e);
        }
    }

    /** An AWS SDK client of this process (of its current start). */
    synchronized SfnClient client() {
        if (client == null) {
            client = SfnClients.local(port);
        }
        return client;
    }

    boolean isAlive() {
        Process running = process;
        return running != null && running.isAlive();
    }

    /** SIGKILL, and waits until the process is gone. */
    synchronized void kill() {
        if (client != null) {
            client.close();
            client = null;
        }
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
            try {
                running.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether it runs and its readiness probe (which includes the database) says UP. */
    boolean isReady() {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return false;
        }
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!isReady()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Orchestrator " + name + " exited with " + process.exitValue()
                        + "; see " + logs.resolve(name + "-" + starts + ".log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Orchestrator " + name + " not ready within " + within);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** The log of the current start. */
    Path log() {
        return logs.resolve(name + "-" + starts + ".log");
    }

    /** Sends a signal ({@code STOP}, {@code CONT}) with kill(1). */
    void signal(String signal) {
        try {
            int exit = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid() + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A counter's value from the process's Prometheus endpoint (0 if it has not counted yet). */
    double counter(String prometheusName) {
        try {
            String text = HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return text.lines()
                    .filter(line -> line.startsWith(prometheusName + " ") || line.startsWith(prometheusName + "{"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String name() {
        return name;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
