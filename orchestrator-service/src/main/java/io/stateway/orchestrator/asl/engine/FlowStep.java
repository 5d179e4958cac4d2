package io.stateway.orchestrator.asl.engine;

/**
 * One step from a flow into a nested one: the Parallel or Map state that owns it and, for
 * Parallel, the branch index (0 for a Map's item processor).
 */
public record FlowStep(String state, int branch) {}
