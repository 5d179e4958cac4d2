package io.stateway.orchestrator.runtime;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code task_tokens} table: callback tasks waiting for SendTaskSuccess/Failure. */
@Repository
class TaskTokens {

    /** A callback task's token and where it belongs. */
    record Token(
            String token,
            long executionId,
            String cursorId,
            long enteredEventId,
            Long heartbeatSeconds,
            Instant closedAt) {}

    static final String INSERT = """
            INSERT INTO task_tokens (token, execution_id, cursor_id, entered_event_id, heartbeat_seconds, created_at)
            VALUES (:token, :executionId, :cursorId, :enteredEventId, :heartbeatSeconds, :createdAt)""";

    static final String FIND = """
            SELECT token, execution_id, cursor_id, entered_event_id, heartbeat_seconds, closed_at
              FROM task_tokens WHERE token = :token""";

    static final String CLOSE_CURSOR = """
            UPDATE task_tokens SET closed_at = :now
             WHERE execution_id = :executionId AND cursor_id = :cursorId AND closed_at IS NULL""";

    private final JdbcClient jdbc;

    TaskTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String token, long executionId, String cursorId, long enteredEventId, Long heartbeatSeconds, Instant now) {
        jdbc.sql(INSERT)
                .param("token", token)
                .param("executionId", executionId)
                .param("cursorId", cursorId)
                .param("enteredEventId", enteredEventId)
                .param("heartbeatSeconds", heartbeatSeconds)
                .param("createdAt", Timestamp.from(now))
                .update();
    }

    Optional<Token> find(String token) {
        return jdbc.sql(FIND)
                .param("token", token)
                .query((rs, row) -> new Token(
                        rs.getString("token"),
                        rs.getLong("execution_id"),
                        rs.getString("cursor_id"),
                        rs.getLong("entered_event_id"),
                        rs.getObject("heartbeat_seconds") == null ? null : rs.getLong("heartbeat_seconds"),
                        rs.getTimestamp("closed_at") == null
                                ? null
                                : rs.getTimestamp("closed_at").toInstant()))
                .optional();
    }

    /** The cursor's task ended: its token no longer answers. */
    void closeCursor(long executionId, String cursorId, Instant now) {
        jdbc.sql(CLOSE_CURSOR)
                .param("executionId", executionId)
                .param("cursorId", cursorId)
                .param("now", Timestamp.from(now))
                .update();
    }
}
