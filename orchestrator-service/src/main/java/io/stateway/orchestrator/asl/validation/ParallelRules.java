package io.stateway.orchestrator.asl.validation;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Parallel state rules: non-empty {@code Branches}, each a state machine of its own. */
final class ParallelRules {

    static final Shape BRANCH = Shape.of(List.of("StartAt", "States"), "Comment", "QueryLanguage");

    private ParallelRules() {}

    static void check(StateScope scope, MachineInspector machines) {
        Inspection in = scope.in();
        if (scope.jsonata()) {
            TaskRules.arguments(scope);
        } else {
            scope.payloadTemplate("Parameters", false);
            scope.payloadTemplate("ResultSelector", true);
            PathFields.resultPath(in, scope.state(), scope.at());
        }
        RetryCatchRules.check(scope);
        Fields.nonEmptyArray(in, scope.state(), scope.at(), "Branches").ifPresent(branches -> {
            Location branchesAt = scope.field("Branches");
            for (int i = 0; i < branches.size(); i++) {
                JsonNode branch = branches.get(i);
                if (branch.isObject()) {
                    machines.inspectNested(branch, branchesAt.index(i), BRANCH);
                } else {
                    in.schema(Fields.typeMessage("Object"), branchesAt.index(i));
                }
            }
        });
    }
}
