package io.stateway.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Points a {@code @SpringBootTest} class at a real PostgreSQL database of its own (and Redis, if
 * asked) by setting {@code spring.datasource.url}, {@code .username} and {@code .password} (and
 * {@code spring.data.redis.url} plus the Redis key prefix property).
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
 * @SpringTestServers(redis = true)
 * class GatewayApplicationTest { ... }
 * }</pre>
 *
 * <p>The database is the one {@link WithTestServers} would give the class, so {@link TestDatabase}
 * and {@link TestRedis} parameters work here too; a static {@code @BeforeAll} method runs before the
 * application context starts, so it can prepare roles or tables the application expects. Properties
 * in {@code @SpringBootTest(properties = ...)} and {@code @DynamicPropertySource} win over these
 * (e.g. to connect as another role).
 *
 * <p>Each class gets its own application context, closed after the class (so its connections do
 * not outlive it); where the servers come from: {@link TestServers}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TestServersExtension.class)
@ContextCustomizerFactories(SpringTestServersCustomizerFactory.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface SpringTestServers {

    /** Whether to set {@code spring.data.redis.url} and the key prefix property too. */
    boolean redis() default false;

    /** The application property that receives the class's Redis key prefix ({@link TestRedis#keyPrefix()}). */
    String redisKeyPrefixProperty() default "stateway.gateway.redis.key-prefix";
}
