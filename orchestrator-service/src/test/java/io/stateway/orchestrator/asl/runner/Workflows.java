package io.stateway.orchestrator.asl.runner;

import io.stateway.model.history.HistoryEvent;
import io.stateway.orchestrator.asl.TestScopes;
import io.stateway.orchestrator.asl.definition.DefinitionParser;
import io.stateway.orchestrator.asl.definition.StateMachine;
import io.stateway.orchestrator.asl.engine.ExecutionContext;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.state.TaskResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** Runs the ASL fixtures under {@code src/test/resources/asl} in memory, deterministically. */
public final class Workflows {

    public static final Instant START = Instant.parse("2026-01-15T10:00:00Z");

    private Workflows() {}

    public static StateMachine machine(String fixture) {
        try (InputStream in = Workflows.class.getResourceAsStream("/asl/" + fixture + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture asl/" + fixture + ".json");
            }
            return DefinitionParser.parse(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ExecutionContext context(String input) {
        return new ExecutionContext(
                "arn:aws:states:us-east-1:111111111111:execution:test:run-1",
                "run-1",
                Json.parse(input),
                START,
                "arn:aws:iam::111111111111:role/test",
                "arn:aws:states:us-east-1:111111111111:stateMachine:test",
                "test",
                0);
    }

    public static ExecutionResult run(String fixture, String input) {
        return run(fixture, input, request -> new TaskResult.Failed("NoTasks", "this workflow runs no tasks"));
    }

    public static ExecutionResult run(String fixture, String input, TaskHandler tasks) {
        return new InMemoryRunner(tasks, TestScopes.RANDOM).run(machine(fixture), context(input));
    }

    /** The event types of a history, in order, for compact assertions. */
    public static List<String> types(ExecutionResult result) {
        return result.history().stream().map(HistoryEvent::type).map(Enum::name).toList();
    }
}
