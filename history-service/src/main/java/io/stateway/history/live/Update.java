package io.stateway.history.live;

import io.stateway.history.events.StoredEvent;
import io.stateway.model.ExecutionStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What the feed saw of one execution at one poll.
 *
 * @param lastEventId the execution's newest event id
 * @param events the events that came since the previous poll, in order: all of them up to {@code
 *     lastEventId}, or fewer (even none) when there were too many to fetch; a stream reads the rest
 */
record Update(long lastEventId, ExecutionStatus status, List<StoredEvent> events) {

    /** At most this many events are carried; a stream that is further behind reads from the database. */
    static final int MAX_EVENTS = 5_000;

    Update {
        events = List.copyOf(events);
    }

    /** This update after {@code earlier}, which its reader has not taken yet: one update with both's events. */
    Update after(Update earlier) {
        boolean contiguous = !earlier.events.isEmpty()
                && !events.isEmpty()
                && earlier.events.getLast().id() + 1 == events.getFirst().id();
        if (!contiguous || earlier.events.size() + events.size() > MAX_EVENTS) {
            return this;
        }
        List<StoredEvent> both = new ArrayList<>(earlier.events.size() + events.size());
        both.addAll(earlier.events);
        both.addAll(events);
        return new Update(lastEventId, status, both);
    }
}
