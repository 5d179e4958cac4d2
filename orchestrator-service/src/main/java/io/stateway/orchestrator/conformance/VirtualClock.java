package io.stateway.orchestrator.conformance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the durable conformance run moves to the next due time, so no case really waits. */
public final class VirtualClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    /** Moves the clock forward to {@code instant}; never backwards. */
    public void advanceTo(Instant instant) {
        now.accumulateAndGet(instant, (current, target) -> target.isAfter(current) ? target : current);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
