package io.stateway.history.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shape of an ASL definition as the execution ran it: its flows and states, nothing evaluated.
 * The orchestrator validated the definition before running it; what this reads defensively is only
 * what a drawing needs.
 */
public record MachineDefinition(Flow root) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The definition, or empty if the text is not a definition this can read. */
    public static Optional<MachineDefinition> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(text);
            if (!root.path("States").isObject()) {
                return Optional.empty();
            }
            return Optional.of(new MachineDefinition(flow(root)));
        } catch (JacksonException unreadable) {
            return Optional.empty();
        }
    }

    /** A state anywhere in the machine, by name (ASL names are unique across the whole machine). */
    public Optional<StateNode> state(String name) {
        return find(root, name);
    }

    private static Optional<StateNode> find(Flow flow, String name) {
        StateNode here = flow.states().get(name);
        if (here != null) {
            return Optional.of(here);
        }
        for (StateNode state : flow.states().values()) {
            for (Flow branch : state.branches()) {
                Optional<StateNode> found = find(branch, name);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Flow flow(JsonNode node) {
        Map<String, StateNode> states = new LinkedHashMap<>();
        node.path("States")
                .properties()
                .forEach(entry -> states.put(entry.getKey(), state(entry.getKey(), entry.getValue())));
        return new Flow(node.path("StartAt").asString(""), states);
    }

    private static StateNode state(String name, JsonNode node) {
        String type = node.path("Type").asString("");
        List<StateNode.Transition> transitions = new ArrayList<>();
        JsonNode choices = node.path("Choices");
        for (int i = 0; i < choices.size(); i++) {
            String next = choices.get(i).path("Next").asString(null);
            if (next != null) {
                transitions.add(new StateNode.Transition(next, "rule " + (i + 1)));
            }
        }
        if (node.hasNonNull("Default")) {
            transitions.add(new StateNode.Transition(node.get("Default").asString(), "Default"));
        }
        if (node.hasNonNull("Next")) {
            transitions.add(new StateNode.Transition(node.get("Next").asString(), null));
        }
        List<StateNode.Transition> catches = new ArrayList<>();
        for (JsonNode catcher : node.path("Catch")) {
            List<String> errors = new ArrayList<>();
            catcher.path("ErrorEquals").forEach(e -> errors.add(e.asString()));
            if (catcher.hasNonNull("Next")) {
                catches.add(new StateNode.Transition(catcher.get("Next").asString(), String.join(", ", errors)));
            }
        }
        List<Flow> branches = new ArrayList<>();
        node.path("Branches").forEach(branch -> branches.add(flow(branch)));
        JsonNode processor = node.has("ItemProcessor") ? node.get("ItemProcessor") : node.get("Iterator");
        if (processor != null && processor.isObject()) {
            branches.add(flow(processor));
        }
        boolean end = node.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail");
        return new StateNode(
                name,
                type,
                transitions,
                catches,
                end,
                node.path("Retry").size() > 0,
                branches,
                node.path("Error").isString() ? node.get("Error").asString() : null,
                node.path("Cause").isString() ? node.get("Cause").asString() : null);
    }
}
