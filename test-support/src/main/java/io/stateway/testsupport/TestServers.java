package io.stateway.testsupport;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL and Redis for the tests of this JVM, each found once, in this order:
 *
 * <ol>
 *   <li>servers named by {@code STATEWAY_TEST_POSTGRES_URL} (a JDBC URL of a server where the user
 *       may create databases and roles; user and password in the URL or in {@code
 *       STATEWAY_TEST_POSTGRES_USER} / {@code STATEWAY_TEST_POSTGRES_PASSWORD}) and {@code
 *       STATEWAY_TEST_REDIS_URL} ({@code redis://[:password@]host:port}); system properties {@code
 *       stateway.test.postgres.url} etc. work too. A server named there must be reachable: it is
 *       never silently replaced;
 *   <li>Testcontainers ({@code postgres:17-alpine}, {@code redis:7-alpine}) where a Docker engine
 *       exists and Testcontainers is on the test classpath (the build's {@code testcontainers}
 *       profile);
 *   <li>embedded PostgreSQL (zonky binaries from Maven Central) and embedded Redis (org.signal), on
 *       free ports, stopped when the JVM exits.
 * </ol>
 *
 * If none works, the first test that asks fails with a message that says what to start, and every
 * later one fails at once with the same message.
 *
 * <p>Tests normally use {@link WithTestServers} or {@link SpringTestServers} rather than this
 * class. Each test class (the enclosing class, for {@code @Nested} ones) gets its own database,
 * created with a unique name, and its own Redis key prefix. On a configured server the databases of
 * this JVM are dropped when it exits, and those of runs killed before they could clean up are
 * dropped after a day.
 */
public final class TestServers {

    private static final ServerResolver RESOLVER =
            new ServerResolver(System.getenv(), DockerProbe.local(), new ServerResolver.Embedded() {
                @Override
                public PostgresServer postgres() throws IOException {
                    return EmbeddedServers.postgres();
                }

                @Override
                public RedisEndpoint redis() {
                    return EmbeddedServers.redis();
                }
            });
    private static final Map<Class<?>, TestDatabase> DATABASES = new ConcurrentHashMap<>();
    private static final Map<Class<?>, TestRedis> REDIS_NAMESPACES = new ConcurrentHashMap<>();
    private static final AtomicInteger NAMESPACES_HANDED_OUT = new AtomicInteger();
    private static final String JVM_KEY_PREFIX = "stateway-test:"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ":";

    private TestServers() {}

    /** The database of this test class, created on first use. */
    public static TestDatabase databaseFor(Class<?> testClass) {
        return DATABASES.computeIfAbsent(
                outermost(testClass), owner -> RESOLVER.postgres().createDatabase(owner.getSimpleName()));
    }

    /** Redis, with the key prefix of this test class. */
    public static TestRedis redisFor(Class<?> testClass) {
        // The counter keeps apart classes of the same simple name in different packages.
        return REDIS_NAMESPACES.computeIfAbsent(
                outermost(testClass),
                owner -> RESOLVER.redis()
                        .namespace(JVM_KEY_PREFIX + owner.getSimpleName().toLowerCase(Locale.ROOT) + "-"
                                + NAMESPACES_HANDED_OUT.incrementAndGet() + ":"));
    }

    /** Where this JVM's PostgreSQL comes from, for messages. */
    public static String postgresDescription() {
        return RESOLVER.postgres().description();
    }

    /** Where this JVM's Redis comes from, for messages. */
    public static String redisDescription() {
        return RESOLVER.redis().description();
    }

    private static Class<?> outermost(Class<?> testClass) {
        Class<?> owner = testClass;
        while (owner.isMemberClass() && !Modifier.isStatic(owner.getModifiers())) {
            owner = owner.getEnclosingClass(); // a @Nested class
        }
        return owner;
    }
}
