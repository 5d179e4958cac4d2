package io.stateway.orchestrator.asl.validation;

import java.util.List;
import java.util.Optional;

/** The eight state types, in the order AWS lists them in its {@code Type} message. */
enum StateType {
    TASK("Task"),
    WAIT("Wait"),
    PASS("Pass"),
    SUCCEED("Succeed"),
    FAIL("Fail"),
    CHOICE("Choice"),
    PARALLEL("Parallel"),
    MAP("Map");

    static final List<String> AWS_NAMES =
            List.of("Task", "Wait", "Pass", "Succeed", "Fail", "Choice", "Parallel", "Map");

    private final String awsName;

    StateType(String awsName) {
        this.awsName = awsName;
    }

    static Optional<StateType> named(String name) {
        for (StateType type : values()) {
            if (type.awsName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** States that end an execution on their own, without {@code End}. */
    boolean isTerminalType() {
        return this == SUCCEED || this == FAIL;
    }

    /** States that transition with {@code Next} or end with {@code End}. */
    boolean hasNextOrEnd() {
        return this != CHOICE && this != SUCCEED && this != FAIL;
    }
}
