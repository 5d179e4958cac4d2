package io.stateway.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * {@code stateway up}: PostgreSQL and Redis (embedded unless configured), then the four services;
 * waits for their health, prints where they are, and on Ctrl-C / SIGTERM (or when a service dies)
 * stops everything it started: services, then Redis, then PostgreSQL.
 *
 * <p>Everything it starts is recorded in {@code <home>/run/*.pid} (PostgreSQL: its own {@code
 * postmaster.pid}), so that a launcher killed with {@code kill -9} is cleaned up after by the next
 * one. Service logs are {@code <home>/logs/<service>.log}; the previous run's are kept as {@code .log.1}.
 */
final class Up {

    private static final Duration SERVICE_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(250);

    /**
     * JVM options for start-up speed on a small machine: the C1 compiler only (C2's compile threads
     * double the CPU a service burns while starting) and the serial collector. STATEWAY_JAVA_OPTS
     * come after these, so they can override them (e.g. -XX:TieredStopAtLevel=4 for load tests).
     */
    static final List<String> DEFAULT_JAVA_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final LauncherOptions options;
    private final PrintLine out;
    private final Path logs;
    private final Path run;
    private final List<ServiceProcess> services = new ArrayList<>();
    private volatile Map<Service, CompletableFuture<Path>> unpacking = Map.of();
    private LocalPostgres postgres;
    private LocalRedis redis;
    private FileLock homeLock;
    private volatile boolean stopping;
    private boolean stopped;

    Up(LauncherOptions options, PrintLine out) {
        this.options = options;
        this.out = out;
        this.logs = options.home().resolve("logs");
        this.run = options.home().resolve("run");
    }

    /** Runs until stopped; returns the exit code (0 when stopped by a signal). */
    int run() {
        long started = System.nanoTime();
        try {
            Map<Service, Path> jars = findJars();
            Files.createDirectories(logs);
            Files.createDirectories(run);
            lockHome();
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "stateway-stop"));
            stopLeftovers();
            checkPorts();
            rotateLogs();

            unpacking = ExtractedJar.prepareAll(jars, options.home().resolve("app")); // meanwhile, the servers
            Database database = unlessStopping(this::startPostgres);
            String redisUrl = unlessStopping(this::startRedis);
            unlessStopping(() -> startServices(ExtractedJar.awaitAll(unpacking), database, redisUrl));
            if (!awaitHealthy(started)) {
                stopAll();
                return 1;
            }
            printSummary(started, database, redisUrl);
            ServiceProcess exited = awaitAnyExit();
            if (stopping) {
                return 0;
            }
            out.println(exited.service().module() + " exited (code "
                    + exited.process().exitValue() + "); its last log lines (" + exited.log() + "):\n"
                    + exited.logTail(30));
            stopAll();
            return 1;
        } catch (Stopping e) {
            return 0;
        } catch (LauncherException e) {
            out.println(e.getMessage());
            stopAll();
            return 1;
        } catch (IOException e) {
            out.println("stateway up failed: " + e);
            stopAll();
            return 1;
        }
    }

    private Map<Service, Path> findJars() {
        Map<Service, Path> jars = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            Path target = options.repo().resolve(service.module()).resolve("target");
            try (Stream<Path> files = Files.list(target)) {
                files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                        .max(Comparator.comparing(file -> file.toFile().lastModified()))
                        .ifPresent(jar -> jars.put(service, jar));
            } catch (IOException e) {
                // reported below
            }
            if (!jars.containsKey(service)) {
                throw new LauncherException("No " + service.module() + "/target/*-exec.jar under " + options.repo()
                        + ": build first (./mvnw -B -q -DskipTests package; ./stateway up does it for you).");
            }
        }
        return jars;
    }

    private void lockHome() throws IOException {
        FileChannel channel = FileChannel.open(
                options.home().resolve("launcher.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        homeLock = channel.tryLock();
        if (homeLock == null) {
            channel.close();
            throw new LauncherException("Another `stateway up` is running with its state in " + options.home()
                    + ". Stop it first (Ctrl-C in its terminal), or use another --home.");
        }
    }

    private void checkPorts() {
        for (Service service : Service.values()) {
            int port = options.ports().get(service);
            if (!FreePorts.isFree(port)) {
                throw new LauncherException("Port " + port + " (" + service.shortName()
                        + ") is already in use. Stop what holds it, or choose other ports with"
                        + " --ports gateway,orchestrator,history,authorizer.");
            }
        }
        if (!FreePorts.isFree(options.gatewayAdminPort())) {
            throw new LauncherException("Port " + options.gatewayAdminPort() + " (the gateway's admin API) is"
                    + " already in use. Stop what holds it, or choose another with --gateway-admin-port.");
        }
    }

    private void stopLeftovers() {
        for (Service service : Service.values()) {
            Processes.fromPidFile(pidFile(service.shortName()), service.module())
                    .ifPresent(leftover -> {
                        out.println("Stopping " + service.module() + " (pid " + leftover.pid()
                                + ") left running by an earlier launcher that did not shut down");
                        Processes.stop(leftover, SERVICE_GRACE);
                    });
        }
        Processes.fromPidFile(pidFile("redis"), LocalRedis.MARKER).ifPresent(leftover -> {
            out.println("Stopping the embedded Redis (pid " + leftover.pid() + ") left running by an earlier launcher");
            Processes.stop(leftover, Duration.ofSeconds(10));
        });
    }

    private void rotateLogs() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(logs, "*.log")) {
            for (Path log : files) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private Database startPostgres() throws IOException {
        if (options.postgresUrl().isPresent()) {
            String url = options.postgresUrl().get();
            out.println("Using PostgreSQL at " + DatabaseSetup.redact(url));
            Database database = DatabaseSetup.configured(url, options.postgresLogin(), options.historyLogin());
            if (options.historyLogin().isEmpty()) {
                out.println("  history-service connects with the same login as the other services. To run it"
                        + " read-only, as in production, create a member of the reader role (docs/database.md)"
                        + " and pass --history-user (password in STATEWAY_HISTORY_DATASOURCE_PASSWORD).");
            }
            return database;
        }
        Path dataDir = options.home().resolve("postgres");
        out.println("Starting embedded PostgreSQL (data in " + dataDir + ")");
        postgres = LocalPostgres.start(dataDir, logs.resolve("postgres.log"), out);
        Database database = DatabaseSetup.embedded(postgres.port(), dataDir.toString());
        out.println("  " + database.description());
        return database;
    }

    private String startRedis() throws IOException {
        if (options.redisUrl().isPresent()) {
            String url = options.redisUrl().get();
            String shown = url.replaceAll("//[^@/]*@", "//***@");
            out.println("Using Redis at " + shown);
            try {
                RedisPing.check(url);
            } catch (IOException e) {
                throw new LauncherException("Cannot reach Redis at " + shown + ": " + e.getMessage()
                        + "\nStart it, or fix --redis-url / SPRING_DATA_REDIS_URL, or leave them unset to use"
                        + " the embedded Redis.");
            }
            return url;
        }
        out.println("Starting embedded Redis");
        redis = LocalRedis.start(options.home(), logs.resolve("redis.log"));
        return redis.url();
    }

    /**
     * Starts something unless a stop has begun, holding the lock {@link #stopAll} takes: a Ctrl-C
     * during a start waits for it to finish and then stops what it started, so nothing escapes.
     */
    private synchronized <T> T unlessStopping(IoStart<T> start) throws IOException {
        if (stopping) {
            throw new Stopping();
        }
        return start.run();
    }

    private Void startServices(Map<Service, Path> runnable, Database database, String redisUrl) throws IOException {
        SuiteSecrets secrets = SuiteSecrets.loadOrCreate(options.home());
        String authorizerUrl = "http://localhost:" + options.ports().get(Service.AUTHORIZER);
        List<String> javaOptions = new ArrayList<>(DEFAULT_JAVA_OPTIONS);
        javaOptions.addAll(options.javaOptions());
        out.println("Starting the services (logs in " + logs + ")");
        for (Service service : Service.values()) {
            Map<String, String> environment = new HashMap<>();
            environment.put("SERVER_PORT", Integer.toString(options.ports().get(service)));
            environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
            Optional<Credentials> login = service == Service.HISTORY ? database.history() : database.owner();
            login.ifPresent(credentials -> {
                environment.put("SPRING_DATASOURCE_USERNAME", credentials.user());
                environment.put("SPRING_DATASOURCE_PASSWORD", credentials.password());
            });
            if (service == Service.GATEWAY) {
                environment.put("SPRING_DATA_REDIS_URL", redisUrl);
                environment.put("STATEWAY_GATEWAY_ADMIN_PORT", Integer.toString(options.gatewayAdminPort()));
                environment.put(
                        "STATEWAY_GATEWAY_ADMIN_TOKEN_FILE", adminTokenFile().toString());
                environment.put(
                        "STATEWAY_GATEWAY_ORCHESTRATOR_URL",
                        "http://localhost:" + options.ports().get(Service.ORCHESTRATOR) + "/");
                environment.put("STATEWAY_GATEWAY_AUTHORIZER_URL", authorizerUrl);
                environment.put("STATEWAY_GATEWAY_AUTHORIZER_INTERNAL_TOKEN", secrets.internalToken());
                environment.put("STATEWAY_GATEWAY_AUTHORIZER_API_KEY_PEPPER", secrets.apiKeyPepper());
                // A developer's machine: integrations may call backends running next to it (docs/running.md).
                if (System.getenv("STATEWAY_GATEWAY_INTEGRATIONS_ALLOWEDNETWORKS") == null) {
                    environment.put("STATEWAY_GATEWAY_INTEGRATIONS_ALLOWEDNETWORKS", "127.0.0.0/8,::1/128");
                }
            }
            if (service == Service.AUTHORIZER) {
                // The usage report reads the gateway's counters.
                environment.put("SPRING_DATA_REDIS_URL", redisUrl);
                environment.put(
                        "STATEWAY_AUTHORIZER_ADMIN_TOKEN_FILE",
                        authorizerTokenFile().toString());
                environment.put("STATEWAY_AUTHORIZER_INTERNAL_TOKEN", secrets.internalToken());
                environment.put("STATEWAY_AUTHORIZER_API_KEYS_PEPPER", secrets.apiKeyPepper());
                environment.put("STATEWAY_AUTHORIZER_CREDENTIALS_MASTER_KEY", secrets.masterKey());
                // A self-contained suite issues its own JWTs (client credentials), for JWT-protected APIs.
                environment.put("STATEWAY_AUTHORIZER_TOKEN_ENDPOINT_ENABLED", "true");
                environment.put("STATEWAY_AUTHORIZER_TOKEN_ENDPOINT_ISSUER", authorizerUrl);
            }
            if (options.jsonLogs()) {
                environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
            }
            services.add(ServiceProcess.start(
                    service,
                    options.ports().get(service),
                    runnable.get(service),
                    environment,
                    javaOptions,
                    logs.resolve(service.shortName() + ".log"),
                    pidFile(service.shortName())));
        }
        return null;
    }

    private boolean awaitHealthy(long started) {
        Set<ServiceProcess> pending = new LinkedHashSet<>(services);
        long deadline = started + options.timeout().toNanos();
        while (!pending.isEmpty()) {
            if (stopping) {
                return false;
            }
            for (ServiceProcess service : List.copyOf(pending)) {
                if (!service.isAlive()) {
                    out.println(service.service().module() + " exited (code "
                            + service.process().exitValue()
                            + ") before it became healthy; its last log lines (" + service.log() + "):\n"
                            + service.logTail(40));
                    return false;
                }
                if (service.isHealthy()) {
                    out.println(String.format(
                            "  %-13s healthy after %4.1f s", service.service().shortName(), seconds(started)));
                    pending.remove(service);
                }
            }
            if (System.nanoTime() > deadline) {
                out.println("Timed out after " + options.timeout().toSeconds() + " s waiting for "
                        + pending.stream().map(s -> s.service().module()).toList() + " to become healthy; see "
                        + logs);
                return false;
            }
            if (!pending.isEmpty()) {
                Processes.awaitExit(pending.iterator().next().process().toHandle(), POLL);
            }
        }
        return true;
    }

    private void printSummary(long started, Database database, String redisUrl) {
        StringBuilder summary = new StringBuilder(String.format("%nStateway is up (%.1f s):%n", seconds(started)));
        for (ServiceProcess service : services) {
            summary.append(String.format(
                    "  %-13s %s   (health: %s/actuator/health)%n",
                    service.service().shortName(), service.baseUrl(), service.baseUrl()));
        }
        summary.append(String.format(
                        "  %-13s http://localhost:%d   (bearer token: %s)%n",
                        "gateway admin",
                        options.gatewayAdminPort(),
                        System.getenv("STATEWAY_GATEWAY_ADMIN_TOKEN") == null
                                ? "in " + adminTokenFile()
                                : "STATEWAY_GATEWAY_ADMIN_TOKEN"))
                .append(String.format(
                        "  %-13s http://localhost:%d/admin/v1   (bearer token: %s)%n",
                        "keys admin",
                        options.ports().get(Service.AUTHORIZER),
                        System.getenv("STATEWAY_AUTHORIZER_ADMIN_TOKEN") == null
                                ? "in " + authorizerTokenFile()
                                : "STATEWAY_AUTHORIZER_ADMIN_TOKEN"))
                .append(String.format("  %-13s %s%n", "PostgreSQL", database.description()))
                .append(String.format(
                        "  %-13s %s%n",
                        "Redis", redis == null ? redisUrl.replaceAll("//[^@/]*@", "//***@") : "embedded, " + redisUrl))
                .append(String.format("  %-13s %s%n", "logs", logs))
                .append("Press Ctrl-C to stop everything.");
        out.println(summary.toString());
    }

    private ServiceProcess awaitAnyExit() {
        CompletableFuture<?>[] exits =
                services.stream().map(s -> s.process().onExit()).toArray(CompletableFuture[]::new);
        CompletableFuture.anyOf(exits).join();
        return services.stream().filter(s -> !s.isAlive()).findFirst().orElseThrow();
    }

    /** Stops what this launcher started, in order; safe to call twice (the shutdown hook calls it too). */
    private synchronized void stopAll() {
        if (stopped || homeLock == null) {
            return;
        }
        stopping = true;
        out.println("Stopping Stateway ...");
        // An unpacking `java -Djarmode=tools` would outlive us: let it finish.
        unpacking
                .values()
                .forEach(future -> future.handle((path, failure) -> path).join());
        services.forEach(service -> service.process().destroy()); // all shut down gracefully at once
        for (ServiceProcess service : services) {
            quietly(() -> service.stop(SERVICE_GRACE));
        }
        if (redis != null) {
            quietly(redis::close);
        }
        if (postgres != null) {
            quietly(postgres::close);
        }
        quietly(() -> {
            homeLock.release();
            homeLock.channel().close();
        });
        stopped = true;
        out.println("Stopped.");
    }

    /** Where the gateway writes the admin API's token when it generates one. */
    private Path adminTokenFile() {
        return options.home().resolve("gateway-admin.token");
    }

    /** Where authorizer-service writes its admin API's token when it generates one. */
    private Path authorizerTokenFile() {
        return options.home().resolve("authorizer-admin.token");
    }

    private Path pidFile(String name) {
        return run.resolve(name + ".pid");
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private interface IoStart<T> {
        T run() throws IOException;
    }

    /** A start refused because the launcher is stopping: not an error. */
    private static final class Stopping extends RuntimeException {
        Stopping() {
            super("stopping", null, false, false);
        }
    }

    private void quietly(IoAction action) {
        try {
            action.run();
        } catch (IOException | UncheckedIOException | LauncherException e) {
            out.println("  while stopping: " + e.getMessage());
        }
    }
}
