package io.stateway.orchestrator.api;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The time the control plane stamps on what it creates (creation and update dates): the
 * application's {@link Clock} where exactly one is defined (the runtime's, which tests move),
 * else the system clock.
 */
@Component
public final class ApiClock {

    private final Clock clock;

    public ApiClock(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** Now, to the millisecond: AWS reports its dates to the millisecond, so both faces show the same date. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
