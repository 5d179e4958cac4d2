package io.stateway.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.testsupport.SpringTestServers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The claim query must find due work through {@code work_items_due}, however big the table grows. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@SpringTestServers
class ClaimQueryPlanTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void claim_readsDueItemsInDueOrderThroughTheDueIndex() {
        jdbc.sql("SET enable_seqscan = off").update();
        String claim = WorkItems.CLAIM
                .replace(":leaseUntil", "now() + interval '30 seconds'")
                .replace(":worker", "'plan-test'")
                .replace(":now", "now()")
                .replace(":batch", "32");

        List<String> plan = jdbc.sql("EXPLAIN " + claim).query(String.class).list();

        assertThat(String.join("\n", plan)).contains("work_items_due").doesNotContain("Sort");
    }
}
