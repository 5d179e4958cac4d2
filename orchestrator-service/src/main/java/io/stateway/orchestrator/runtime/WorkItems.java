package io.stateway.orchestrator.runtime;

import io.stateway.orchestrator.asl.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/** The outbox table: claiming due items, adding new ones, and consuming them under their fence. */
@Repository
class WorkItems {

    /**
     * A lease is not worth a WAL flush: the claim and the lease extension commit without waiting for
     * theirs ({@code synchronous_commit} off for that one statement's transaction, by
     * {@code set_config(..., true)}). A lease lost in a database crash only makes its item due again
     * with its old fence, so the worker's result is rejected as stale; and the transition that
     * consumes the item commits synchronously, which flushes the WAL up to and including the claim.
     * Starts and transitions keep {@code synchronous_commit = on}.
     */
    private static final String LEASE_ONLY = "(SELECT set_config('synchronous_commit', 'off', true)) lease_only";

    /**
     * Takes up to {@code :batch} due items. Claiming moves {@code due_at} to the end of the lease (so
     * the item is due again only if this worker is lost) and bumps the fence. The inner
     * {@code ORDER BY due_at} uses {@code work_items_due}; SKIP LOCKED lets replicas claim side by side.
     */
    static final String CLAIM = """
            UPDATE work_items w
               SET due_at = :leaseUntil, fence = w.fence + 1, claimed_by = :worker, attempts = w.attempts + 1
              FROM (SELECT id FROM work_items
                     WHERE due_at <= :now
                     ORDER BY due_at
                     LIMIT :batch
                     FOR UPDATE SKIP LOCKED) due, %s
             WHERE w.id = due.id
            RETURNING w.id, w.execution_id, w.cursor_id, w.kind, w.due_at, w.payload, w.fence, w.attempts""".formatted(LEASE_ONLY);

    static final String INSERT = """
            INSERT INTO work_items (execution_id, cursor_id, kind, due_at, payload)
            VALUES (:executionId, :cursorId, :kind, :dueAt, CAST(:payload AS jsonb))""";

    /** Consumes an item only if the claim that ran it is still the current one (the fence). */
    static final String CONSUME = "DELETE FROM work_items WHERE id = :id AND fence = :fence";

    /** Extends a running task's lease, under its fence (a lost extension at worst repeats the call). */
    static final String EXTEND =
            "UPDATE work_items SET due_at = :leaseUntil FROM " + LEASE_ONLY + " WHERE id = :id AND fence = :fence";

    static final String DELETE_CURSORS = """
            DELETE FROM work_items
             WHERE execution_id = :executionId AND (cursor_id = :cursorId OR cursor_id LIKE :descendants)""";

    static final String DELETE_EXECUTION = "DELETE FROM work_items WHERE execution_id = :executionId";

    /** The items of one cursor only (a callback answered: its pending call and timeouts go). */
    static final String DELETE_CURSOR =
            "DELETE FROM work_items WHERE execution_id = :executionId AND cursor_id = :cursorId";

    /** Moves a callback task's heartbeat deadline (SendTaskHeartbeat). */
    static final String POSTPONE_HEARTBEAT = """
            UPDATE work_items SET due_at = :dueAt
             WHERE execution_id = :executionId AND cursor_id = :cursorId AND kind = 'HEARTBEAT_TIMEOUT'""";

    private final JdbcClient jdbc;

    WorkItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<WorkItem> claim(String worker, Instant now, Duration lease, int batch) {
        return jdbc.sql(CLAIM)
                .param("leaseUntil", Timestamp.from(now.plus(lease)))
                .param("worker", worker)
                .param("now", Timestamp.from(now))
                .param("batch", batch)
                .query(WorkItems::row)
                .list();
    }

    void add(long executionId, String cursorId, WorkItem.Kind kind, Instant dueAt, JsonNode payload) {
        jdbc.sql(INSERT)
                .param("executionId", executionId)
                .param("cursorId", cursorId)
                .param("kind", kind.name())
                .param("dueAt", Timestamp.from(dueAt))
                .param("payload", payload == null ? null : Json.text(payload))
                .update();
    }

    /** {@code false} when another claim took the item over: the caller's result is stale. */
    boolean consume(WorkItem item) {
        return jdbc.sql(CONSUME)
                        .param("id", item.id())
                        .param("fence", item.fence())
                        .update()
                == 1;
    }

    boolean extend(WorkItem item, Instant leaseUntil) {
        return jdbc.sql(EXTEND)
                        .param("leaseUntil", Timestamp.from(leaseUntil))
                        .param("id", item.id())
                        .param("fence", item.fence())
                        .update()
                == 1;
    }

    /** Removes the items of a cursor and of every cursor below it. */
    void deleteSubtree(long executionId, String cursorId) {
        jdbc.sql(DELETE_CURSORS)
                .param("executionId", executionId)
                .param("cursorId", cursorId)
                .param("descendants", cursorId + "/%")
                .update();
    }

    void deleteCursor(long executionId, String cursorId) {
        jdbc.sql(DELETE_CURSOR)
                .param("executionId", executionId)
                .param("cursorId", cursorId)
                .update();
    }

    void postponeHeartbeat(long executionId, String cursorId, Instant dueAt) {
        jdbc.sql(POSTPONE_HEARTBEAT)
                .param("executionId", executionId)
                .param("cursorId", cursorId)
                .param("dueAt", Timestamp.from(dueAt))
                .update();
    }

    void deleteAll(long executionId) {
        jdbc.sql(DELETE_EXECUTION).param("executionId", executionId).update();
    }

    private static WorkItem row(ResultSet rs, int row) throws SQLException {
        String payload = rs.getString("payload");
        return new WorkItem(
                rs.getLong("id"),
                rs.getLong("execution_id"),
                rs.getString("cursor_id"),
                WorkItem.Kind.valueOf(rs.getString("kind")),
                rs.getTimestamp("due_at").toInstant(),
                payload == null ? null : Json.parse(payload),
                rs.getLong("fence"),
                rs.getInt("attempts"));
    }
}
