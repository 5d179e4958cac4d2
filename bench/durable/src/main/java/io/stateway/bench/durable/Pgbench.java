package io.stateway.bench.durable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The physical reference: PostgreSQL's own {@code pgbench} running a one-row insert plus one-row
 * update transaction ({@code pgbench/insert-update.sql}) against the same server, in tables of the
 * benchmark's database, with prepared statements and as many clients as the orchestrator keeps
 * transactions in flight.
 */
final class Pgbench {

    private static final int CONNECTION_ATTEMPTS = 6;
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final Path executable;
    private final Path script;
    private final Postgres database;

    private Pgbench(Path executable, Path script, Postgres database) {
        this.executable = executable;
        this.script = script;
        this.database = database;
    }

    /** Finds pgbench, writes its script into {@code workDir} and creates its tables in {@code database}. */
    static Pgbench prepare(Postgres database, Path workDir) throws IOException, SQLException {
        Path script = workDir.resolve("insert-update.sql");
        try (InputStream in = Pgbench.class.getResourceAsStream("/pgbench/insert-update.sql")) {
            Files.write(script, in.readAllBytes());
        }
        database.execute(
                "DROP TABLE IF EXISTS public.bench_events, public.bench_counters",
                "CREATE TABLE public.bench_counters (id int PRIMARY KEY, events bigint NOT NULL DEFAULT 0)",
                "INSERT INTO public.bench_counters (id) SELECT g FROM generate_series(1, 10000) g",
                "CREATE TABLE public.bench_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                        + " counter_id int NOT NULL, at timestamptz NOT NULL DEFAULT now(), payload jsonb)");
        return new Pgbench(executable(), script, database);
    }

    /** A run's transactions per second and the command that measured them. */
    record Result(double tps, String command) {}

    Result run(int clients, int threads, int seconds) throws IOException, InterruptedException {
        List<String> command = List.of(
                executable.toString(),
                "-h",
                database.host(),
                "-p",
                String.valueOf(database.port()),
                "-U",
                database.user(),
                "-n",
                "-M",
                "prepared",
                "-c",
                String.valueOf(clients),
                "-j",
                String.valueOf(threads),
                "-T",
                String.valueOf(seconds),
                "-f",
                script.toString(),
                database.database());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (database.password() != null) {
            builder.environment().put("PGPASSWORD", database.password());
        }
        String output = "";
        int exit = -1;
        // The server may be shared: when its connections run out, wait for them rather than fail.
        for (int attempt = 1; attempt <= CONNECTION_ATTEMPTS; attempt++) {
            Process process = builder.start();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            exit = process.waitFor();
            if (exit == 0 || !output.contains("too many clients")) {
                break;
            }
            Thread.sleep(10_000);
        }
        Matcher tps = TPS.matcher(output);
        if (exit != 0 || !tps.find()) {
            throw new IllegalStateException("pgbench failed (exit " + exit + "):\n" + output);
        }
        String shown =
                String.join(" ", command.subList(1, command.size())).replace(script.toString(), "insert-update.sql");
        return new Result(Double.parseDouble(tps.group(1)), "pgbench " + shown);
    }

    /** pgbench on the PATH, else the newest under Debian's /usr/lib/postgresql/VERSION/bin. */
    private static Path executable() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "pgbench");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var found = versions.map(version -> version.resolve("bin/pgbench"))
                        .filter(Files::isExecutable)
                        .max(Comparator.comparing(
                                path -> path.getParent()
                                        .getParent()
                                        .getFileName()
                                        .toString(),
                                Comparator.comparingInt(v -> v.matches("\\d+") ? Integer.parseInt(v) : 0)));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IllegalStateException(
                "pgbench not found: it comes with PostgreSQL's server package (Debian: postgresql, or postgresql-contrib)");
    }
}
