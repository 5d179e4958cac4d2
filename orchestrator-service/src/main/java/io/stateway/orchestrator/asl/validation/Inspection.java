package io.stateway.orchestrator.asl.validation;

import io.stateway.model.StateMachineType;
import java.util.ArrayList;
import java.util.List;

/**
 * One validation run: what is being validated and the findings so far. Findings are kept in the
 * order AWS reports them: first everything found state by state (schema, per-state rules) in
 * document order, then missing transition targets, then unreachable states, then a missing end
 * state. AWS only documents the order as not contractual; the first two groups follow its one
 * recorded multi-finding message ("Missing 'Next' target" before "is not reachable").
 */
final class Inspection {

    final StateMachineType type;
    private final List<Finding> perState = new ArrayList<>();
    private final List<Finding> missingTargets = new ArrayList<>();
    private final List<Finding> unreachable = new ArrayList<>();
    private final List<Finding> closing = new ArrayList<>();

    Inspection(StateMachineType type) {
        this.type = type;
    }

    void schema(String message, Location at) {
        report(DiagnosticCode.SCHEMA_VALIDATION_FAILED, message, at);
    }

    void report(DiagnosticCode code, String message, Location at) {
        perState.add(Finding.of(code, message, at.render()));
    }

    void missingTarget(String target, Location at) {
        missingTargets.add(
                Finding.of(DiagnosticCode.MISSING_TRANSITION_TARGET, "Missing 'Next' target: " + target, at.render()));
    }

    void unreachable(String state, Location at) {
        unreachable.add(Finding.of(
                DiagnosticCode.MISSING_TRANSITION_TARGET, "State \"" + state + "\" is not reachable.", at.render()));
    }

    void missingEndState() {
        closing.add(Finding.of(DiagnosticCode.MISSING_END_STATE, "Workflow has no terminal state", null));
    }

    void closing(DiagnosticCode code, String message, Location at) {
        closing.add(Finding.of(code, message, at.render()));
    }

    List<Finding> findings() {
        List<Finding> all =
                new ArrayList<>(perState.size() + missingTargets.size() + unreachable.size() + closing.size());
        all.addAll(perState);
        all.addAll(missingTargets);
        all.addAll(unreachable);
        all.addAll(closing);
        return all;
    }
}
