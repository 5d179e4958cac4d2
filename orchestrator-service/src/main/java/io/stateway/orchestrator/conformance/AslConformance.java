package io.stateway.orchestrator.conformance;

import io.stateway.model.ExecutionStatus;
import io.stateway.orchestrator.asl.definition.DefinitionParser;
import io.stateway.orchestrator.asl.definition.StateMachine;
import io.stateway.orchestrator.asl.engine.ExecutionContext;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.runner.ExecutionResult;
import io.stateway.orchestrator.asl.runner.TaskHandler;
import io.stateway.orchestrator.asl.state.TaskResult;
import io.stateway.orchestrator.integration.lambda.LambdaIntegration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Runs ASL conformance cases and compares every outcome with what AWS recorded, following the
 * corpus README. How an execution runs is pluggable, so the in-memory engine and the durable
 * runtime are held to the same cases.
 */
final class AslConformance {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "111111111111";

    /** Runs one execution of a parsed definition to its end. */
    @FunctionalInterface
    interface Executor {
        ExecutionResult run(StateMachine machine, ExecutionContext context, TaskHandler tasks);
    }

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
        StateMachine machine = DefinitionParser.parse(testCase.definition());
        String name = "conformance-" + testCase.id();
        String executionName = UUID.randomUUID().toString();
        String stateMachineArn = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + name;
        String executionArn = testCase.express()
                ? "arn:aws:states:" + REGION + ":" + ACCOUNT + ":express:" + name + ":" + UUID.randomUUID() + ":"
                        + executionName
                : "arn:aws:states:" + REGION + ":" + ACCOUNT + ":execution:" + name + ":" + executionName;
        ExecutionContext context = new ExecutionContext(
                executionArn,
                executionName,
                testCase.input(),
                Instant.now(),
                "arn:aws:iam::" + ACCOUNT + ":role/stateway-conformance",
                stateMachineArn,
                name,
                testCase.express() ? null : 0);
        LambdaIntegration lambda =
                new LambdaIntegration(new CorpusFunctions(testCase.functions()), REGION, ACCOUNT, Clock.systemUTC());
        TaskHandler tasks = request -> LambdaIntegration.handles(request.resource())
                ? lambda.invoke(request, UUID.randomUUID().toString())
                : new TaskResult.Failed(
                        "States.Runtime",
                        "No integration for " + request.resource().arn());
        return compare(testCase, executor.run(machine, context, tasks));
    }

    private static String compare(AslCase testCase, ExecutionResult result) {
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
