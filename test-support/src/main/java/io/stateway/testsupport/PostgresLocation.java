package io.stateway.testsupport;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A PostgreSQL server as a JDBC URL, split so that the database can be swapped and the credentials
 * kept out of the URL (the driver lets URL credentials win over a data source's, which would defeat
 * {@link TestDatabase#as}).
 *
 * @param hosts {@code host[:port][,host[:port]...]}
 * @param database the database named by the URL ({@code postgres} if none)
 * @param parameters the URL's other parameters, in order
 * @param user the user to connect as
 * @param password its password, empty if none
 */
record PostgresLocation(String hosts, String database, Map<String, String> parameters, String user, String password) {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/?]+)(?:/([^?]*))?(?:\\?(.*))?");

    static PostgresLocation parse(String jdbcUrl, String userOverride, String passwordOverride) {
        Matcher matcher = URL.matcher(jdbcUrl);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "Not a PostgreSQL JDBC URL of the form jdbc:postgresql://host:port/database?user=...: " + jdbcUrl);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (matcher.group(3) != null && !matcher.group(3).isEmpty()) {
            for (String pair : matcher.group(3).split("&")) {
                int equals = pair.indexOf('=');
                String key = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                parameters.put(key, value);
            }
        }
        String user = firstNonNull(userOverride, parameters.remove("user"), "postgres");
        String password = firstNonNull(passwordOverride, parameters.remove("password"), "");
        String database = matcher.group(2) == null || matcher.group(2).isEmpty() ? "postgres" : matcher.group(2);
        return new PostgresLocation(matcher.group(1), database, Map.copyOf(parameters), user, password);
    }

    /** The JDBC URL of another database on the same server, without credentials. */
    String jdbcUrl(String otherDatabase) {
        String query = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return "jdbc:postgresql://" + hosts + "/" + otherDatabase + (query.isEmpty() ? "" : "?" + query);
    }

    /** Credentials, plus a short connect timeout unless the URL sets one. */
    Properties connectionProperties() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        if (!parameters.containsKey("connectTimeout")) {
            properties.setProperty("connectTimeout", "5");
        }
        return properties;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        throw new IllegalArgumentException("all null");
    }
}
