package io.stateway.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.testsupport.TestDatabase;
import io.stateway.testsupport.WithTestServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/** Several replicas starting at once against an empty database: one migrates, the others wait and find it done. */
@WithTestServers
class FlywayConcurrentStartTest {

    private static final int REPLICAS = 4;

    @Test
    void migrate_replicasStartingTogether_applyEachMigrationOnce(TestDatabase database) throws Exception {
        CyclicBarrier start = new CyclicBarrier(REPLICAS);
        List<Future<MigrateResult>> results = new ArrayList<>();
        try (ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS)) {
            for (int i = 0; i < REPLICAS; i++) {
                results.add(replicas.submit(() -> {
                    Flyway flyway = asTheServiceConfiguresIt(database);
                    start.await();
                    return flyway.migrate();
                }));
            }
        }

        int applied = 0;
        for (Future<MigrateResult> result : results) {
            assertThat(result.get().success).isTrue();
            applied += result.get().migrationsExecuted;
        }
        int available =
                (int) Arrays.stream(asTheServiceConfiguresIt(database).info().applied())
                        .filter(migration -> migration.getVersion() != null)
                        .count();
        assertThat(applied).isEqualTo(available).isPositive();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT count(*) FROM orchestrator.flyway_schema_history
                         WHERE version IS NOT NULL AND success""")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(available);
        }
    }

    private static Flyway asTheServiceConfiguresIt(TestDatabase database) {
        FluentConfiguration configuration = Flyway.configure().dataSource(database.dataSource());
        new OrchestratorDatabaseConfiguration()
                .orchestratorSchema(new OrchestratorProperties("orchestrator", "stateway_reader"))
                .customize(configuration);
        return configuration.load();
    }
}
