package io.stateway.orchestrator.conformance;

import io.stateway.orchestrator.asl.SystemRandomSource;
import io.stateway.orchestrator.asl.definition.DefinitionParser;
import io.stateway.orchestrator.asl.engine.ExecutionContext;
import io.stateway.orchestrator.asl.runner.ExecutionResult;
import io.stateway.orchestrator.asl.runner.InMemoryRunner;
import io.stateway.orchestrator.asl.runner.TaskHandler;
import io.stateway.orchestrator.asl.state.TaskResult;
import io.stateway.orchestrator.history.HistoryEventJson;
import io.stateway.orchestrator.integration.lambda.FunctionInvoker;
import io.stateway.orchestrator.integration.lambda.LambdaIntegration;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Runs conformance cases through the in-memory runner, on a virtual clock. */
final class InMemoryExecutor implements AslConformance.Executor {

    @Override
    public AslConformance.CaseRun run(AslCase testCase, FunctionInvoker functions) {
        String name = "conformance-" + testCase.id();
        String executionName = UUID.randomUUID().toString();
        String prefix = "arn:aws:states:" + AslConformance.REGION + ":" + AslConformance.ACCOUNT + ":";
        String executionArn = testCase.express()
                ? prefix + "express:" + name + ":" + UUID.randomUUID() + ":" + executionName
                : prefix + "execution:" + name + ":" + executionName;
        ExecutionContext context = new ExecutionContext(
                executionArn,
                executionName,
                testCase.input(),
                Instant.now(),
                "arn:aws:iam::" + AslConformance.ACCOUNT + ":role/stateway-conformance",
                prefix + "stateMachine:" + name,
                name,
                testCase.express() ? null : 0);
        LambdaIntegration lambda =
                new LambdaIntegration(functions, AslConformance.REGION, AslConformance.ACCOUNT, Clock.systemUTC());
        TaskHandler tasks = request -> LambdaIntegration.handles(request.resource())
                ? lambda.invoke(request, UUID.randomUUID().toString())
                : new TaskResult.Failed(
                        "States.TaskFailed",
                        "No integration for " + request.resource().arn());
        ExecutionResult result = new InMemoryRunner(tasks, SystemRandomSource.INSTANCE)
                .run(DefinitionParser.parse(testCase.definition()), context);
        return new AslConformance.CaseRun(
                result.status(),
                result.output(),
                result.failure(),
                result.history().stream()
                        .map(e -> HistoryEventJson.toJson(e, null))
                        .toList());
    }
}
