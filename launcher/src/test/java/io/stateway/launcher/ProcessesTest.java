package io.stateway.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesTest {

    @TempDir
    Path run;

    @Test
    void fromPidFile_liveProcessWithTheMarker_isFoundAndStopped() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "300").start();
        Path pidFile = run.resolve("sleeper.pid");
        Processes.writePid(pidFile, sleeper.pid());

        ProcessHandle found = Processes.fromPidFile(pidFile, "sleep").orElseThrow();
        boolean killed = Processes.stop(found, Duration.ofSeconds(10));

        assertThat(found.pid()).isEqualTo(sleeper.pid());
        assertThat(killed).as("stopped by SIGTERM, no SIGKILL needed").isFalse();
        assertThat(sleeper.isAlive()).isFalse();
    }

    @Test
    void fromPidFile_pidNowUsedByAnotherProgram_isLeftAlone() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "300").start();
        try {
            Path pidFile = run.resolve("redis.pid");
            Processes.writePid(pidFile, sleeper.pid());

            assertThat(Processes.fromPidFile(pidFile, "redis-server")).isEmpty();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void fromPidFile_deadProcessOrNoFile_isEmpty() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        Path pidFile = run.resolve("done.pid");
        Processes.writePid(pidFile, done.pid());

        assertThat(Processes.fromPidFile(pidFile, "true")).isEmpty();
        assertThat(Processes.fromPidFile(run.resolve("missing.pid"), "x")).isEmpty();
    }
}
