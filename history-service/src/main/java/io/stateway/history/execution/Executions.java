package io.stateway.history.execution;

import io.stateway.history.web.ApiException;
import io.stateway.model.ExecutionStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The orchestrator's {@code executions} and {@code definitions} tables, read only. */
@Repository
public class Executions {

    static final String COLUMNS = """
            id, arn, state_machine_arn, state_machine_name, version_arn, alias_arn, definition_hash, name, status,
            input, output, error, cause, start_date, stop_date, last_event_id, redrive_count, redrive_date""";

    static final String BY_ARN = "SELECT " + COLUMNS + " FROM executions WHERE arn = :arn";

    static final String DEFINITION = "SELECT definition FROM definitions WHERE hash = :hash";

    /**
     * A page of executions, newest first, keyset-paginated on {@code (start_date, id)}. With a
     * state machine it follows the index {@code executions_by_state_machine}.
     */
    static final String SEARCH = "SELECT " + COLUMNS + " " + """
             FROM executions
            WHERE (CAST(:arn AS text) IS NULL OR state_machine_arn = :arn OR version_arn = :arn OR alias_arn = :arn)
              AND (CAST(:statuses AS text) IS NULL OR status = ANY(string_to_array(:statuses, ',')))
              AND (CAST(:startedFrom AS timestamptz) IS NULL OR start_date >= :startedFrom)
              AND (CAST(:startedTo AS timestamptz) IS NULL OR start_date < :startedTo)
              AND (CAST(:namePrefix AS text) IS NULL OR starts_with(name, :namePrefix))
              AND (CAST(:afterStart AS timestamptz) IS NULL OR (start_date, id) < (:afterStart, :afterId))
            ORDER BY start_date DESC, id DESC
            LIMIT :limit""";

    static final String COUNTS = """
            SELECT status, count(*) AS executions FROM executions
             WHERE state_machine_arn = :arn OR version_arn = :arn OR alias_arn = :arn
             GROUP BY status""";

    /** What live streams poll: how far the followed executions have come. */
    static final String PROGRESS = """
            SELECT id, status, last_event_id FROM executions
             WHERE id = ANY(CAST(string_to_array(:ids, ',') AS bigint[]))""";

    private final JdbcClient jdbc;

    Executions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ExecutionRecord> byArn(String arn) {
        return jdbc.sql(BY_ARN).param("arn", arn).query(Executions::row).optional();
    }

    /** The execution, or {@code InvalidArn} / {@code ExecutionDoesNotExist}. */
    public ExecutionRecord require(String arn) {
        ExecutionArns.requireExecution(arn);
        return byArn(arn).orElseThrow(() -> ApiException.executionDoesNotExist(arn));
    }

    public Optional<String> definition(String hash) {
        return jdbc.sql(DEFINITION).param("hash", hash).query(String.class).optional();
    }

    List<ExecutionRecord> search(ExecutionSearch search, Instant afterStart, long afterId, int limit) {
        return jdbc.sql(SEARCH)
                .param("arn", search.stateMachineArn())
                .param(
                        "statuses",
                        search.statuses().isEmpty()
                                ? null
                                : search.statuses().stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("startedFrom", timestamp(search.startedFrom()))
                .param("startedTo", timestamp(search.startedTo()))
                .param("namePrefix", search.namePrefix())
                .param("afterStart", timestamp(afterStart))
                .param("afterId", afterId)
                .param("limit", limit)
                .query(Executions::row)
                .list();
    }

    Map<ExecutionStatus, Long> counts(String stateMachineArn) {
        Map<ExecutionStatus, Long> counts = new EnumMap<>(ExecutionStatus.class);
        for (ExecutionStatus status : ExecutionStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql(COUNTS).param("arn", stateMachineArn).query(rs -> {
            counts.put(ExecutionStatus.valueOf(rs.getString("status")), rs.getLong("executions"));
        });
        return counts;
    }

    /** How far each of these executions has come (absent ones are left out). */
    public List<Progress> progress(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Progress> progress = new ArrayList<>(ids.size());
        jdbc.sql(PROGRESS)
                .param("ids", ids.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .query(rs -> {
                    progress.add(new Progress(
                            rs.getLong("id"),
                            ExecutionStatus.valueOf(rs.getString("status")),
                            rs.getLong("last_event_id")));
                });
        return progress;
    }

    /** An execution's status and newest event id. */
    public record Progress(long executionId, ExecutionStatus status, long lastEventId) {}

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static ExecutionRecord row(ResultSet rs, int row) throws SQLException {
        return new ExecutionRecord(
                rs.getLong("id"),
                rs.getString("arn"),
                rs.getString("state_machine_arn"),
                rs.getString("state_machine_name"),
                rs.getString("version_arn"),
                rs.getString("alias_arn"),
                rs.getString("definition_hash"),
                rs.getString("name"),
                ExecutionStatus.valueOf(rs.getString("status")),
                rs.getString("input"),
                rs.getString("output"),
                rs.getString("error"),
                rs.getString("cause"),
                instant(rs, "start_date"),
                instant(rs, "stop_date"),
                rs.getLong("last_event_id"),
                rs.getInt("redrive_count"),
                instant(rs, "redrive_date"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
