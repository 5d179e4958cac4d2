package io.stateway.gateway;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway migrates this service's own schema, named by {@link GatewayProperties}, at start-up.
 * Replicas starting together are safe: on PostgreSQL, Flyway serialises migration with an advisory
 * lock, and the later replicas find the schema up to date. The request path never reads the
 * database: API definitions are compiled into an in-memory routing table.
 */
@Configuration(proxyBeanMethods = false)
class GatewayDatabaseConfiguration {

    @Bean
    FlywayConfigurationCustomizer gatewaySchema(GatewayProperties properties) {
        return flyway -> flyway.locations("classpath:db/migration/gateway")
                .schemas(properties.schema())
                .defaultSchema(properties.schema());
    }
}
