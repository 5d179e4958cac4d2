package io.stateway.orchestrator.asl.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The transitions among the states of one container (the top level, a Parallel branch, a Map's
 * processor): {@code Next}, a Choice's {@code Default} and rule {@code Next}s, catchers' {@code
 * Next}. Transitions never cross containers. Only string-valued targets count; a target of the
 * wrong type is a schema finding of its own.
 */
final class TransitionGraph {

    /** A transition to {@code target}, written at {@code at}. */
    record Target(String target, Location at) {}

    private TransitionGraph() {}

    static List<Target> targets(JsonNode state, Location at) {
        List<Target> targets = new ArrayList<>();
        add(targets, state, at, "Next");
        add(targets, state, at, "Default");
        for (String list : new String[] {"Choices", "Catch"}) {
            JsonNode elements = state.get(list);
            if (elements != null && elements.isArray()) {
                for (int i = 0; i < elements.size(); i++) {
                    add(targets, elements.get(i), at.field(list).index(i), "Next");
                }
            }
        }
        return targets;
    }

    private static void add(List<Target> targets, JsonNode owner, Location at, String field) {
        JsonNode value = owner.get(field);
        if (value != null && value.isString()) {
            targets.add(new Target(value.stringValue(), at.field(field)));
        }
    }

    /** Whether any state of the container ends an execution: Succeed, Fail, or {@code End: true}. */
    static boolean hasTerminalState(JsonNode states) {
        for (JsonNode state : states.values()) {
            JsonNode type = state.get("Type");
            JsonNode end = state.get("End");
            boolean terminalType = type != null
                    && type.isString()
                    && StateType.named(type.stringValue())
                            .map(StateType::isTerminalType)
                            .orElse(false);
            if (terminalType || (end != null && end.isBoolean() && end.booleanValue())) {
                return true;
            }
        }
        return false;
    }

    /** The states of the container that no transition path from {@code startAt} reaches, in document order. */
    static List<String> unreachable(JsonNode states, String startAt) {
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        reached.add(startAt);
        pending.push(startAt);
        while (!pending.isEmpty()) {
            JsonNode state = states.get(pending.pop());
            if (state == null || !state.isObject()) {
                continue;
            }
            for (Target next : targets(state, Location.ROOT)) {
                if (states.has(next.target()) && reached.add(next.target())) {
                    pending.push(next.target());
                }
            }
        }
        return states.propertyNames().stream()
                .filter(name -> !reached.contains(name))
                .toList();
    }
}
