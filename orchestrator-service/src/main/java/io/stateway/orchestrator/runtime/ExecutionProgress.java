package io.stateway.orchestrator.runtime;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When an execution next has something to do, and a way to make this replica look for work now:
 * what a driver of a virtual clock (the durable conformance run) needs to collapse waits.
 */
@Component
public class ExecutionProgress {

    static final String NEXT_DUE = """
            SELECT min(w.due_at) FROM work_items w JOIN executions e ON e.id = w.execution_id
             WHERE e.arn = :arn""";

    private final JdbcClient jdbc;
    private final OutboxWorker worker;

    ExecutionProgress(JdbcClient jdbc, OutboxWorker worker) {
        this.jdbc = jdbc;
        this.worker = worker;
    }

    /** The due time of the execution's earliest pending work item, if it has any. */
    public Optional<Instant> nextDueAt(String executionArn) {
        return jdbc.sql(NEXT_DUE)
                .param("arn", executionArn)
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    /** Claims due work now rather than at the next poll. */
    public void nudge() {
        worker.wake();
    }
}
