package io.stateway.history.timeline;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An execution's events as a timeline reads them: the members it needs, payload sizes instead of payloads. */
@Repository
class TimelineEvents {

    static final String ALL = """
            SELECT id, previous_event_id, type, timestamp,
                   coalesce(details->>'name', details->>'state') AS name,
                   CAST(details->>'index' AS integer) AS iteration,
                   CAST(details->>'length' AS integer) AS length,
                   details->>'error' AS error,
                   details->>'cause' AS cause,
                   CAST(octet_length(details->>'input') AS bigint) AS input_bytes,
                   CAST(octet_length(details->>'output') AS bigint) AS output_bytes
              FROM history_events
             WHERE execution_id = :executionId
             ORDER BY id""";

    private final JdbcClient jdbc;

    TimelineEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TimelineEvent> all(long executionId) {
        return jdbc.sql(ALL)
                .param("executionId", executionId)
                .withFetchSize(5000)
                .query((rs, row) -> new TimelineEvent(
                        rs.getLong("id"),
                        rs.getLong("previous_event_id"),
                        rs.getString("type"),
                        rs.getObject("timestamp", OffsetDateTime.class).toInstant(),
                        rs.getString("name"),
                        rs.getObject("iteration", Integer.class),
                        rs.getObject("length", Integer.class),
                        rs.getString("error"),
                        rs.getString("cause"),
                        rs.getObject("input_bytes", Long.class),
                        rs.getObject("output_bytes", Long.class)))
                .list();
    }
}
