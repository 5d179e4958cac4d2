package io.stateway.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a plain JUnit 5 test class a real PostgreSQL database and Redis: declare a parameter of
 * type {@link TestDatabase} or {@link TestRedis} on a test, {@code @BeforeEach}, {@code @BeforeAll}
 * method or constructor.
 *
 * <pre>{@code
 * @WithTestServers
 * class ClaimQueryTest {
 *     @Test
 *     void claim_twoWorkers_eachItemOnce(TestDatabase db, TestRedis redis) throws SQLException {
 *         try (Connection connection = db.connect()) { ... }
 *     }
 * }
 * }</pre>
 *
 * <p>Every method of the class sees the same database, created empty for the class (so classes run
 * in any order, also alongside other processes using the same server) and the same Redis key
 * prefix. Where the servers come from: {@link TestServers}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TestServersExtension.class)
public @interface WithTestServers {}
