package io.stateway.orchestrator.asl.validation;

import io.stateway.orchestrator.asl.definition.QueryLanguage;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Inspects one state: its name (unique in the whole machine, at most 80 characters), its query
 * language, its type and the fields that type accepts in that language, the fields every state
 * shares, its transitions, and then the rules of its type.
 */
final class StateInspector {

    private static final int MAX_NAME_LENGTH = 80;

    private final Inspection in;
    private final MachineInspector machines;
    private final QueryLanguage machineLanguage;
    private final Set<String> names = new HashSet<>();

    StateInspector(Inspection in, MachineInspector machines, QueryLanguage machineLanguage) {
        this.in = in;
        this.machines = machines;
        this.machineLanguage = machineLanguage;
    }

    void inspect(String name, JsonNode state, Location at, QueryLanguage inherited, JsonNode siblings) {
        name(name, at);
        if (!state.isObject()) {
            in.schema(Fields.typeMessage("Object"), at);
            return;
        }
        QueryLanguage language = language(state, at, inherited);
        JsonNode typeName = state.get("Type");
        if (typeName == null) {
            in.schema(Fields.requiredMessage(List.of("Type")), at);
            return;
        }
        Optional<StateType> type = typeName.isString() ? StateType.named(typeName.stringValue()) : Optional.empty();
        if (type.isEmpty()) {
            in.schema(Fields.enumMessage("Type", StateType.AWS_NAMES), at.field("Type"));
            return;
        }
        StateShapes.of(type.get(), language).check(in, state, at);
        StateScope scope = new StateScope(in, state, at, type.get(), language);
        shared(scope);
        for (TransitionGraph.Target next : TransitionGraph.targets(state, at)) {
            if (!siblings.has(next.target())) {
                in.missingTarget(next.target(), next.at());
            }
        }
        switch (type.get()) {
            case TASK -> TaskRules.check(scope);
            case PASS -> PassRules.check(scope);
            case CHOICE -> ChoiceRules.check(scope);
            case WAIT -> WaitRules.check(scope);
            case SUCCEED -> {
                // Succeed has no fields beyond the shared ones.
            }
            case FAIL -> FailRules.check(scope);
            case PARALLEL -> ParallelRules.check(scope, machines);
            case MAP -> MapRules.check(scope, machines);
        }
    }

    private void name(String name, Location at) {
        if (!names.add(name)) {
            in.report(DiagnosticCode.DUPLICATE_STATE_NAME, "Duplicate State name: " + name, at);
        }
        if (name.isEmpty()) {
            in.report(DiagnosticCode.INVALID_STATE_NAME, "State name cannot be empty", at);
        } else if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            in.report(
                    DiagnosticCode.INVALID_STATE_NAME,
                    "State name cannot exceed " + MAX_NAME_LENGTH + " characters",
                    at);
        }
    }

    /**
     * A state may move a JSONPath machine to JSONata, not the reverse: a JSONata machine's state
     * cannot declare JSONPath (AWS's message, reported at the state). A state that declares nothing
     * uses the language of its machine.
     */
    private QueryLanguage language(JsonNode state, Location at, QueryLanguage inherited) {
        Optional<QueryLanguage> declared = MachineInspector.declaredLanguage(in, state, at);
        if (declared.isEmpty()) {
            return inherited;
        }
        if (declared.get() == QueryLanguage.JSONPATH && machineLanguage == QueryLanguage.JSONATA) {
            in.schema("'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", at);
        }
        return declared.get();
    }

    /** The fields all (or most) state types share: Comment, Next/End, JSONPath IO, Assign, Output. */
    private void shared(StateScope scope) {
        Fields.string(in, scope.state(), scope.at(), "Comment");
        if (scope.type().hasNextOrEnd()) {
            transition(scope);
        }
        if (!scope.jsonata() && scope.type() != StateType.FAIL) {
            PathFields.path(in, scope.state(), scope.at(), "InputPath");
            PathFields.path(in, scope.state(), scope.at(), "OutputPath");
        }
        boolean assigns = scope.type() != StateType.SUCCEED && scope.type() != StateType.FAIL;
        if (assigns && scope.has("Assign")) {
            AssignRules.check(in, scope.get("Assign"), scope.field("Assign"), scope.language());
        }
        if (scope.jsonata() && scope.type() != StateType.FAIL) {
            scope.jsonataTemplate("Output");
        }
    }

    private void transition(StateScope scope) {
        Fields.nonEmptyString(in, scope.state(), scope.at(), "Next");
        boolean ends = Fields.bool(in, scope.state(), scope.at(), "End").orElse(false);
        if (scope.has("Next") && scope.has("End")) {
            in.schema(Fields.exclusiveMessage(List.of("Next", "End")), scope.at());
        } else if (!scope.has("Next") && !ends) {
            in.schema(Fields.exactlyOneMessage(List.of("Next", "End")), scope.at());
        }
    }
}
