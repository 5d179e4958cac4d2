package io.stateway.orchestrator.runtime;

import io.stateway.model.ExecutionStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code executions} table and the definitions they run. */
@Repository
class Executions {

    static final String COLUMNS = """
            id, arn, state_machine_arn, state_machine_name, version_arn, alias_arn, definition_hash, name, role_arn,
            status, input, output, error, cause, start_date, stop_date, last_event_id, redrive_count, redrive_date,
            trace_header""";

    static final String INSERT_DEFINITION =
            "INSERT INTO definitions (hash, definition) VALUES (:hash, :definition) ON CONFLICT (hash) DO NOTHING";

    static final String DEFINITION = "SELECT definition FROM definitions WHERE hash = :hash";

    /** Inserts unless the name is taken; the caller then reads the existing row. */
    static final String INSERT = """
            INSERT INTO executions (arn, state_machine_arn, state_machine_name, version_arn, alias_arn, definition_hash,
                                    name, role_arn, status, input, start_date, trace_header, last_event_id)
            VALUES (:arn, :stateMachineArn, :stateMachineName, :versionArn, :aliasArn, :definitionHash, :name, :roleArn,
                    'RUNNING', :input, :startDate, :traceHeader, :lastEventId)
            ON CONFLICT ON CONSTRAINT executions_name_unique DO NOTHING
            RETURNING id""";

    static final String BY_ARN = "SELECT " + COLUMNS + " FROM executions WHERE arn = :arn";

    static final String BY_NAME =
            "SELECT " + COLUMNS + " FROM executions WHERE state_machine_arn = :stateMachineArn AND name = :name";

    /** Serialises the transitions of one execution and hands out its next event ids. */
    static final String LOCK = "SELECT " + COLUMNS + " FROM executions WHERE id = :id FOR UPDATE";

    static final String LOCK_BY_ARN = "SELECT " + COLUMNS + " FROM executions WHERE arn = :arn FOR UPDATE";

    static final String ADVANCE_EVENTS = "UPDATE executions SET last_event_id = :lastEventId WHERE id = :id";

    /**
     * Closes an execution and, in the same statement (one round trip), clears what only a running
     * execution needs: its work items, its open task tokens (a late answer is then TaskTimedOut) and
     * its child cursors. The main cursor stays, at the state where it stopped, for RedriveExecution.
     */
    static final String CLOSE = """
            WITH work AS (DELETE FROM work_items WHERE execution_id = :id),
                 tokens AS (UPDATE task_tokens SET closed_at = :stopDate
                             WHERE execution_id = :id AND closed_at IS NULL),
                 children AS (DELETE FROM cursors WHERE execution_id = :id AND id <> '0')
            UPDATE executions
               SET status = :status, output = :output, error = :error, cause = :cause, stop_date = :stopDate,
                   last_event_id = :lastEventId
             WHERE id = :id""";

    static final String REOPEN = """
            UPDATE executions
               SET status = 'RUNNING', output = NULL, error = NULL, cause = NULL, stop_date = NULL,
                   redrive_count = redrive_count + 1, redrive_date = :redriveDate, last_event_id = :lastEventId
             WHERE id = :id""";

    /** A page of a state machine's (or version's, or alias's) executions, newest first. */
    static final String PAGE = "SELECT " + COLUMNS + " " + """
             FROM executions
            WHERE (state_machine_arn = :arn OR version_arn = :arn OR alias_arn = :arn)
              AND (CAST(:status AS text) IS NULL OR status = :status)
              AND (CAST(:afterStart AS timestamptz) IS NULL OR (start_date, id) < (:afterStart, :afterId))
            ORDER BY start_date DESC, id DESC
            LIMIT :limit""";

    private final JdbcClient jdbc;

    Executions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void saveDefinition(String hash, String definition) {
        jdbc.sql(INSERT_DEFINITION)
                .param("hash", hash)
                .param("definition", definition)
                .update();
    }

    Optional<String> definition(String hash) {
        return jdbc.sql(DEFINITION).param("hash", hash).query(String.class).optional();
    }

    /** The new execution's id, or empty if the name is already taken; the row carries its first events' last id. */
    Optional<Long> insert(ExecutionRow row) {
        return jdbc.sql(INSERT)
                .param("arn", row.arn())
                .param("stateMachineArn", row.stateMachineArn())
                .param("stateMachineName", row.stateMachineName())
                .param("versionArn", row.versionArn())
                .param("aliasArn", row.aliasArn())
                .param("definitionHash", row.definitionHash())
                .param("name", row.name())
                .param("roleArn", row.roleArn())
                .param("input", row.input())
                .param("startDate", Timestamp.from(row.startDate()))
                .param("traceHeader", row.traceHeader())
                .param("lastEventId", row.lastEventId())
                .query(Long.class)
                .optional();
    }

    Optional<ExecutionRow> byArn(String arn) {
        return jdbc.sql(BY_ARN).param("arn", arn).query(Executions::row).optional();
    }

    Optional<ExecutionRow> byName(String stateMachineArn, String name) {
        return jdbc.sql(BY_NAME)
                .param("stateMachineArn", stateMachineArn)
                .param("name", name)
                .query(Executions::row)
                .optional();
    }

    Optional<ExecutionRow> lock(long id) {
        return jdbc.sql(LOCK).param("id", id).query(Executions::row).optional();
    }

    Optional<ExecutionRow> lock(String arn) {
        return jdbc.sql(LOCK_BY_ARN).param("arn", arn).query(Executions::row).optional();
    }

    void advanceEvents(long id, long lastEventId) {
        jdbc.sql(ADVANCE_EVENTS)
                .param("id", id)
                .param("lastEventId", lastEventId)
                .update();
    }

    void close(
            long id,
            ExecutionStatus status,
            String output,
            String error,
            String cause,
            Instant stopDate,
            long lastEventId) {
        jdbc.sql(CLOSE)
                .param("id", id)
                .param("status", status.name())
                .param("output", output)
                .param("error", error)
                .param("cause", cause)
                .param("stopDate", Timestamp.from(stopDate))
                .param("lastEventId", lastEventId)
                .update();
    }

    void reopen(long id, Instant redriveDate, long lastEventId) {
        jdbc.sql(REOPEN)
                .param("id", id)
                .param("redriveDate", Timestamp.from(redriveDate))
                .param("lastEventId", lastEventId)
                .update();
    }

    List<ExecutionRow> page(String arn, ExecutionStatus status, Instant afterStart, long afterId, int limit) {
        return jdbc.sql(PAGE)
                .param("arn", arn)
                .param("status", status == null ? null : status.name())
                .param("afterStart", afterStart == null ? null : Timestamp.from(afterStart))
                .param("afterId", afterId)
                .param("limit", limit)
                .query(Executions::row)
                .list();
    }

    static ExecutionRow row(ResultSet rs, int row) throws SQLException {
        return new ExecutionRow(
                rs.getLong("id"),
                rs.getString("arn"),
                rs.getString("state_machine_arn"),
                rs.getString("state_machine_name"),
                rs.getString("version_arn"),
                rs.getString("alias_arn"),
                rs.getString("definition_hash"),
                rs.getString("name"),
                rs.getString("role_arn"),
                ExecutionStatus.valueOf(rs.getString("status")),
                rs.getString("input"),
                rs.getString("output"),
                rs.getString("error"),
                rs.getString("cause"),
                instant(rs, "start_date"),
                instant(rs, "stop_date"),
                rs.getLong("last_event_id"),
                rs.getInt("redrive_count"),
                instant(rs, "redrive_date"),
                rs.getString("trace_header"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
