package io.stateway.history.events;

import java.time.Instant;

/**
 * A history event as the orchestrator stored it.
 *
 * @param type the event type's name ({@code TaskStateEntered}, ...)
 * @param details the type's details object as JSON text in AWS's shape, or {@code null}
 */
public record StoredEvent(long id, long previousEventId, Instant timestamp, String type, String details) {}
