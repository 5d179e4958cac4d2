package io.stateway.orchestrator.asl;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Randomness from the platform, for executions that need not be replayed. */
public final class SystemRandomSource implements RandomSource {

    public static final SystemRandomSource INSTANCE = new SystemRandomSource();

    private SystemRandomSource() {}

    @Override
    public double nextDouble() {
        return ThreadLocalRandom.current().nextDouble();
    }

    @Override
    public UUID nextUuid() {
        return UUID.randomUUID();
    }
}
