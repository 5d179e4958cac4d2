package io.stateway.orchestrator.runtime;

import io.stateway.model.ExecutionStatus;
import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.asl.RandomSource;
import io.stateway.orchestrator.asl.definition.DefinitionParser;
import io.stateway.orchestrator.asl.engine.ExecutionContext;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.runner.ExecutionResult;
import io.stateway.orchestrator.asl.runner.InMemoryRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * Express executions: the same engine run entirely in memory, with no per-state writes, waiting
 * in real time on the caller's (virtual) thread. At most once: nothing is stored or retried.
 */
@Component
class ExpressExecutions {

    private final TaskIntegrations tasks;
    private final RandomSource random;
    private final RuntimeProperties properties;
    private final Clock clock;

    ExpressExecutions(TaskIntegrations tasks, RandomSource random, RuntimeProperties properties, Clock clock) {
        this.tasks = tasks;
        this.random = random;
        this.properties = properties;
        this.clock = clock;
    }

    ExecutionService.SyncResult run(StartExecutionCommand command) {
        String name = command.name() == null ? UUID.randomUUID().toString() : command.name();
        String arn = "arn:aws:states:" + properties.region() + ":" + properties.accountId() + ":express:"
                + command.stateMachineName() + ":" + name + ":" + UUID.randomUUID();
        String input = command.input() == null || command.input().isBlank() ? "{}" : command.input();
        Instant start = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ExecutionContext context;
        try {
            context = new ExecutionContext(
                    arn,
                    name,
                    Json.parse(input),
                    start,
                    command.roleArn(),
                    command.versionArn() != null ? command.versionArn() : command.stateMachineArn(),
                    command.stateMachineName(),
                    null);
        } catch (JacksonException e) {
            throw new StepFunctionsException(
                    "InvalidExecutionInput", "Invalid State Machine Execution Input: '" + e.getOriginalMessage() + "'");
        }
        InMemoryRunner runner = new InMemoryRunner(
                request -> tasks.run(request, arn + "#" + UUID.randomUUID()), random, this::sleepUntil);
        ExecutionResult result = runner.run(DefinitionParser.parse(Json.parse(command.definition())), context);
        Instant stop = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ExecutionService.ExecutionDescription description = new ExecutionService.ExecutionDescription(
                arn,
                command.stateMachineArn(),
                command.stateMachineName(),
                command.versionArn(),
                command.aliasArn(),
                name,
                result.status(),
                start,
                stop,
                input,
                result.status() == ExecutionStatus.SUCCEEDED ? Json.text(result.output()) : null,
                result.failure() == null ? null : result.failure().error(),
                result.failure() == null ? null : result.failure().cause(),
                0,
                null,
                command.traceHeader(),
                command.definition());
        // AWS bills Express executions in 100 ms increments, rounded up.
        long millis = Duration.between(start, stop).toMillis();
        return new ExecutionService.SyncResult(description, Math.max(100, (millis + 99) / 100 * 100));
    }

    private Instant sleepUntil(Instant due) {
        Duration wait = Duration.between(clock.instant(), due);
        if (!wait.isNegative() && !wait.isZero()) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return clock.instant();
    }
}
