package io.stateway.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A Redis server shared by the tests of one JVM, and the key prefix that isolates one test class.
 *
 * <p>Redis isolation is by key prefix, not by database index (a shared server's 16 indexes cannot be
 * handed out safely across processes): code under test must put {@link #keyPrefix()} in front of
 * every key it writes. {@code @SpringTestServers(redis = true)} passes it to the application through
 * the property named by {@link SpringTestServers#redisKeyPrefixProperty()}.
 *
 * @param host the server's host
 * @param port the server's port
 * @param password the server's password; empty when it has none
 * @param keyPrefix unique to this test class, ends with {@code :}
 */
public record TestRedis(String host, int port, String password, String keyPrefix) {

    /** The server as a {@code redis://} URL (what {@code spring.data.redis.url} takes). */
    public String url() {
        String auth = password.isEmpty() ? "" : ":" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@";
        return "redis://" + auth + host + ":" + port;
    }
}
