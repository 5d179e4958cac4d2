package io.stateway.authorizer;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway migrates this service's own schema, named by {@link AuthorizerProperties}, at start-up.
 * Replicas starting together are safe: on PostgreSQL, Flyway serialises migration with an advisory
 * lock, and the later replicas find the schema up to date.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizerDatabaseConfiguration {

    @Bean
    FlywayConfigurationCustomizer authorizerSchema(AuthorizerProperties properties) {
        return flyway -> flyway.locations("classpath:db/migration/authorizer")
                .schemas(properties.schema())
                .defaultSchema(properties.schema());
    }
}
