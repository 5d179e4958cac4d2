package io.stateway.gateway.vtl;

import java.time.Duration;

/**
 * When a rendering must have finished. Measured with {@link System#nanoTime()}: a CPU budget on a
 * running computation, not a point in the domain's time.
 */
final class Deadline {

    private final long endNanos;
    private final Duration budget;

    Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    void check() {
        if (System.nanoTime() - endNanos > 0) {
            throw new RenderLimitException("The mapping template ran longer than " + budget.toMillis() + " ms");
        }
    }
}
