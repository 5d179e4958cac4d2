package io.stateway.orchestrator.asl.state;

import tools.jackson.databind.JsonNode;

/**
 * Child flows a Parallel or Map state runs.
 *
 * @param count how many children
 * @param maxConcurrency how many may run at once (0: no limit)
 * @param toleratedFailureCount failures tolerated before the state fails, or {@code null} if unset
 * @param toleratedFailurePercentage the same as a percentage of {@code count}, or {@code null}
 * @param data what the state needs to start each child (Parallel: its input; Map: the items)
 */
public record Fork(
        int count,
        int maxConcurrency,
        Integer toleratedFailureCount,
        Double toleratedFailurePercentage,
        JsonNode data) {

    /** Whether {@code failures} failed children exceed what this fork tolerates (by default: any). */
    public boolean exceedsTolerance(int failures) {
        if (toleratedFailureCount == null && toleratedFailurePercentage == null) {
            return failures > 0;
        }
        return (toleratedFailureCount != null && failures > toleratedFailureCount)
                || (toleratedFailurePercentage != null && failures * 100.0 / count > toleratedFailurePercentage);
    }
}
