package io.stateway.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.state.TaskResult;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The invariant checker passes real runs and catches each kind of violation planted in the tables. */
class InvariantCheckerTest extends DurableRuntimeTesting {

    @Autowired
    DataSource dataSource;

    @Test
    void checker_passesRealExecutions_andReportsEachPlantedViolation() {
        FUNCTIONS.register("charge", event -> Json.NODES.objectNode().put("id", "receipt-1"));
        List<String> arns = List.of(
                start("pass-result-path", "ok-pass", "{\"name\": \"Ada\"}").executionArn(),
                start("map-items", "ok-map", "{\"orders\": [\"a\", \"b\"], \"customer\": \"c\"}")
                        .executionArn(),
                start("parallel-branches", "ok-parallel", "{\"value\": 3}").executionArn(),
                start("task-retry-catch", "ok-task", "{\"amount\": 5}").executionArn());
        arns.forEach(this::awaitClosed);
        InvariantChecker checker = InvariantChecker.on(dataSource)
                .acknowledged(arns, Duration.ofSeconds(10))
                .leases(CLOCK::instant, Duration.ofSeconds(5))
                .oracle(request ->
                        new TaskResult.Succeeded(Json.NODES.objectNode().put("id", "receipt-1")));

        checker.assertHold();

        JdbcClient jdbc = JdbcClient.create(dataSource);
        long pass = id(jdbc, arns.get(0));
        long map = id(jdbc, arns.get(1));
        long parallel = id(jdbc, arns.get(2));
        long task = id(jdbc, arns.get(3));
        jdbc.sql("DELETE FROM orchestrator.history_events WHERE execution_id = ? AND id = 2")
                .param(pass)
                .update();
        appendCopyOfLast(jdbc, map); // a second ExecutionSucceeded
        jdbc.sql("""
                        INSERT INTO orchestrator.history_events (execution_id, id, previous_event_id, type, timestamp)
                        SELECT execution_id, (SELECT max(id) + 1 FROM orchestrator.history_events WHERE execution_id = ?),
                               previous_event_id, type, timestamp
                          FROM orchestrator.history_events WHERE execution_id = ? AND type = 'LambdaFunctionSucceeded'""").params(task, task).update();
        jdbc.sql("UPDATE orchestrator.executions SET last_event_id = last_event_id + 1 WHERE id = ?")
                .param(task)
                .update();
        worker.stop(); // no replica left to take the planted item over
        jdbc.sql("""
                        INSERT INTO orchestrator.work_items (execution_id, cursor_id, kind, due_at, claimed_by, fence)
                        VALUES (?, '0', 'ADVANCE', ?, 'lost-worker', 1)""")
                .params(parallel, java.sql.Timestamp.from(CLOCK.instant().minusSeconds(60)))
                .update();
        jdbc.sql("UPDATE orchestrator.executions SET output = '{\"value\": 4}' WHERE id = ?")
                .param(parallel)
                .update();

        assertThat(checker.contiguousIds()).singleElement().asString().startsWith("1: " + arns.get(0));
        assertThat(checker.startAndTerminalEvents()).singleElement().asString().startsWith("2: " + arns.get(1));
        assertThat(checker.oneOutcomePerAttempt())
                .singleElement()
                .asString()
                .startsWith("3: " + arns.get(3))
                .endsWith("has more than one outcome");
        assertThat(checker.noStuckWork())
                .anySatisfy(v -> assertThat(v).startsWith("4: work item").contains(arns.get(2)))
                .anySatisfy(v -> assertThat(v).startsWith("4: " + arns.get(2) + " is SUCCEEDED but has 1"));
        assertThat(checker.outputsMatchTheInMemoryEngine())
                .anySatisfy(v -> assertThat(v).startsWith("6: " + arns.get(2)));
        assertThat(InvariantChecker.on(dataSource)
                        .acknowledged(List.of(arns.get(0) + "-never-stored"), Duration.ofMillis(200))
                        .awaitTerminal())
                .singleElement()
                .asString()
                .startsWith("5: ")
                .contains("was acknowledged but is not in the database");
        assertThatThrownBy(checker::assertHold).hasMessageStartingWith("6 invariant violation(s)");
    }

    private static long id(JdbcClient jdbc, String arn) {
        return jdbc.sql("SELECT id FROM orchestrator.executions WHERE arn = ?")
                .param(arn)
                .query(Long.class)
                .single();
    }

    private static void appendCopyOfLast(JdbcClient jdbc, long execution) {
        jdbc.sql("""
                        INSERT INTO orchestrator.history_events (execution_id, id, previous_event_id, type, timestamp, details)
                        SELECT execution_id, id + 1, id, type, timestamp, details
                          FROM orchestrator.history_events WHERE execution_id = ?
                         ORDER BY id DESC LIMIT 1""").param(execution).update();
        jdbc.sql("UPDATE orchestrator.executions SET last_event_id = last_event_id + 1 WHERE id = ?")
                .param(execution)
                .update();
    }
}
