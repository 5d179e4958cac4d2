package io.stateway.gateway.vtl;

import java.time.Duration;

/**
 * Caps on one rendering of a mapping template.
 *
 * @param maxLoopIterations iterations of one {@code #foreach} (API Gateway allows 1,000)
 * @param maxOutputChars characters a rendering may produce
 * @param maxRenderTime how long a rendering may take
 */
public record RenderLimits(int maxLoopIterations, int maxOutputChars, Duration maxRenderTime) {

    public static final RenderLimits DEFAULT = new RenderLimits(1000, 10 * 1024 * 1024, Duration.ofSeconds(2));
}
