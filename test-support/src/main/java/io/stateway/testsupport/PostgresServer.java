package io.stateway.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server that tests may create databases on.
 *
 * <p>Database names carry their creation time ({@code stateway_t_<epoch seconds>_<class>_<random>}),
 * so that databases left behind by killed runs on a long-lived server can be told apart from those
 * of runs still going, and dropped after {@link #ABANDONED_AFTER}.
 */
final class PostgresServer implements ServerResolver.Described {

    static final Duration ABANDONED_AFTER = Duration.ofDays(1);
    private static final Pattern TEST_DATABASE = Pattern.compile("stateway_t_(\\d+)_.*");
    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private final PostgresLocation location;
    private final String description;
    private final boolean dropOnExit;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    private PostgresServer(PostgresLocation location, String description, boolean dropOnExit) {
        this.location = location;
        this.description = description;
        this.dropOnExit = dropOnExit;
    }

    /** A long-lived server named by configuration: clean up after ourselves and after killed runs. */
    static PostgresServer configured(String jdbcUrl, String user, String password) {
        PostgresLocation location = PostgresLocation.parse(jdbcUrl, user, password);
        PostgresServer server = new PostgresServer(
                location,
                "PostgreSQL from " + ServerResolver.POSTGRES_URL + " (" + location.jdbcUrl(location.database())
                        + ", user " + location.user() + ")",
                true);
        Runtime.getRuntime().addShutdownHook(new Thread(server::dropCreated, "stateway-test-databases-cleanup"));
        return server;
    }

    /** A server that lives as long as this JVM: its data goes with it. */
    static PostgresServer ephemeral(PostgresLocation location, String description) {
        return new PostgresServer(location, description, false);
    }

    @Override
    public String description() {
        return description;
    }

    void verifyReachable(String configuredBy) {
        try (Connection connection = connect(location.database())) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException(configuredBy + " names " + location.jdbcUrl(location.database())
                    + " (user " + location.user() + ") but it cannot be reached: " + e.getMessage()
                    + "\nStart that server, fix the variable, or unset it to use Testcontainers or embedded servers."
                    + " See docs/testing.md.");
        }
        if (dropOnExit) {
            dropAbandoned();
        }
    }

    TestDatabase createDatabase(String owner) {
        String name = "stateway_t_" + Instant.now().getEpochSecond() + "_" + sanitize(owner) + "_"
                + HexFormat.of()
                        .toHexDigits(ThreadLocalRandom.current().nextInt())
                        .substring(0, 6);
        try (Connection connection = connect(location.database());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot create test database " + name + " on " + description + " (the user needs CREATEDB): "
                            + e.getMessage(),
                    e);
        }
        created.add(name);
        return new TestDatabase(name, location.jdbcUrl(name), location.user(), location.password());
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(location.jdbcUrl(database), location.connectionProperties());
    }

    private void dropCreated() {
        created.forEach(this::dropQuietly);
    }

    private void dropAbandoned() {
        List<String> abandoned = new ArrayList<>();
        long cutoff = Instant.now().minus(ABANDONED_AFTER).getEpochSecond();
        try (Connection connection = connect(location.database());
                Statement statement = connection.createStatement();
                ResultSet names = statement.executeQuery(
                        "SELECT datname FROM pg_database WHERE datname LIKE 'stateway\\_t\\_%'")) {
            while (names.next()) {
                Matcher matcher = TEST_DATABASE.matcher(names.getString(1));
                if (matcher.matches() && Long.parseLong(matcher.group(1)) < cutoff) {
                    abandoned.add(names.getString(1));
                }
            }
        } catch (SQLException e) {
            log.warn("Could not list abandoned test databases on {}: {}", description, e.getMessage());
            return;
        }
        abandoned.forEach(this::dropQuietly);
    }

    private void dropQuietly(String name) {
        try (Connection connection = connect(location.database());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // Another run may be dropping it, or its last connections may still be closing: a later run retries.
            log.debug("Could not drop test database {}: {}", name, e.getMessage());
        }
    }

    private static String sanitize(String owner) {
        String name = owner.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return name.length() > 24 ? name.substring(0, 24) : name;
    }
}
