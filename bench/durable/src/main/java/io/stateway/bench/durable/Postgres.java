package io.stateway.bench.durable;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PostgreSQL server and one database on it, as both the JDBC driver and pgbench need them: the
 * JDBC URL's host, port and database, and the login.
 */
record Postgres(String host, int port, String database, String user, String password) {

    /**
     * From a JDBC URL ({@code jdbc:postgresql://host:port/db?user=u&password=p}); {@code user} and
     * {@code password}, when not null, win over the URL's.
     */
    static Postgres parse(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(
                            pair.substring(0, equals),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        String path = uri.getPath() == null || uri.getPath().length() <= 1
                ? "postgres"
                : uri.getPath().substring(1);
        return new Postgres(
                uri.getHost() == null ? "localhost" : uri.getHost(),
                uri.getPort() < 0 ? 5432 : uri.getPort(),
                path,
                user != null ? user : query.getOrDefault("user", System.getProperty("user.name")),
                password != null ? password : query.get("password"));
    }

    /** The same server and login, another database. */
    Postgres database(String name) {
        return new Postgres(host, port, name, user, password);
    }

    /** The URL without credentials (they go separately, as Spring's datasource settings take them). */
    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password == null ? "" : password);
    }

    /** Drops {@code name} if it exists (disconnecting its sessions) and creates it empty. */
    Postgres createFresh(String name) throws SQLException {
        drop(name);
        execute("CREATE DATABASE " + identifier(name));
        return database(name);
    }

    void drop(String name) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + identifier(name) + " WITH (FORCE)");
    }

    void execute(String... statements) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The server's version and the settings the durability promise rests on. */
    String describe() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT current_setting('server_version'),"
                        + " current_setting('synchronous_commit'), current_setting('fsync'),"
                        + " current_setting('max_connections')")) {
            rows.next();
            return "PostgreSQL " + rows.getString(1) + " at " + host + ":" + port + " (synchronous_commit="
                    + rows.getString(2) + ", fsync=" + rows.getString(3) + ", max_connections=" + rows.getString(4)
                    + ")";
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        return name;
    }
}
