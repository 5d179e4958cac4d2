package io.stateway.model.history;

import java.time.Instant;

/**
 * One event of an execution's history, as {@code GetExecutionHistory} returns it. Ids are 1..n per
 * execution; {@code previousEventId} links an event to the one that led to it within its branch.
 *
 * @param details the type's details, or {@code null} for types that carry none
 */
public record HistoryEvent(
        long id, long previousEventId, Instant timestamp, HistoryEventType type, EventDetails details) {}
