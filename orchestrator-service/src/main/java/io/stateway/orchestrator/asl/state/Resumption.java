package io.stateway.orchestrator.asl.state;

import io.stateway.orchestrator.asl.Failure;
import tools.jackson.databind.node.ArrayNode;

/** Why a suspended state runs again. */
public sealed interface Resumption {

    /** Its timer is due. */
    record TimerFired() implements Resumption {}

    /** Its task finished. */
    record TaskFinished(TaskResult result) implements Resumption {}

    /** All its children finished; their outputs in order (Map: by index, Parallel: by branch). */
    record ChildrenSucceeded(ArrayNode outputs) implements Resumption {}

    /** Its children failed beyond what the state tolerates. */
    record ChildrenFailed(Failure failure) implements Resumption {}

    TimerFired TIMER_FIRED = new TimerFired();
}
