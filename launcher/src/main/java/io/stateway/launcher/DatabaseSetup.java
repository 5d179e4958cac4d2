package io.stateway.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares the database the services need. On the embedded server (superuser {@code postgres},
 * trusted local connections) it creates, if missing: the login {@code stateway} owning the database
 * {@code stateway}, the group role {@code stateway_reader} and the login {@code stateway_history}
 * in it, read-only by default (docs/database.md). The services' Flyway migrations create their schemas and grant the
 * reader role SELECT on the orchestrator's. On a configured server it only checks the connection
 * (creating the database if the URL names one that does not exist yet).
 */
final class DatabaseSetup {

    static final String DATABASE = "stateway";
    static final String OWNER = "stateway";
    static final String READER_ROLE = "stateway_reader";
    static final String HISTORY_LOGIN = "stateway_history";

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]+)/([^?]*)(\\?.*)?");
    private static final String INVALID_CATALOG = "3D000";

    private DatabaseSetup() {}

    static Database embedded(int port, String dataDir) {
        String server = "jdbc:postgresql://localhost:" + port + "/";
        Properties superuser = login(new Credentials("postgres", ""));
        try (Connection admin = DriverManager.getConnection(server + "postgres", superuser);
                Statement statement = admin.createStatement()) {
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", OWNER)) {
                statement.execute("CREATE ROLE " + OWNER + " LOGIN");
            }
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
            }
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", READER_ROLE)) {
                statement.execute("CREATE ROLE " + READER_ROLE + " NOLOGIN");
            }
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", HISTORY_LOGIN)) {
                statement.execute("CREATE ROLE " + HISTORY_LOGIN + " LOGIN IN ROLE " + READER_ROLE);
            }
            // A guard besides the grants, for any client that logs in as it.
            statement.execute("ALTER ROLE " + HISTORY_LOGIN + " SET default_transaction_read_only = on");
        } catch (SQLException e) {
            throw new LauncherException("Could not prepare the embedded PostgreSQL: " + e.getMessage(), e);
        }
        return new Database(
                server + DATABASE,
                Optional.of(new Credentials(OWNER, "")),
                Optional.of(new Credentials(HISTORY_LOGIN, "")),
                "embedded PostgreSQL on port " + port + ", data in " + dataDir);
    }

    /** Checks a configured server; creates the database it names if that is missing and the login may. */
    static Database configured(String jdbcUrl, Optional<Credentials> owner, Optional<Credentials> history) {
        Matcher matcher = URL.matcher(jdbcUrl);
        if (!matcher.matches()) {
            throw new LauncherException(
                    "Not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): " + redact(jdbcUrl));
        }
        try {
            connect(jdbcUrl, owner);
        } catch (SQLException e) {
            if (!INVALID_CATALOG.equals(e.getSQLState())) {
                throw unreachable(jdbcUrl, e);
            }
            createDatabase(matcher, owner);
        }
        history.ifPresent(login -> {
            try {
                connect(jdbcUrl, Optional.of(login));
            } catch (SQLException e) {
                throw new LauncherException("history-service's login " + login.user() + " cannot connect to "
                        + redact(jdbcUrl) + ": " + e.getMessage());
            }
        });
        return new Database(jdbcUrl, owner, history.or(() -> owner), "PostgreSQL at " + redact(jdbcUrl));
    }

    /** The URL without its password, for messages. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static void createDatabase(Matcher url, Optional<Credentials> owner) {
        String name = url.group(2);
        String maintenance = url.group(1) + "/postgres" + (url.group(3) == null ? "" : url.group(3));
        try (Connection admin = connect(maintenance, owner);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            throw new LauncherException("PostgreSQL has no database " + name + " and it could not be created ("
                    + e.getMessage() + "). Create it (createdb " + name + ") or point --postgres-url elsewhere.");
        }
    }

    private static Connection connect(String jdbcUrl, Optional<Credentials> login) throws SQLException {
        Properties properties = login.map(DatabaseSetup::login).orElseGet(Properties::new);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    private static Properties login(Credentials credentials) {
        Properties properties = new Properties();
        properties.setProperty("user", credentials.user());
        properties.setProperty("password", credentials.password());
        return properties;
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static LauncherException unreachable(String jdbcUrl, SQLException e) {
        return new LauncherException("Cannot reach PostgreSQL at " + redact(jdbcUrl) + ": " + e.getMessage()
                + "\nStart it, or fix --postgres-url / SPRING_DATASOURCE_URL (and SPRING_DATASOURCE_USERNAME/_PASSWORD),"
                + " or leave them unset to use the embedded PostgreSQL.");
    }
}
