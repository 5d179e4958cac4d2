package io.stateway.orchestrator.conformance;

import io.stateway.model.ExecutionStatus;
import io.stateway.orchestrator.asl.Failure;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.integration.lambda.FunctionInvoker;
import io.stateway.orchestrator.runtime.ExecutionProgress;
import io.stateway.orchestrator.runtime.ExecutionService;
import io.stateway.orchestrator.runtime.ManualClock;
import io.stateway.orchestrator.runtime.StartExecutionCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs conformance cases through the durable runtime on PostgreSQL: StartExecution, then the
 * outbox workers carry the execution through; whenever only timers remain, the virtual clock
 * jumps to the next one, so waits cost nothing. Express cases run as StartSyncExecution.
 */
final class DurableExecutor implements AslConformance.Executor {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final ExecutionService executions;
    private final ExecutionProgress progress;
    private final CaseFunctions functions;
    private final ManualClock clock;

    DurableExecutor(
            ExecutionService executions, ExecutionProgress progress, CaseFunctions functions, ManualClock clock) {
        this.executions = executions;
        this.progress = progress;
        this.functions = functions;
        this.clock = clock;
    }

    @Override
    public AslConformance.CaseRun run(AslCase testCase, FunctionInvoker caseFunctions) {
        functions.use(caseFunctions);
        String name = "conformance-" + testCase.id();
        StartExecutionCommand command = new StartExecutionCommand(
                "arn:aws:states:" + AslConformance.REGION + ":" + AslConformance.ACCOUNT + ":stateMachine:" + name,
                name,
                null,
                null,
                "arn:aws:iam::" + AslConformance.ACCOUNT + ":role/stateway-conformance",
                testCase.definitionText(),
                UUID.randomUUID().toString(),
                Json.text(testCase.input()),
                null);
        if (testCase.express()) {
            return outcome(executions.startSync(command).execution(), List.of());
        }
        String arn = executions.start(command).executionArn();
        ExecutionService.ExecutionDescription execution = awaitClosed(arn);
        return outcome(execution, history(arn));
    }

    private ExecutionService.ExecutionDescription awaitClosed(String arn) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            ExecutionService.ExecutionDescription execution = executions.describe(arn);
            if (execution.status() != ExecutionStatus.RUNNING) {
                return execution;
            }
            progress.nextDueAt(arn).filter(due -> due.isAfter(clock.instant())).ifPresent(due -> {
                clock.advanceTo(due);
                progress.nudge();
            });
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
        throw new IllegalStateException("Execution " + arn + " did not finish within " + DEADLINE);
    }

    private List<ObjectNode> history(String arn) {
        List<ObjectNode> events = new ArrayList<>();
        String token = null;
        do {
            var page = executions.history(arn, 1000, token, false, true);
            for (ExecutionService.StoredEvent event : page.items()) {
                ObjectNode json = Json.NODES.objectNode();
                json.put("id", event.id());
                json.put("previousEventId", event.previousEventId());
                json.put("type", event.type().name());
                if (event.details() != null && event.type().detailsKey() != null) {
                    json.set(event.type().detailsKey(), event.details());
                }
                events.add(json);
            }
            token = page.nextToken();
        } while (token != null);
        return events;
    }

    private static AslConformance.CaseRun outcome(
            ExecutionService.ExecutionDescription execution, List<ObjectNode> history) {
        JsonNode output = execution.output() == null ? null : Json.parse(execution.output());
        Failure failure = execution.status() == ExecutionStatus.SUCCEEDED
                ? null
                : new Failure(execution.error(), execution.cause());
        return new AslConformance.CaseRun(execution.status(), output, failure, history);
    }
}
