package io.stateway.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.embedded.RedisExecProvider;

/**
 * Redis from the org.signal embedded-redis binaries, run by the launcher itself (not by that
 * library, whose shutdown hook would race ours) on a free port, bound to 127.0.0.1, without
 * persistence: it holds rate-limit counters and cached responses only.
 */
final class LocalRedis implements AutoCloseable {

    static final String MARKER = "redis-server";

    private final Process process;
    private final int port;
    private final Path pidFile;

    private LocalRedis(Process process, int port, Path pidFile) {
        this.process = process;
        this.port = port;
        this.pidFile = pidFile;
    }

    static LocalRedis start(Path home, Path log) throws IOException {
        Path binary = binary(home.resolve("bin"));
        Path dir = Files.createDirectories(home.resolve("redis"));
        int port = FreePorts.any();
        List<String> command = new ArrayList<>();
        Processes.setsid().ifPresent(command::add);
        command.addAll(List.of(
                binary.toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString(),
                "--logfile",
                log.toString(),
                "--daemonize",
                "no"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Path pidFile = home.resolve("run/redis.pid");
        Processes.writePid(pidFile, process.pid());
        LocalRedis redis = new LocalRedis(process, port, pidFile);
        redis.awaitReady(Duration.ofSeconds(20), log);
        return redis;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws IOException {
        Processes.stop(process.toHandle(), Duration.ofSeconds(10));
        Files.deleteIfExists(pidFile);
    }

    private void awaitReady(Duration timeout, Path log) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                RedisPing.check(url());
                return;
            } catch (IOException e) {
                last = e;
                Processes.awaitExit(process.toHandle(), Duration.ofMillis(100));
            }
        }
        close();
        throw new LauncherException(
                "Embedded Redis did not start" + (last == null ? "" : " (" + last.getMessage() + ")") + "; see " + log);
    }

    /** The binary for this platform, copied once out of the embedded-redis jar into {@code bin}. */
    private static Path binary(Path bin) throws IOException {
        Path target = bin.resolve("redis-server-" + RedisExecProvider.redisVersion);
        if (!Files.isExecutable(target)) {
            Files.createDirectories(bin);
            Path extracted = RedisExecProvider.defaultProvider().get().toPath();
            Files.copy(extracted, target, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().setExecutable(true);
            Files.deleteIfExists(extracted);
        }
        return target;
    }
}
