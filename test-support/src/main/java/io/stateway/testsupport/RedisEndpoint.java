package io.stateway.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A Redis server that tests share, each test class under its own key prefix. */
final class RedisEndpoint implements ServerResolver.Described {

    private final String host;
    private final int port;
    private final String password;
    private final String description;
    private final Set<String> prefixes = ConcurrentHashMap.newKeySet();

    private RedisEndpoint(String host, int port, String password, String description, boolean cleanOnExit) {
        this.host = host;
        this.port = port;
        this.password = password;
        this.description = description;
        if (cleanOnExit) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::deleteKeys, "stateway-test-redis-cleanup"));
        }
    }

    /** A long-lived server named by configuration: this JVM's keys are deleted when it exits. */
    static RedisEndpoint configured(String url) {
        URI uri = URI.create(url);
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    ServerResolver.REDIS_URL + " must look like redis://[:password@]host:port, not " + url);
        }
        String password = "";
        if (uri.getRawUserInfo() != null) {
            String userInfo = uri.getRawUserInfo();
            password = URLDecoder.decode(userInfo.substring(userInfo.indexOf(':') + 1), StandardCharsets.UTF_8);
        }
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        String where = uri.getHost() + ":" + port;
        return new RedisEndpoint(
                uri.getHost(), port, password, "Redis from " + ServerResolver.REDIS_URL + " (" + where + ")", true);
    }

    /** A server that lives as long as this JVM. */
    static RedisEndpoint ephemeral(String host, int port, String description) {
        return new RedisEndpoint(host, port, "", description, false);
    }

    @Override
    public String description() {
        return description;
    }

    void verifyReachable(String configuredBy) {
        try (RespClient client = RespClient.connect(host, port, password)) {
            client.ping();
        } catch (IOException e) {
            throw new IllegalStateException(configuredBy + " names " + host + ":" + port
                    + " but it cannot be reached: " + e.getMessage()
                    + "\nStart that server, fix the variable, or unset it to use Testcontainers or embedded servers."
                    + " See docs/testing.md.");
        }
    }

    TestRedis namespace(String keyPrefix) {
        prefixes.add(keyPrefix);
        return new TestRedis(host, port, password, keyPrefix);
    }

    private void deleteKeys() {
        try (RespClient client = RespClient.connect(host, port, password)) {
            for (String prefix : prefixes) {
                client.deleteByPrefix(prefix);
            }
        } catch (IOException e) {
            // Keys of one run are few and carry the run's prefix; nothing else depends on their removal.
        }
    }
}
