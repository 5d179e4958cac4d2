package io.stateway.orchestrator.api;

import io.stateway.orchestrator.asl.RandomSource;
import io.stateway.orchestrator.asl.SystemRandomSource;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The control plane's randomness (revision ids, alias routing): the application's {@link
 * RandomSource} where exactly one is defined, else the platform's.
 */
@Component
public final class ApiRandom {

    private final RandomSource random;

    public ApiRandom(ObjectProvider<RandomSource> random) {
        this.random = random.getIfUnique(() -> SystemRandomSource.INSTANCE);
    }

    /** A double in [0, 1). */
    public double nextDouble() {
        return random.nextDouble();
    }

    public UUID nextUuid() {
        return random.nextUuid();
    }
}
