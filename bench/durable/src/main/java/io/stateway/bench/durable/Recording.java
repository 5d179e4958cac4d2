package io.stateway.bench.durable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A JFR recording of the orchestrator's process over one phase, started and stopped with {@code
 * jcmd}, so that it holds the measured load and not start-up or warm-up.
 */
final class Recording {

    private static final String NAME = "stateway-bench";

    private final long pid;
    private final Path file;

    private Recording(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    static Recording start(long pid, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile", "jdk.ExecutionSample#period=2ms");
        return new Recording(pid, file);
    }

    void stop() throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + NAME, "filename=" + file.toAbsolutePath());
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path jcmd = java.resolveSibling("jcmd");
        List<String> line = new java.util.ArrayList<>(List.of(jcmd.toString(), String.valueOf(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed:\n" + output);
        }
    }
}
