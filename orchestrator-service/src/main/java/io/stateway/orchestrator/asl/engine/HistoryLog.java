package io.stateway.orchestrator.asl.engine;

import io.stateway.model.history.EventDetails;
import io.stateway.model.history.HistoryEvent;
import io.stateway.model.history.HistoryEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events one engine step appends to an execution's history, numbered from the execution's
 * last event id; the runtime persists them with the step.
 */
public final class HistoryLog {

    private final List<HistoryEvent> events = new ArrayList<>();
    private final Instant now;
    private long lastId;

    public HistoryLog(long lastId, Instant now) {
        this.lastId = lastId;
        this.now = now;
    }

    long append(long previousEventId, HistoryEventType type, EventDetails details) {
        long id = ++lastId;
        events.add(new HistoryEvent(id, previousEventId, now, type, details));
        return id;
    }

    /** The events appended so far, in order. */
    public List<HistoryEvent> events() {
        return events;
    }

    /** The id of the newest event of the execution. */
    public long lastId() {
        return lastId;
    }

    public Instant now() {
        return now;
    }
}
