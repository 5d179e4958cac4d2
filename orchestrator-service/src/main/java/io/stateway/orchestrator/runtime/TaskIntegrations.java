package io.stateway.orchestrator.runtime;

import io.stateway.orchestrator.asl.state.TaskRequest;
import io.stateway.orchestrator.asl.state.TaskResult;
import io.stateway.orchestrator.integration.lambda.LambdaIntegration;
import org.springframework.stereotype.Component;

/** Runs a task through the integration its resource names. */
@Component
class TaskIntegrations {

    private final LambdaIntegration lambda;

    TaskIntegrations(LambdaIntegration lambda) {
        this.lambda = lambda;
    }

    TaskResult run(TaskRequest request, String idempotencyKey) {
        if (LambdaIntegration.handles(request.resource())) {
            TaskResult result = lambda.invoke(request, idempotencyKey);
            // A callback task's call only hands the work (and its token) over: it ends when answered.
            return request.taskToken() != null && result instanceof TaskResult.Succeeded succeeded
                    ? new TaskResult.Submitted(succeeded.output())
                    : result;
        }
        return new TaskResult.Failed(
                "States.TaskFailed",
                "Stateway has no integration for the resource '"
                        + request.resource().arn() + "'");
    }
}
