package io.stateway.orchestrator.asl.validation;

import io.stateway.orchestrator.asl.definition.QueryLanguage;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Inspects a state machine and every state machine nested in it (Parallel branches, Map
 * processors): the top-level fields, each container's {@code StartAt} and {@code States}, and the
 * container's transitions. A container whose {@code StartAt} names no state reports that as a
 * missing target; every other state must be reachable from {@code StartAt}. The top level must
 * also have a terminal state; when it has none AWS reports only that, not the reachability.
 */
final class MachineInspector {

    private static final Shape ROOT =
            Shape.of(List.of("StartAt", "States"), "Comment", "TimeoutSeconds", "Version", "QueryLanguage");

    private final Inspection in;
    private final QueryLanguage machineLanguage;
    private final StateInspector states;
    private final LabelRules labels = new LabelRules();

    private MachineInspector(Inspection in, QueryLanguage machineLanguage) {
        this.in = in;
        this.machineLanguage = machineLanguage;
        this.states = new StateInspector(in, this, machineLanguage);
    }

    static void inspect(Inspection in, JsonNode root) {
        ROOT.check(in, root, Location.ROOT);
        QueryLanguage language = declaredLanguage(in, root, Location.ROOT).orElse(QueryLanguage.JSONPATH);
        Fields.string(in, root, Location.ROOT, "Comment");
        Fields.string(in, root, Location.ROOT, "Version");
        Fields.integer(in, root, Location.ROOT, "TimeoutSeconds", 1, Fields.MAX_SECONDS);
        new MachineInspector(in, language).container(root, Location.ROOT, language, true);
    }

    LabelRules labels() {
        return labels;
    }

    /** A Parallel branch or Map processor: a state machine with its own StartAt and States. */
    void inspectNested(JsonNode machine, Location at, Shape shape) {
        shape.check(in, machine, at);
        Fields.string(in, machine, at, "Comment");
        QueryLanguage language = declaredLanguage(in, machine, at).orElse(machineLanguage);
        container(machine, at, language, false);
    }

    private void container(JsonNode machine, Location at, QueryLanguage language, boolean topLevel) {
        Optional<String> startAt = Fields.nonEmptyString(in, machine, at, "StartAt");
        JsonNode children = machine.get("States");
        if (children == null) {
            return;
        }
        Location statesAt = at.field("States");
        if (!children.isObject()) {
            in.schema(Fields.typeMessage("Object"), statesAt);
            return;
        }
        if (children.isEmpty()) {
            in.schema(Fields.emptyMessage(), statesAt);
            return;
        }
        Optional<String> start = startAt.filter(children::has);
        startAt.filter(name -> !children.has(name)).ifPresent(name -> in.missingTarget(name, at.field("StartAt")));
        if (topLevel && !TransitionGraph.hasTerminalState(children)) {
            in.missingEndState();
        } else {
            start.ifPresent(name -> TransitionGraph.unreachable(children, name)
                    .forEach(unreached -> in.unreachable(unreached, statesAt.field(unreached))));
        }
        children.forEachEntry((name, state) -> states.inspect(name, state, statesAt.field(name), language, children));
    }

    /** The QueryLanguage an object declares, reporting a declaration that is not one of the two. */
    static Optional<QueryLanguage> declaredLanguage(Inspection in, JsonNode owner, Location at) {
        JsonNode declared = owner.get("QueryLanguage");
        if (declared == null) {
            return Optional.empty();
        }
        Optional<QueryLanguage> language =
                declared.isString() ? QueryLanguage.named(declared.stringValue()) : Optional.empty();
        if (language.isEmpty()) {
            in.schema(Fields.enumMessage("QueryLanguage", List.of("JSONPath", "JSONata")), at.field("QueryLanguage"));
        }
        return language;
    }
}
