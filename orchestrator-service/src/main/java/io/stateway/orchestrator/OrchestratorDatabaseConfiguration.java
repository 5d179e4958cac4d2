package io.stateway.orchestrator;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway migrates this service's own schema, named by {@link OrchestratorProperties}, at start-up.
 * Replicas starting together are safe: on PostgreSQL, Flyway serialises migration with an advisory
 * lock, and the later replicas find the schema up to date.
 */
@Configuration(proxyBeanMethods = false)
class OrchestratorDatabaseConfiguration {

    @Bean
    FlywayConfigurationCustomizer orchestratorSchema(OrchestratorProperties properties) {
        return flyway -> OrchestratorSchema.configure(flyway, properties.schema(), properties.readerRole());
    }
}
