package io.stateway.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stopping processes, and the pid files that let a launcher stop what an earlier, killed launcher
 * left running. A pid is trusted only if the live process's command line still contains the
 * expected marker, so a recycled pid is never signalled.
 */
final class Processes {

    private Processes() {}

    static void writePid(Path file, long pid) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, pid + "\n");
    }

    /** The live process a pid file names, if its command line contains {@code marker}. */
    static Optional<ProcessHandle> fromPidFile(Path file, String marker) {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String firstLine =
                    Files.readAllLines(file).stream().findFirst().orElse("").trim();
            return ProcessHandle.of(Long.parseLong(firstLine))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().commandLine().orElse("").contains(marker));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** SIGTERM, then SIGKILL if it has not exited within {@code grace}. Returns whether it needed SIGKILL. */
    static boolean stop(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return false;
        }
        process.destroy();
        if (awaitExit(process, grace)) {
            return false;
        }
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(10));
        return true;
    }

    /** SIGINT: PostgreSQL's "fast" shutdown (disconnect clients, checkpoint, exit). */
    static void interrupt(ProcessHandle process) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (IOException e) {
            process.destroy(); // no kill(1): SIGTERM, PostgreSQL's "smart" shutdown
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /**
     * {@code setsid} where it exists (Linux): the child gets its own session, so a Ctrl-C in the
     * terminal reaches only the launcher, which then stops the children in order.
     */
    static Optional<String> setsid() {
        for (String candidate : new String[] {"/usr/bin/setsid", "/bin/setsid"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
