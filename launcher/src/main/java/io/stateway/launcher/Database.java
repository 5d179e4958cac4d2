package io.stateway.launcher;

import java.util.Optional;

/**
 * The database the services use.
 *
 * @param jdbcUrl the orchestrator's, authorizer's and gateway's database (each keeps its own schema)
 * @param owner the login of the schema-owning services; empty to leave the URL's own
 * @param history the login of history-service: a member of the read-only reader role where one
 *     could be set up, else the owner's
 * @param description where it is, for the summary
 */
record Database(String jdbcUrl, Optional<Credentials> owner, Optional<Credentials> history, String description) {}
