package io.stateway.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code stateway up} was asked to do: flags first, then environment variables, then defaults.
 *
 * @param repo the repository whose {@code <module>/target/*-exec.jar} files are run
 * @param home where state, logs and process ids live ({@code ~/.stateway})
 * @param postgresUrl a configured PostgreSQL (JDBC URL) instead of the embedded one
 * @param postgresLogin the login for it (else the URL's own {@code user}/{@code password})
 * @param historyLogin the read-only login history-service uses on a configured PostgreSQL
 * @param redisUrl a configured Redis instead of the embedded one
 * @param ports each service's HTTP port
 * @param gatewayAdminPort the port of the gateway's admin API
 * @param jsonLogs whether services log JSON (Elastic Common Schema) lines
 * @param javaOptions extra JVM options for the services ({@code STATEWAY_JAVA_OPTS})
 * @param timeout how long to wait for all services to be healthy
 */
record LauncherOptions(
        Path repo,
        Path home,
        Optional<String> postgresUrl,
        Optional<Credentials> postgresLogin,
        Optional<Credentials> historyLogin,
        Optional<String> redisUrl,
        Map<Service, Integer> ports,
        int gatewayAdminPort,
        boolean jsonLogs,
        List<String> javaOptions,
        Duration timeout) {

    static final String USAGE = """
            Usage: stateway up [options]

            Starts PostgreSQL and Redis (embedded, on free ports, unless configured) and the four
            services, waits until all are healthy and prints their URLs. Ctrl-C or SIGTERM stops
            everything it started.

            Options (environment variable in brackets):
              --postgres-url URL     use this PostgreSQL (a JDBC URL) instead of the embedded one
                                     [SPRING_DATASOURCE_URL; login: SPRING_DATASOURCE_USERNAME/_PASSWORD]
              --redis-url URL        use this Redis (redis://[:password@]host:port) [SPRING_DATA_REDIS_URL]
              --history-user USER    read-only login for history-service on a configured PostgreSQL
                                     [STATEWAY_HISTORY_DATASOURCE_USERNAME/_PASSWORD]
              --ports G,O,H,A        ports of gateway, orchestrator, history, authorizer (8080,8081,8082,8083)
              --gateway-admin-port P port of the gateway's admin API (8090)
              --json-logs            services log JSON lines (ECS) [LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs]
              --home DIR             state, logs and pids (~/.stateway) [STATEWAY_HOME]
              --timeout SECONDS      how long to wait for health (180)
              JVM options for the services: [STATEWAY_JAVA_OPTS]
            """;

    static LauncherOptions parse(List<String> args, Map<String, String> env, Path userHome) {
        Path repo = Path.of(".");
        Path home = Optional.ofNullable(blankToNull(env.get("STATEWAY_HOME")))
                .map(Path::of)
                .orElse(userHome.resolve(".stateway"));
        String postgresUrl = blankToNull(env.get("SPRING_DATASOURCE_URL"));
        String redisUrl = blankToNull(env.get("SPRING_DATA_REDIS_URL"));
        String historyUser = blankToNull(env.get("STATEWAY_HISTORY_DATASOURCE_USERNAME"));
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, service.defaultPort());
        }
        int gatewayAdminPort = 8090;
        boolean jsonLogs = false;
        Duration timeout = Duration.ofSeconds(180);

        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            switch (flag) {
                case "--repo" -> repo = Path.of(value(args, ++i, flag));
                case "--home" -> home = Path.of(value(args, ++i, flag));
                case "--postgres-url" -> postgresUrl = value(args, ++i, flag);
                case "--redis-url" -> redisUrl = value(args, ++i, flag);
                case "--history-user" -> historyUser = value(args, ++i, flag);
                case "--ports" -> ports = ports(value(args, ++i, flag));
                case "--gateway-admin-port" -> gatewayAdminPort = number(value(args, ++i, flag), flag);
                case "--json-logs" -> jsonLogs = true;
                case "--timeout" -> timeout = Duration.ofSeconds(number(value(args, ++i, flag), flag));
                default -> throw new IllegalArgumentException("Unknown option " + flag + "\n\n" + USAGE);
            }
        }
        Optional<Credentials> postgresLogin = Optional.ofNullable(blankToNull(env.get("SPRING_DATASOURCE_USERNAME")))
                .map(user -> new Credentials(user, env.get("SPRING_DATASOURCE_PASSWORD")));
        Optional<Credentials> historyLogin = Optional.ofNullable(historyUser)
                .map(user -> new Credentials(user, env.get("STATEWAY_HISTORY_DATASOURCE_PASSWORD")));
        List<String> javaOptions = Optional.ofNullable(blankToNull(env.get("STATEWAY_JAVA_OPTS")))
                .map(options -> List.of(options.trim().split("\\s+")))
                .orElse(List.of());
        return new LauncherOptions(
                repo.toAbsolutePath().normalize(),
                home.toAbsolutePath().normalize(),
                Optional.ofNullable(postgresUrl),
                postgresLogin,
                historyLogin,
                Optional.ofNullable(redisUrl),
                Map.copyOf(ports),
                gatewayAdminPort,
                jsonLogs,
                javaOptions,
                timeout);
    }

    private static Map<Service, Integer> ports(String list) {
        String[] parts = list.split(",");
        if (parts.length != Service.values().length) {
            throw new IllegalArgumentException(
                    "--ports takes four ports: gateway,orchestrator,history,authorizer (got " + list + ")");
        }
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        List<Service> order = new ArrayList<>(Arrays.asList(Service.values()));
        for (int i = 0; i < parts.length; i++) {
            ports.put(order.get(i), number(parts[i].trim(), "--ports"));
        }
        return ports;
    }

    private static String value(List<String> args, int index, String flag) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(flag + " needs a value\n\n" + USAGE);
        }
        return args.get(index);
    }

    private static int number(String text, String flag) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a number, not " + text);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
