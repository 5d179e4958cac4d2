package io.stateway.history.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The orchestrator's append-only {@code history_events} table, read only. Pages follow its primary
 * key {@code (execution_id, id)}: ids are 1..n per execution and commit in order (the execution's
 * row lock serialises its transitions), so a keyset page never skips or repeats an event however
 * many are appended meanwhile.
 */
@Repository
public class HistoryEvents {

    static final String PAGE_FORWARD = """
            SELECT id, previous_event_id, type, timestamp, details FROM history_events
             WHERE execution_id = :executionId AND id > :after
               AND (CAST(:types AS text) IS NULL OR type = ANY(string_to_array(:types, ',')))
               AND (CAST(:stateName AS text) IS NULL OR state_name = :stateName)
             ORDER BY id LIMIT :limit""";

    static final String PAGE_BACKWARD = """
            SELECT id, previous_event_id, type, timestamp, details FROM history_events
             WHERE execution_id = :executionId AND id < :before
               AND (CAST(:types AS text) IS NULL OR type = ANY(string_to_array(:types, ',')))
               AND (CAST(:stateName AS text) IS NULL OR state_name = :stateName)
             ORDER BY id DESC LIMIT :limit""";

    /** The events after {@code after} up to {@code upTo}: what a live stream sends next. */
    static final String RANGE = """
            SELECT id, previous_event_id, type, timestamp, details FROM history_events
             WHERE execution_id = :executionId AND id > :after AND id <= :upTo
             ORDER BY id""";

    private final JdbcClient jdbc;

    HistoryEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of events: forward, those after {@code bound} in order; reversed, those before it,
     * newest first.
     *
     * @param types the event types to keep, comma-separated, or {@code null} for all
     * @param stateName only events that name this state, or {@code null}
     */
    List<StoredEvent> page(long executionId, long bound, boolean reverse, String types, String stateName, int limit) {
        return jdbc.sql(reverse ? PAGE_BACKWARD : PAGE_FORWARD)
                .param("executionId", executionId)
                .param(reverse ? "before" : "after", bound)
                .param("types", types)
                .param("stateName", stateName)
                .param("limit", limit)
                .query(HistoryEvents::row)
                .list();
    }

    /** The events with ids in {@code (after, upTo]}, in order. */
    public List<StoredEvent> range(long executionId, long after, long upTo) {
        return jdbc.sql(RANGE)
                .param("executionId", executionId)
                .param("after", after)
                .param("upTo", upTo)
                .query(HistoryEvents::row)
                .list();
    }

    static StoredEvent row(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(
                rs.getLong("id"),
                rs.getLong("previous_event_id"),
                rs.getObject("timestamp", OffsetDateTime.class).toInstant(),
                rs.getString("type"),
                rs.getString("details"));
    }
}
