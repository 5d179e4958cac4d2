package io.stateway.orchestrator.asl.validation;

import io.stateway.orchestrator.asl.definition.QueryLanguage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The fields each state type accepts in each query language. JSONata states replace {@code
 * InputPath}, {@code Parameters}, {@code ResultSelector}, {@code ResultPath}, {@code OutputPath}
 * and the {@code ...Path} variants by {@code Arguments}, {@code Output} and expressions; JSONPath
 * states accept none of the JSONata fields. A field of the other language is therefore simply
 * "not supported" in that state, which is how AWS reports it. {@code Assign} exists in both, on
 * every state but Succeed and Fail.
 */
final class StateShapes {

    private static final List<String> COMMON = List.of("Type", "Comment", "QueryLanguage");
    private static final List<String> JSONPATH_IO = List.of("InputPath", "OutputPath");
    private static final List<String> TRANSITION = List.of("Next", "End");

    private static final Map<StateType, Shape> JSONPATH = new EnumMap<>(StateType.class);
    private static final Map<StateType, Shape> JSONATA = new EnumMap<>(StateType.class);

    static {
        JSONPATH.put(StateType.PASS, shape(List.of(), true, true, "Result", "ResultPath", "Parameters", "Assign"));
        JSONATA.put(StateType.PASS, shape(List.of(), false, true, "Output", "Assign"));

        JSONPATH.put(
                StateType.TASK,
                shape(
                        List.of("Resource"),
                        true,
                        true,
                        "Parameters",
                        "Credentials",
                        "ResultSelector",
                        "ResultPath",
                        "TimeoutSeconds",
                        "TimeoutSecondsPath",
                        "HeartbeatSeconds",
                        "HeartbeatSecondsPath",
                        "Retry",
                        "Catch",
                        "Assign"));
        JSONATA.put(
                StateType.TASK,
                shape(
                        List.of("Resource"),
                        false,
                        true,
                        "Arguments",
                        "Output",
                        "Credentials",
                        "TimeoutSeconds",
                        "HeartbeatSeconds",
                        "Retry",
                        "Catch",
                        "Assign"));

        JSONPATH.put(StateType.CHOICE, shape(List.of("Choices"), true, false, "Default", "Assign"));
        JSONATA.put(StateType.CHOICE, shape(List.of("Choices"), false, false, "Default", "Output", "Assign"));

        JSONPATH.put(
                StateType.WAIT,
                shape(List.of(), true, true, "Seconds", "Timestamp", "SecondsPath", "TimestampPath", "Assign"));
        JSONATA.put(StateType.WAIT, shape(List.of(), false, true, "Seconds", "Timestamp", "Output", "Assign"));

        JSONPATH.put(StateType.SUCCEED, shape(List.of(), true, false));
        JSONATA.put(StateType.SUCCEED, shape(List.of(), false, false, "Output"));

        JSONPATH.put(StateType.FAIL, shape(List.of(), false, false, "Error", "ErrorPath", "Cause", "CausePath"));
        JSONATA.put(StateType.FAIL, shape(List.of(), false, false, "Error", "Cause"));

        JSONPATH.put(
                StateType.PARALLEL,
                shape(
                        List.of("Branches"),
                        true,
                        true,
                        "ResultPath",
                        "Parameters",
                        "ResultSelector",
                        "Retry",
                        "Catch",
                        "Assign"));
        JSONATA.put(
                StateType.PARALLEL,
                shape(List.of("Branches"), false, true, "Arguments", "Output", "Retry", "Catch", "Assign"));

        JSONPATH.put(
                StateType.MAP,
                shape(
                        List.of(),
                        true,
                        true,
                        "ItemProcessor",
                        "Iterator",
                        "ItemsPath",
                        "ItemReader",
                        "ItemSelector",
                        "Parameters",
                        "ItemBatcher",
                        "ResultWriter",
                        "MaxConcurrency",
                        "MaxConcurrencyPath",
                        "ToleratedFailurePercentage",
                        "ToleratedFailurePercentagePath",
                        "ToleratedFailureCount",
                        "ToleratedFailureCountPath",
                        "Label",
                        "ResultPath",
                        "ResultSelector",
                        "Retry",
                        "Catch",
                        "Assign"));
        JSONATA.put(
                StateType.MAP,
                shape(
                        List.of(),
                        false,
                        true,
                        "ItemProcessor",
                        "Items",
                        "ItemReader",
                        "ItemSelector",
                        "ItemBatcher",
                        "ResultWriter",
                        "MaxConcurrency",
                        "ToleratedFailurePercentage",
                        "ToleratedFailureCount",
                        "Label",
                        "Output",
                        "Retry",
                        "Catch",
                        "Assign"));
    }

    private StateShapes() {}

    static Shape of(StateType type, QueryLanguage language) {
        return language == QueryLanguage.JSONATA ? JSONATA.get(type) : JSONPATH.get(type);
    }

    private static Shape shape(List<String> required, boolean jsonPathIo, boolean transition, String... specific) {
        List<String> allowed = new ArrayList<>(COMMON);
        if (jsonPathIo) {
            allowed.addAll(JSONPATH_IO);
        }
        if (transition) {
            allowed.addAll(TRANSITION);
        }
        allowed.addAll(List.of(specific));
        List<String> requiredWithType = new ArrayList<>(List.of("Type"));
        requiredWithType.addAll(required);
        return Shape.of(requiredWithType, allowed.toArray(String[]::new));
    }
}
