package io.stateway.history.definition;

import java.util.Map;

/**
 * A flow of states: the machine's top level, a Parallel branch or a Map's item processor.
 *
 * @param states by name, in the order the definition lists them
 */
public record Flow(String startAt, Map<String, StateNode> states) {

    public Flow {
        states = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(states));
    }
}
