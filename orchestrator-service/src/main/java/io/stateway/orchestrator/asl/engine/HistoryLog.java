package io.stateway.orchestrator.asl.engine;

import io.stateway.model.history.EventDetails;
import io.stateway.model.history.HistoryEvent;
import io.stateway.model.history.HistoryEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The events one engine step appends to an execution's history, numbered from the execution's
 * last event id; the runtime persists them with the step.
 */
public final class HistoryLog {

    private final List<Object> events = new ArrayList<>();
    private final Instant now;
    private final long maxId;
    private long lastId;

    /** A log without a size limit. */
    public HistoryLog(long lastId, Instant now) {
        this(lastId, now, Long.MAX_VALUE);
    }

    /**
     * @param maxId the highest event id the execution may reach: appending past it throws
     *     {@link LimitExceeded} (AWS's 25,000-event cap)
     */
    public HistoryLog(long lastId, Instant now, long maxId) {
        this.lastId = lastId;
        this.now = now;
        this.maxId = maxId;
    }

    long append(long previousEventId, HistoryEventType type, EventDetails details) {
        long id = nextId();
        events.add(new HistoryEvent(id, previousEventId, now, type, details));
        return id;
    }

    /**
     * Appends an event whose details are built only when the history is read: rendering payloads
     * as JSON text is most of the cost of a Pass or Choice state, and Express executions never read
     * their history.
     */
    long appendLazily(long previousEventId, HistoryEventType type, Supplier<EventDetails> details) {
        long id = nextId();
        events.add(new Pending(id, previousEventId, type, details));
        return id;
    }

    private record Pending(long id, long previousEventId, HistoryEventType type, Supplier<EventDetails> details) {}

    private long nextId() {
        if (lastId >= maxId) {
            throw new LimitExceeded(maxId);
        }
        return ++lastId;
    }

    /** The events appended so far, in order. */
    public List<HistoryEvent> events() {
        List<HistoryEvent> materialized = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof Pending pending) {
                HistoryEvent event = new HistoryEvent(
                        pending.id(),
                        pending.previousEventId(),
                        now,
                        pending.type(),
                        pending.details().get());
                events.set(i, event);
                materialized.add(event);
            } else {
                materialized.add((HistoryEvent) events.get(i));
            }
        }
        return materialized;
    }

    /** The id of the newest event of the execution. */
    public long lastId() {
        return lastId;
    }

    public Instant now() {
        return now;
    }

    /** The execution's history would grow past its limit. */
    public static final class LimitExceeded extends RuntimeException {
        LimitExceeded(long maxId) {
            super("History limit of " + maxId + " events reached", null, false, false);
        }
    }
}
