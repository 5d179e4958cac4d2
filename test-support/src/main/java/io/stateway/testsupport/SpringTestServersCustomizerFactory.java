package io.stateway.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** Turns {@link SpringTestServers} into Spring properties for the test class's application context. */
final class SpringTestServersCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        SpringTestServers servers = TestContextAnnotationUtils.findMergedAnnotation(testClass, SpringTestServers.class);
        return servers == null ? null : new Customizer(testClass, servers.redis(), servers.redisKeyPrefixProperty());
    }

    /** A record, so that its equality (the context cache key) is per test class and settings. */
    private record Customizer(Class<?> testClass, boolean redis, String redisKeyPrefixProperty)
            implements ContextCustomizer {

        private static final String SOURCE_NAME = "statewayTestServers";

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Map<String, Object> properties = new LinkedHashMap<>();
            TestDatabase database = TestServers.databaseFor(testClass);
            properties.put("spring.datasource.url", database.jdbcUrl());
            properties.put("spring.datasource.username", database.username());
            properties.put("spring.datasource.password", database.password());
            if (redis) {
                TestRedis testRedis = TestServers.redisFor(testClass);
                properties.put("spring.data.redis.url", testRedis.url());
                properties.put(redisKeyPrefixProperty, testRedis.keyPrefix());
            }
            // Below the test's own inlined properties, above application.yaml.
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource source = new MapPropertySource(SOURCE_NAME, properties);
            String inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
            if (sources.contains(inlined)) {
                sources.addAfter(inlined, source);
            } else {
                sources.addFirst(source);
            }
        }
    }
}
