package io.stateway.orchestrator.conformance;

import io.stateway.model.ExecutionStatus;
import io.stateway.orchestrator.asl.Failure;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.integration.lambda.FunctionInvoker;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs ASL conformance cases and compares every outcome with what AWS recorded, following the
 * corpus README. How an execution runs is pluggable, so the in-memory engine and the durable
 * runtime are held to the same cases.
 */
final class AslConformance {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "111111111111";

    /** Runs one case's execution to its end, with the case's Lambda functions. */
    @FunctionalInterface
    interface Executor {
        CaseRun run(AslCase testCase, FunctionInvoker functions);
    }

    /**
     * How a case's execution ended, with its history in AWS's JSON shape (no timestamps).
     *
     * @param output the output when it succeeded
     * @param failure the error and cause when it did not
     */
    record CaseRun(ExecutionStatus status, JsonNode output, Failure failure, List<ObjectNode> history) {}

    /** A case and, if it failed, why. */
    record Result(AslCase testCase, String failure) {
        boolean passed() {
            return failure == null;
        }
    }

    private final Executor executor;

    AslConformance(Executor executor) {
        this.executor = executor;
    }

    List<Result> run(List<AslCase> cases) {
        List<Result> results = new ArrayList<>(cases.size());
        for (AslCase testCase : cases) {
            String failure;
            try {
                failure = check(testCase);
            } catch (RuntimeException | StackOverflowError e) {
                failure = "engine error: " + e;
            }
            results.add(new Result(testCase, failure));
        }
        return results;
    }

    private String check(AslCase testCase) {
        JsonNode expected = testCase.expected();
        if (expected.has("creationError") || expected.has("validation")) {
            return DefinitionCases.check(testCase);
        }
        String rejection = DefinitionCases.rejection(testCase);
        if (rejection != null) {
            return "definition rejected: " + rejection;
        }
        return compare(testCase, executor.run(testCase, new CorpusFunctions(testCase.functions())));
    }

    private static String compare(AslCase testCase, CaseRun result) {
        JsonNode expected = testCase.expected();
        String status = expected.path("status").asString();
        if (!status.equals(result.status().name())) {
            return "status: expected " + status + " but was " + result.status()
                    + (result.failure() == null
                            ? ""
                            : " (" + result.failure().error() + ": "
                                    + abbreviate(result.failure().cause()) + ")");
        }
        if (result.status() == ExecutionStatus.SUCCEEDED && expected.has("output")) {
            String reason = ExpectedValue.mismatch(expected.get("output"), result.output(), "output");
            if (reason != null) {
                return reason;
            }
        }
        if (result.failure() != null) {
            if (expected.has("error")) {
                String reason = ExpectedValue.mismatch(
                        expected.get("error"),
                        Json.NODES.stringNode(result.failure().error()),
                        "error");
                if (reason != null) {
                    return reason;
                }
            }
            if (expected.has("cause")) {
                JsonNode cause = expected.get("cause").isObject()
                        ? HistoryComparison.parse(result.failure().cause())
                        : Json.NODES.stringNode(String.valueOf(result.failure().cause()));
                String reason = ExpectedValue.mismatch(expected.get("cause"), cause, "cause");
                if (reason != null) {
                    return reason;
                }
            }
        }
        if (expected.has("history") && !testCase.express()) {
            return HistoryComparison.mismatch(expected.get("history"), result.history());
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }
}
