package io.stateway.orchestrator.asl.definition;

import io.stateway.orchestrator.asl.state.State;
import java.util.Map;

/**
 * A {@code StartAt} and its {@code States}: the whole machine, a Parallel branch, or a Map's item
 * processor.
 */
public record Flow(String startAt, Map<String, State> states) {

    public Flow {
        states = Map.copyOf(states);
        if (!states.containsKey(startAt)) {
            throw new IllegalArgumentException("StartAt '" + startAt + "' is not a state");
        }
    }

    public State state(String name) {
        State state = states.get(name);
        if (state == null) {
            throw new IllegalArgumentException("No state named '" + name + "'");
        }
        return state;
    }

    public State start() {
        return states.get(startAt);
    }
}
