package io.stateway.orchestrator.runtime;

import io.stateway.model.history.EventDetails;
import io.stateway.model.history.HistoryEvent;
import io.stateway.model.history.HistoryEventType;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.history.HistoryEventJson;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/** The append-only {@code history_events} table. */
@Repository
class History {

    static final String APPEND = """
            INSERT INTO history_events (execution_id, id, previous_event_id, type, timestamp, state_name, details)
            VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""";

    static final String PAGE_FORWARD = """
            SELECT id, previous_event_id, type, timestamp, details FROM history_events
             WHERE execution_id = :executionId AND id > :after
             ORDER BY id LIMIT :limit""";

    static final String PAGE_BACKWARD = """
            SELECT id, previous_event_id, type, timestamp, details FROM history_events
             WHERE execution_id = :executionId AND id < :before
             ORDER BY id DESC LIMIT :limit""";

    private final JdbcTemplate template;
    private final JdbcClient jdbc;

    History(JdbcTemplate template, JdbcClient jdbc) {
        this.template = template;
        this.jdbc = jdbc;
    }

    void append(long executionId, List<HistoryEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        template.batchUpdate(APPEND, events, events.size(), (statement, event) -> {
            JsonNode details = HistoryEventJson.details(event);
            statement.setLong(1, executionId);
            statement.setLong(2, event.id());
            statement.setLong(3, event.previousEventId());
            statement.setString(4, event.type().name());
            statement.setTimestamp(5, Timestamp.from(event.timestamp()));
            statement.setString(6, stateName(event.details()));
            statement.setString(7, details == null ? null : Json.text(details));
        });
    }

    /** Events after {@code after} in order, or, reversed, before {@code before} newest first. */
    List<ExecutionService.StoredEvent> page(long executionId, long bound, boolean reverse, int limit) {
        return jdbc.sql(reverse ? PAGE_BACKWARD : PAGE_FORWARD)
                .param("executionId", executionId)
                .param(reverse ? "before" : "after", bound)
                .param("limit", limit)
                .query((rs, row) -> {
                    String details = rs.getString("details");
                    return new ExecutionService.StoredEvent(
                            rs.getLong("id"),
                            rs.getLong("previous_event_id"),
                            rs.getTimestamp("timestamp").toInstant(),
                            HistoryEventType.valueOf(rs.getString("type")),
                            details == null ? null : Json.parse(details));
                })
                .list();
    }

    private static String stateName(EventDetails details) {
        return switch (details) {
            case EventDetails.StateEntered entered -> entered.name();
            case EventDetails.StateExited exited -> exited.name();
            case EventDetails.MapIteration iteration -> iteration.name();
            case EventDetails.EvaluationFailed failed -> failed.state();
            case null, default -> null;
        };
    }
}
