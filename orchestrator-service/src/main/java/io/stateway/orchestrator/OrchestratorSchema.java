package io.stateway.orchestrator;

import java.util.Map;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * How Flyway migrates the orchestrator's schema. Public so that tests of services that read this
 * schema (history-service) can build it exactly as the orchestrator does.
 */
public final class OrchestratorSchema {

    /** Where the migrations are, on the classpath of orchestrator-service's jar. */
    public static final String MIGRATIONS = "classpath:db/migration/orchestrator";

    private OrchestratorSchema() {}

    /** Points Flyway at the orchestrator's migrations, its schema and the reader role they grant to. */
    public static FluentConfiguration configure(FluentConfiguration flyway, String schema, String readerRole) {
        return flyway.locations(MIGRATIONS)
                .schemas(schema)
                .defaultSchema(schema)
                .placeholders(Map.of("reader_role", readerRole));
    }
}
