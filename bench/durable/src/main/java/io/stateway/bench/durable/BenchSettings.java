package io.stateway.bench.durable;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The command line of {@link DurableBench}.
 *
 * @param jar orchestrator-service's exec jar
 * @param server a JDBC URL of the PostgreSQL server (any database on it; credentials in the URL or
 *     in {@code user} / {@code password})
 * @param database the database to create afresh (dropped first, dropped after unless {@code keep}),
 *     or {@code null} to use the URL's own database as it is (it must be empty: a test's)
 * @param quick a few seconds of load: proves the harness, not a result
 * @param profile where to write a JFR recording of the orchestrator during the first workload's
 *     capacity phase, or {@code null}
 * @param only the one workload to run, or {@code null} for all (the ratio is then that workload's)
 * @param workDir logs, pgbench's script
 */
record BenchSettings(
        Path jar,
        String server,
        String user,
        String password,
        String database,
        boolean keep,
        boolean quick,
        Path profile,
        String only,
        Path workDir) {

    static final String USAGE = "usage: DurableBench --jar ORCHESTRATOR_EXEC_JAR --postgres JDBC_URL [--user U]"
            + " [--password P] [--database NAME (default stateway_bench) | --use-database] [--keep] [--quick]"
            + " [--profile FILE.jfr] [--only WORKLOAD] [--work DIR]";

    static BenchSettings parse(String... args) {
        Path jar = null;
        String server = null;
        String user = null;
        String password = null;
        String database = "stateway_bench";
        boolean keep = false;
        boolean quick = false;
        Path profile = null;
        String only = null;
        Path workDir = Path.of("target/bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(value(args, ++i));
                case "--postgres" -> server = value(args, ++i);
                case "--user" -> user = value(args, ++i);
                case "--password" -> password = value(args, ++i);
                case "--database" -> database = value(args, ++i);
                case "--use-database" -> database = null;
                case "--keep" -> keep = true;
                case "--quick" -> quick = true;
                case "--profile" -> profile = Path.of(value(args, ++i));
                case "--only" -> only = value(args, ++i);
                case "--work" -> workDir = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("Unknown argument " + args[i] + "\n" + USAGE);
            }
        }
        if (jar == null || server == null) {
            throw new IllegalArgumentException(USAGE);
        }
        return new BenchSettings(jar, server, user, password, database, keep, quick, profile, only, workDir);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    /** The longest a burst keeps starting executions. */
    Duration burstLimit() {
        return quick ? Duration.ofSeconds(3) : Duration.ofSeconds(30);
    }

    /** How long each half-load phase starts executions. */
    Duration halfLoadDuration() {
        return quick ? Duration.ofSeconds(2) : Duration.ofSeconds(20);
    }

    /** Each pgbench run's length. */
    int pgbenchSeconds() {
        return quick ? 1 : 15;
    }

    /** The longest a phase's executions may take to end before the run fails. */
    Duration drainTimeout() {
        return quick ? Duration.ofSeconds(60) : Duration.ofMinutes(10);
    }
}
