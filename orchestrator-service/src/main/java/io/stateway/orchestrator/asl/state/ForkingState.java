package io.stateway.orchestrator.asl.state;

import io.stateway.orchestrator.asl.definition.Flow;
import tools.jackson.databind.JsonNode;

/** A state that runs child flows: Parallel branches or Map iterations. */
public sealed interface ForkingState extends State permits ParallelState, MapState {

    /** The event that records this state's failure ({@code MapStateFailed}, {@code ParallelStateFailed}). */
    io.stateway.model.history.HistoryEventType failedEventType();

    /** The flow child {@code index} runs. */
    Flow childFlow(int index);

    /** The input of child {@code index}, from the fork the state made when it ran. */
    JsonNode childInput(StateContext context, Fork fork, int index);

    /** The item of child {@code index}, for the context object's {@code Map.Item}; {@code null} for Parallel. */
    JsonNode childItem(Fork fork, int index);

    /** Whether children write {@code MapIteration*} events into the history (inline Map). */
    boolean recordsIterations();

    /** Whether children keep their own histories (distributed Map: each iteration is a child execution). */
    boolean childrenHaveOwnHistory();
}
