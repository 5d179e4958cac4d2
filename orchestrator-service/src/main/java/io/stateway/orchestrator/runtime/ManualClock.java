package io.stateway.orchestrator.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock moved by hand, in place of the system clock: the durable conformance run jumps it to
 * the next due time and tests move it on, so timers fire without anyone sleeping. It never goes
 * backwards.
 */
public final class ManualClock extends Clock {

    private final AtomicReference<Instant> now;

    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    /** Moves the clock forward to {@code instant} if that is later than now. */
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
