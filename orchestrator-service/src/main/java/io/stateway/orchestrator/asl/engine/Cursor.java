package io.stateway.orchestrator.asl.engine;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One thread of control of an execution (the main flow, a Parallel branch, a Map iteration) between
 * two engine steps: everything the engine needs to continue it, so that a runtime can persist it
 * and continue on any replica.
 *
 * @param id unique within the execution ({@code 0} for the main flow)
 * @param flow the steps from the machine's top-level flow to the one this cursor runs
 * @param input the current state's raw input
 * @param enteredEventId the id of the current state's entered event (0 before it is entered)
 * @param enteredPreviousEventId the {@code previousEventId} of that event
 * @param sourceEventId the event the next event of this cursor follows
 * @param retryCount retries of the current state so far
 * @param retrierAttempts retries so far per retrier of the current state
 * @param pending what the current state left when it suspended (its fork), or {@code null}
 * @param childEventId the latest event that recorded the end of one of its children (0: none)
 */
public record Cursor(
        String id,
        List<FlowStep> flow,
        String state,
        Phase phase,
        JsonNode input,
        long enteredEventId,
        long enteredPreviousEventId,
        Instant enteredTime,
        long sourceEventId,
        int retryCount,
        List<Integer> retrierAttempts,
        JsonNode pending,
        long childEventId,
        Variables variables) {

    public Cursor {
        flow = List.copyOf(flow);
        retrierAttempts = List.copyOf(retrierAttempts);
    }

    /** A cursor about to enter {@code state}. */
    static Cursor entering(String id, List<FlowStep> flow, String state, JsonNode input, long source, Variables vars) {
        return new Cursor(id, flow, state, Phase.ENTER, input, 0, 0, null, source, 0, List.of(), null, 0, vars);
    }
}
