package io.stateway.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRedisTest {

    @TempDir
    Path home;

    @Test
    void start_thenClose_answersPingThenLeavesNothingRunning() throws IOException {
        Path log = Files.createDirectories(home.resolve("logs")).resolve("redis.log");

        LocalRedis redis = LocalRedis.start(home, log);
        RedisPing.check(redis.url());
        ProcessHandle process = ProcessHandle.of(redis.pid()).orElseThrow();
        assertThat(home.resolve("run/redis.pid")).content().startsWith(Long.toString(redis.pid()));
        redis.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(home.resolve("run/redis.pid")).doesNotExist();
        assertThat(log).content().contains("Ready to accept connections");
    }

    @Test
    void ping_nothingListening_saysWhy() throws IOException {
        int closed = FreePorts.any();

        assertThatThrownBy(() -> RedisPing.check("redis://127.0.0.1:" + closed))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Connection refused");
    }
}
