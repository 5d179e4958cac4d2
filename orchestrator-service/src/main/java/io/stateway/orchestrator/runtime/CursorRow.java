package io.stateway.orchestrator.runtime;

import io.stateway.orchestrator.asl.engine.Cursor;

/**
 * A row of {@code cursors}: the engine's cursor, and for a parent awaiting its children, how far
 * its fork has come.
 */
record CursorRow(
        long executionId,
        String id,
        String parentId,
        Integer childIndex,
        Status status,
        Cursor cursor,
        String output,
        int childrenTotal,
        int childrenStarted,
        int childrenRunning,
        int childrenFailed) {

    enum Status {
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    static CursorRow running(long executionId, Cursor cursor, String parentId, Integer childIndex) {
        return new CursorRow(executionId, cursor.id(), parentId, childIndex, Status.RUNNING, cursor, null, 0, 0, 0, 0);
    }

    CursorRow with(Cursor next) {
        return new CursorRow(
                executionId,
                id,
                parentId,
                childIndex,
                status,
                next,
                output,
                childrenTotal,
                childrenStarted,
                childrenRunning,
                childrenFailed);
    }

    CursorRow ended(Status ended, Cursor last, String endOutput) {
        return new CursorRow(
                executionId, id, parentId, childIndex, ended, last, endOutput, childrenTotal, childrenStarted, 0, 0);
    }

    CursorRow fork(Cursor next, int total) {
        return new CursorRow(executionId, id, parentId, childIndex, status, next, output, total, 0, 0, 0);
    }

    CursorRow counts(Cursor next, int started, int running, int failed) {
        return new CursorRow(
                executionId, id, parentId, childIndex, status, next, output, childrenTotal, started, running, failed);
    }
}
