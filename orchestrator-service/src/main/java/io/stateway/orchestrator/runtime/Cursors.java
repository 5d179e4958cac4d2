package io.stateway.orchestrator.runtime;

import io.stateway.orchestrator.asl.engine.Cursor;
import io.stateway.orchestrator.asl.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code cursors} table. */
@Repository
class Cursors {

    static final String COLUMNS = """
            execution_id, id, parent_id, child_index, status, state, output,
            children_total, children_started, children_running, children_failed""";

    static final String LOAD = "SELECT " + COLUMNS + " FROM cursors WHERE execution_id = :executionId AND id = :id";

    static final String UPSERT = """
            INSERT INTO cursors (execution_id, id, parent_id, child_index, status, state, output,
                                 children_total, children_started, children_running, children_failed)
            VALUES (:executionId, :id, :parentId, :childIndex, :status, CAST(:state AS jsonb), :output,
                    :childrenTotal, :childrenStarted, :childrenRunning, :childrenFailed)
            ON CONFLICT (execution_id, id) DO UPDATE
               SET status = EXCLUDED.status, state = EXCLUDED.state, output = EXCLUDED.output,
                   children_total = EXCLUDED.children_total, children_started = EXCLUDED.children_started,
                   children_running = EXCLUDED.children_running, children_failed = EXCLUDED.children_failed""";

    static final String CHILD_OUTPUTS = """
            SELECT output FROM cursors
             WHERE execution_id = :executionId AND parent_id = :parentId
             ORDER BY child_index""";

    static final String RUNNING_CHILDREN = "SELECT " + COLUMNS + " " + """
             FROM cursors WHERE execution_id = :executionId AND parent_id = :parentId AND status = 'RUNNING'
             ORDER BY child_index""";

    static final String DELETE_SUBTREE = """
            DELETE FROM cursors WHERE execution_id = :executionId AND (id = :id OR id LIKE :descendants)""";

    static final String DELETE_CHILDREN =
            "DELETE FROM cursors WHERE execution_id = :executionId AND id LIKE :descendants";

    static final String DELETE_ALL_BUT_MAIN = "DELETE FROM cursors WHERE execution_id = :executionId AND id <> '0'";

    private final JdbcClient jdbc;

    Cursors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CursorRow> load(long executionId, String id) {
        return jdbc.sql(LOAD)
                .param("executionId", executionId)
                .param("id", id)
                .query(Cursors::row)
                .optional();
    }

    void save(CursorRow row) {
        jdbc.sql(UPSERT)
                .param("executionId", row.executionId())
                .param("id", row.id())
                .param("parentId", row.parentId())
                .param("childIndex", row.childIndex())
                .param("status", row.status().name())
                .param("state", Json.MAPPER.writeValueAsString(row.cursor()))
                .param("output", row.output())
                .param("childrenTotal", row.childrenTotal())
                .param("childrenStarted", row.childrenStarted())
                .param("childrenRunning", row.childrenRunning())
                .param("childrenFailed", row.childrenFailed())
                .update();
    }

    /** The outputs of a parent's children, by index ({@code null} for a tolerated failure). */
    List<String> childOutputs(long executionId, String parentId) {
        return jdbc.sql(CHILD_OUTPUTS)
                .param("executionId", executionId)
                .param("parentId", parentId)
                .query((rs, row) -> rs.getString("output"))
                .list();
    }

    List<CursorRow> runningChildren(long executionId, String parentId) {
        return jdbc.sql(RUNNING_CHILDREN)
                .param("executionId", executionId)
                .param("parentId", parentId)
                .query(Cursors::row)
                .list();
    }

    void deleteSubtree(long executionId, String id) {
        jdbc.sql(DELETE_SUBTREE)
                .param("executionId", executionId)
                .param("id", id)
                .param("descendants", id + "/%")
                .update();
    }

    /** Removes every cursor below {@code id} (a parent collecting its children). */
    void deleteDescendants(long executionId, String id) {
        jdbc.sql(DELETE_CHILDREN)
                .param("executionId", executionId)
                .param("descendants", id + "/%")
                .update();
    }

    void deleteAllButMain(long executionId) {
        jdbc.sql(DELETE_ALL_BUT_MAIN).param("executionId", executionId).update();
    }

    private static CursorRow row(ResultSet rs, int row) throws SQLException {
        Integer childIndex = rs.getObject("child_index") == null ? null : rs.getInt("child_index");
        return new CursorRow(
                rs.getLong("execution_id"),
                rs.getString("id"),
                rs.getString("parent_id"),
                childIndex,
                CursorRow.Status.valueOf(rs.getString("status")),
                Json.MAPPER.readValue(rs.getString("state"), Cursor.class),
                rs.getString("output"),
                rs.getInt("children_total"),
                rs.getInt("children_started"),
                rs.getInt("children_running"),
                rs.getInt("children_failed"));
    }
}
