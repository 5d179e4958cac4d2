package io.stateway.orchestrator.runtime;

import io.stateway.model.ExecutionStatus;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** The runtime's {@link ExecutionService}: each action handled by the component that owns it. */
@Service
class DurableExecutions implements ExecutionService {

    private final ExecutionStarter starter;
    private final ExpressExecutions express;
    private final ExecutionControl control;
    private final ExecutionQueries queries;
    private final TaskCallbacks callbacks;

    DurableExecutions(
            ExecutionStarter starter,
            ExpressExecutions express,
            ExecutionControl control,
            ExecutionQueries queries,
            TaskCallbacks callbacks) {
        this.starter = starter;
        this.express = express;
        this.control = control;
        this.queries = queries;
        this.callbacks = callbacks;
    }

    @Override
    public Started start(StartExecutionCommand command) {
        return starter.start(command);
    }

    @Override
    public Started startExpress(StartExecutionCommand command) {
        return express.startAsync(command);
    }

    @Override
    public SyncResult startSync(StartExecutionCommand command) {
        return express.run(command);
    }

    @Override
    public Instant stop(String executionArn, String error, String cause) {
        return control.stop(executionArn, error, cause);
    }

    @Override
    public ExecutionDescription describe(String executionArn) {
        return queries.describe(executionArn);
    }

    @Override
    public Page<ExecutionDescription> list(
            String stateMachineArn, ExecutionStatus status, int maxResults, String nextToken) {
        return queries.list(stateMachineArn, status, maxResults, nextToken);
    }

    @Override
    public Page<StoredEvent> history(
            String executionArn, int maxResults, String nextToken, boolean reverseOrder, boolean includeExecutionData) {
        return queries.history(executionArn, maxResults, nextToken, reverseOrder, includeExecutionData);
    }

    @Override
    public Instant redrive(String executionArn, String clientToken) {
        return control.redrive(executionArn);
    }

    @Override
    public void sendTaskSuccess(String taskToken, String output) {
        callbacks.succeed(taskToken, output);
    }

    @Override
    public void sendTaskFailure(String taskToken, String error, String cause) {
        callbacks.fail(taskToken, error, cause);
    }

    @Override
    public void sendTaskHeartbeat(String taskToken) {
        callbacks.heartbeat(taskToken);
    }
}
