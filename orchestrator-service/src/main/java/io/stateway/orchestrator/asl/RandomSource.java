package io.stateway.orchestrator.asl;

import java.util.UUID;

/**
 * Where the engine's randomness comes from ({@code States.UUID}, {@code States.MathRandom},
 * {@code $random()}, {@code $uuid()}, retry jitter), so that runs can be replayed.
 */
public interface RandomSource {

    /** A double in [0, 1). */
    double nextDouble();

    /** A random (version 4) UUID. */
    UUID nextUuid();
}
