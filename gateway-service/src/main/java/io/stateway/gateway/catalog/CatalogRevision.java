package io.stateway.gateway.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalog's change counter. Every change increments it in its own transaction; replicas poll it and
 * rebuild their routing table when it moved.
 */
@Component
public class CatalogRevision {

    private static final String BUMP =
            "UPDATE catalog_revision SET revision = revision + 1, changed_at = now() WHERE id = 1";
    private static final String CURRENT = "SELECT revision FROM catalog_revision WHERE id = 1";

    private final JdbcClient jdbc;

    CatalogRevision(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the catalog as changed; call inside the transaction that changes it. */
    void bump() {
        jdbc.sql(BUMP).update();
    }

    public long current() {
        return jdbc.sql(CURRENT).query(Long.class).single();
    }
}
