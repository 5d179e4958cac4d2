package io.stateway.bench.engine;

import io.stateway.model.asl.StatesErrors;
import io.stateway.model.history.HistoryEvent;
import io.stateway.orchestrator.asl.SystemRandomSource;
import io.stateway.orchestrator.asl.engine.ExecutionContext;
import io.stateway.orchestrator.asl.runner.InMemoryRunner;
import io.stateway.orchestrator.asl.state.TaskResult;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** How the benchmark runs an execution: the same runner and context in the check run and in JMH. */
final class Executions {

    private static final String MACHINE_ARN = "arn:aws:states:us-east-1:111111111111:stateMachine:bench";

    private Executions() {}

    /** The workloads have no Task state; a task reaching the runner is a broken workload. */
    static InMemoryRunner runner() {
        return new InMemoryRunner(
                request -> new TaskResult.Failed(
                        StatesErrors.RUNTIME,
                        "The benchmark serves no tasks: " + request.resource().arn()),
                SystemRandomSource.INSTANCE);
    }

    static ExecutionContext context(JsonNode input) {
        return new ExecutionContext(
                "arn:aws:states:us-east-1:111111111111:execution:bench:run",
                "run",
                input,
                Instant.parse("2025-01-01T00:00:00Z"),
                "arn:aws:iam::111111111111:role/bench",
                MACHINE_ARN,
                "bench",
                0);
    }

    /** State transitions are the states entered, as AWS counts them for billing. */
    static long transitions(List<HistoryEvent> history) {
        return history.stream()
                .filter(event -> event.type().name().endsWith("StateEntered"))
                .count();
    }
}
