package io.stateway.orchestrator;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of orchestrator-service, under {@code stateway.orchestrator}; defaults and their
 * documentation are in {@code application.yaml}, and docs/configuration.md lists them all.
 *
 * @param schema the PostgreSQL schema this service owns: Flyway migrates it, connections use it
 * @param readerRole the group role granted read-only access to the schema, which history-service
 *     connects through (docs/database.md)
 */
@Validated
@ConfigurationProperties("stateway.orchestrator")
public record OrchestratorProperties(
        @NotNull @Pattern(regexp = SQL_NAME, message = SQL_NAME_MESSAGE)
        String schema,

        @NotNull @Pattern(regexp = SQL_NAME, message = SQL_NAME_MESSAGE)
        String readerRole) {

    /** Names are spliced into SQL (migrations, search_path), so only plain lower-case identifiers. */
    static final String SQL_NAME = "[a-z_][a-z0-9_]{0,62}";

    static final String SQL_NAME_MESSAGE = "must be a lower-case SQL identifier ([a-z_][a-z0-9_]*, at most 63)";
}
