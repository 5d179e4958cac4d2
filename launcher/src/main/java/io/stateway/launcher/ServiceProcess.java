package io.stateway.launcher;

import java.io.IOException;
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

/** One service's JVM, started from its exec jar with its log in a file. */
final class ServiceProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Service service;
    private final int port;
    private final Process process;
    private final Path log;
    private final Path pidFile;

    private ServiceProcess(Service service, int port, Process process, Path log, Path pidFile) {
        this.service = service;
        this.port = port;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    static ServiceProcess start(
            Service service,
            int port,
            Path jar,
            Map<String, String> environment,
            List<String> javaOptions,
            Path log,
            Path pidFile)
            throws IOException {
        List<String> command = new ArrayList<>();
        Processes.setsid().ifPresent(command::add);
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(log.getParent().toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        Processes.writePid(pidFile, process.pid());
        return new ServiceProcess(service, port, process, log, pidFile);
    }

    Service service() {
        return service;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    Process process() {
        return process;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Whether {@code /actuator/health} answers 200 (UP). */
    boolean isHealthy() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** SIGTERM starts Spring's graceful shutdown; SIGKILL after {@code grace}. */
    void stop(Duration grace) throws IOException {
        Processes.stop(process.toHandle(), grace);
        Files.deleteIfExists(pidFile);
    }

    /** The last lines of the log, for a failure message. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
