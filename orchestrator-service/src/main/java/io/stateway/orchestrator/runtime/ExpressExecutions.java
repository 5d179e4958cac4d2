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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * Express executions: the same engine run entirely in memory, with no per-state writes, waiting
 * in real time on a (virtual) thread. Nothing is stored or retried, and names are not de-duplicated.
 */
@Component
class ExpressExecutions {

    private static final Logger log = LoggerFactory.getLogger(ExpressExecutions.class);

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

    /** Runs an Express execution to its end on the caller's thread (StartSyncExecution). */
    ExecutionService.SyncResult run(StartExecutionCommand command) {
        return run(command, prepare(command));
    }

    /**
     * Starts an Express execution and returns at once (StartExecution on an Express machine); it
     * runs in memory on a virtual thread. Never de-duplicated by name: each start gets its own ARN.
     */
    ExecutionService.Started startAsync(StartExecutionCommand command) {
        Prepared prepared = prepare(command);
        Thread.ofVirtual().name("express-" + prepared.context().executionName()).start(() -> {
            try {
                run(command, prepared);
            } catch (RuntimeException e) {
                log.warn(
                        "Express execution {} failed to run: {}",
                        prepared.context().executionArn(),
                        e.toString(),
                        e);
            }
        });
        return new ExecutionService.Started(
                prepared.context().executionArn(), prepared.context().startTime());
    }

    /** An Express execution about to run: its context and its input as given. */
    private record Prepared(ExecutionContext context, String input) {}

    private Prepared prepare(StartExecutionCommand command) {
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
        return new Prepared(context, input);
    }

    private ExecutionService.SyncResult run(StartExecutionCommand command, Prepared prepared) {
        ExecutionContext context = prepared.context();
        String arn = context.executionArn();
        String name = context.executionName();
        String input = prepared.input();
        Instant start = context.startTime();
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
