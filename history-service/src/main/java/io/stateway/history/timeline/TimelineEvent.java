package io.stateway.history.timeline;

import java.time.Instant;

/**
 * What a timeline needs of one history event: its links, type and time, and a few members of its
 * details (never the payloads themselves, only their sizes).
 *
 * @param name the state the event names ({@code name}, or {@code state} for EvaluationFailed)
 * @param index a Map iteration's index
 * @param length a Map's item count ({@code MapStateStarted})
 * @param inputBytes the UTF-8 size of the event's {@code input}, if it has one
 * @param outputBytes the UTF-8 size of its {@code output}
 */
public record TimelineEvent(
        long id,
        long previousEventId,
        String type,
        Instant timestamp,
        String name,
        Integer index,
        Integer length,
        String error,
        String cause,
        Long inputBytes,
        Long outputBytes) {}
