package io.stateway.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * PostgreSQL from the zonky binaries, with its data kept in {@code <home>/postgres} so that a
 * restart keeps every state machine and execution. It runs on a free port and trusts local
 * connections only (listen_addresses=localhost); fsync and synchronous_commit stay on, as the
 * durability promises require (docs/database.md).
 *
 * <p>The postmaster is a daemon (pg_ctl detaches it), so it outlives a launcher killed with {@code
 * kill -9}: {@link #start} first stops such a leftover, found through {@code postmaster.pid}.
 */
final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    static LocalPostgres start(Path dataDir, Path log, PrintLine out) throws IOException {
        stopLeftover(dataDir, out);
        Files.createDirectories(dataDir);
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false) // the launcher stops it, after the services
                    .setPort(FreePorts.any())
                    // zonky's defaults are for tests (-F: fsync off; synchronous_commit off): this is data to keep.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setPGStartupWait(Duration.ofMinutes(2))
                    .start();
            return new LocalPostgres(postgres, dataDir);
        } catch (IOException | RuntimeException e) {
            throw new LauncherException("Embedded PostgreSQL did not start: " + e.getMessage() + "\nSee " + log
                    + ". If " + dataDir + " is from an interrupted first start or another PostgreSQL version,"
                    + " move it away (this deletes the embedded database's data).");
        }
    }

    int port() {
        return postgres.getPort();
    }

    /** The postmaster's pid while it runs. */
    Optional<ProcessHandle> postmaster() {
        return postmaster(dataDir);
    }

    @Override
    public void close() throws IOException {
        postgres.close(); // pg_ctl stop -m fast, waiting 5 s
        postmaster(dataDir).ifPresent(LocalPostgres::fastShutdown);
    }

    private static void stopLeftover(Path dataDir, PrintLine out) {
        postmaster(dataDir).ifPresent(leftover -> {
            out.println("Stopping the embedded PostgreSQL (pid " + leftover.pid()
                    + ") left running by an earlier launcher that did not shut down");
            fastShutdown(leftover);
        });
    }

    private static void fastShutdown(ProcessHandle postmaster) {
        Processes.interrupt(postmaster);
        if (!Processes.awaitExit(postmaster, Duration.ofSeconds(60))) {
            postmaster.destroyForcibly();
            Processes.awaitExit(postmaster, Duration.ofSeconds(10));
        }
    }

    private static Optional<ProcessHandle> postmaster(Path dataDir) {
        return Processes.fromPidFile(dataDir.resolve("postmaster.pid"), "postgres");
    }
}
