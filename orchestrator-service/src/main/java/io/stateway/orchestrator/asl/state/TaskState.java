package io.stateway.orchestrator.asl.state;

import io.stateway.model.history.EventDetails;
import io.stateway.model.history.HistoryEventType;
import io.stateway.orchestrator.asl.Failure;
import io.stateway.orchestrator.asl.definition.Catcher;
import io.stateway.orchestrator.asl.definition.QueryLanguage;
import io.stateway.orchestrator.asl.definition.Retrier;
import io.stateway.orchestrator.asl.definition.Transition;
import io.stateway.orchestrator.asl.json.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code Task}: asks the runtime to run its resource with the effective parameters, then shapes
 * the result. The history names the resource as AWS does: Lambda function ARNs get
 * {@code LambdaFunction*} events, service integrations {@code Task*}, activities {@code Activity*}.
 */
public record TaskState(
        String name,
        QueryLanguage queryLanguage,
        Transition transition,
        TaskResource resource,
        JsonPathIo io,
        JsonataIo jsonata,
        NumberField timeoutSeconds,
        NumberField heartbeatSeconds,
        JsonNode credentials,
        List<Retrier> retriers,
        List<Catcher> catchers,
        Assign assign)
        implements State {

    /** A callback task without {@code TimeoutSeconds} waits as long as AWS lets it: 99,999,999 s. */
    public static final long DEFAULT_CALLBACK_TIMEOUT_SECONDS = 99_999_999L;

    public TaskState {
        retriers = List.copyOf(retriers);
        catchers = List.copyOf(catchers);
    }

    @Override
    public HistoryEventType enteredEventType() {
        return HistoryEventType.TaskStateEntered;
    }

    @Override
    public HistoryEventType exitedEventType() {
        return HistoryEventType.TaskStateExited;
    }

    @Override
    public boolean countsRetries() {
        return true;
    }

    @Override
    public StepResult execute(StateContext context) {
        String token = resource.pattern() == TaskResource.IntegrationPattern.WAIT_FOR_TASK_TOKEN
                ? context.issueTaskToken()
                : null;
        JsonNode parameters;
        JsonNode timeoutInput;
        if (queryLanguage == QueryLanguage.JSONATA) {
            parameters = jsonata.arguments() == null
                    ? context.input()
                    : jsonata.arguments().evaluate(context.jsonataScope(null, null));
            timeoutInput = context.input();
        } else {
            JsonNode effective = DataFlow.effectiveInput(io, context);
            parameters = DataFlow.parameters(io, context, effective);
            timeoutInput = effective;
        }
        Long timeout = NumberField.whole(timeoutSeconds, context, timeoutInput);
        Long heartbeat = NumberField.whole(heartbeatSeconds, context, timeoutInput);
        scheduled(context, parameters, timeout, heartbeat);
        return new StepResult.AwaitTask(new TaskRequest(resource, parameters, timeout, heartbeat, credentials, token));
    }

    @Override
    public StepResult resume(StateContext context, Resumption resumption) {
        TaskResult result = ((Resumption.TaskFinished) resumption).result();
        // A callback task has started already: it was submitted and waited for its answer.
        boolean submitted =
                context.pending() != null && context.pending().path("submitted").asBoolean(false);
        if (!submitted) {
            started(context);
        }
        return switch (result) {
            case TaskResult.Submitted accepted -> submitted(context, accepted.output());
            case TaskResult.Succeeded succeeded -> succeeded(context, succeeded.output());
            case TaskResult.Failed failed -> {
                failedEvent(context, failed.error(), failed.cause(), false);
                yield new StepResult.Failed(new Failure(failed.error(), failed.cause()));
            }
            case TaskResult.TimedOut timedOut -> {
                failedEvent(context, timedOut.error(), timedOut.cause(), true);
                yield new StepResult.Failed(new Failure(timedOut.error(), timedOut.cause()));
            }
        };
    }

    private StepResult submitted(StateContext context, JsonNode output) {
        if (resource.kind() == TaskResource.Kind.SERVICE_INTEGRATION) {
            context.emit(
                    HistoryEventType.TaskSubmitted,
                    new EventDetails.TaskOutput(
                            resource.service(),
                            resource.action(),
                            Json.text(output),
                            EventDetails.DataDetails.NOT_TRUNCATED));
        }
        JsonNode request = context.pending() == null ? null : context.pending().get("request");
        Long timeout = request == null
                        || request.get("timeoutSeconds") == null
                        || request.get("timeoutSeconds").isNull()
                ? null
                : request.get("timeoutSeconds").longValue();
        Long heartbeat = request == null
                        || request.get("heartbeatSeconds") == null
                        || request.get("heartbeatSeconds").isNull()
                ? null
                : request.get("heartbeatSeconds").longValue();
        return new StepResult.AwaitCallback(
                context.now().plusSeconds(timeout == null ? DEFAULT_CALLBACK_TIMEOUT_SECONDS : timeout), heartbeat);
    }

    private StepResult succeeded(StateContext context, JsonNode result) {
        String text = Json.text(result);
        switch (resource.kind()) {
            case LAMBDA_FUNCTION ->
                context.emit(
                        HistoryEventType.LambdaFunctionSucceeded,
                        new EventDetails.OutputDetails(text, EventDetails.DataDetails.NOT_TRUNCATED));
            case ACTIVITY ->
                context.emit(
                        HistoryEventType.ActivitySucceeded,
                        new EventDetails.OutputDetails(text, EventDetails.DataDetails.NOT_TRUNCATED));
            case SERVICE_INTEGRATION ->
                context.emit(
                        HistoryEventType.TaskSucceeded,
                        new EventDetails.TaskOutput(
                                resource.service(), resource.action(), text, EventDetails.DataDetails.NOT_TRUNCATED));
        }
        if (queryLanguage == QueryLanguage.JSONATA) {
            var assigned = DataFlow.assigned(assign, context, result);
            return new StepResult.Completed(
                    DataFlow.jsonataOutput(jsonata.output(), context, result, null, result), assigned, null);
        }
        JsonNode selected = DataFlow.selectResult(io, context, result);
        var assigned = DataFlow.assigned(assign, context, selected);
        return new StepResult.Completed(DataFlow.output(io, context, selected), assigned, null);
    }

    private void scheduled(StateContext context, JsonNode parameters, Long timeout, Long heartbeat) {
        String text = Json.text(parameters);
        switch (resource.kind()) {
            case LAMBDA_FUNCTION ->
                context.emit(
                        HistoryEventType.LambdaFunctionScheduled,
                        new EventDetails.LambdaFunctionScheduled(
                                resource.arn(), text, EventDetails.DataDetails.NOT_TRUNCATED, timeout, null));
            case ACTIVITY ->
                context.emit(
                        HistoryEventType.ActivityScheduled,
                        new EventDetails.ActivityScheduled(
                                resource.arn(), text, EventDetails.DataDetails.NOT_TRUNCATED, timeout, heartbeat));
            case SERVICE_INTEGRATION ->
                context.emit(
                        HistoryEventType.TaskScheduled,
                        new EventDetails.TaskScheduled(
                                resource.service(),
                                resource.action(),
                                resource.region(),
                                text,
                                timeout,
                                heartbeat,
                                null));
        }
    }

    private void started(StateContext context) {
        switch (resource.kind()) {
            case LAMBDA_FUNCTION -> context.emit(HistoryEventType.LambdaFunctionStarted, null);
            case ACTIVITY -> context.emit(HistoryEventType.ActivityStarted, new EventDetails.ActivityStarted(null));
            case SERVICE_INTEGRATION ->
                context.emit(
                        HistoryEventType.TaskStarted,
                        new EventDetails.TaskStarted(resource.service(), resource.action()));
        }
    }

    private void failedEvent(StateContext context, String error, String cause, boolean timedOut) {
        switch (resource.kind()) {
            case LAMBDA_FUNCTION ->
                context.emit(
                        timedOut ? HistoryEventType.LambdaFunctionTimedOut : HistoryEventType.LambdaFunctionFailed,
                        new EventDetails.ErrorDetails(error, cause));
            case ACTIVITY ->
                context.emit(
                        timedOut ? HistoryEventType.ActivityTimedOut : HistoryEventType.ActivityFailed,
                        new EventDetails.ErrorDetails(error, cause));
            case SERVICE_INTEGRATION ->
                context.emit(
                        timedOut ? HistoryEventType.TaskTimedOut : HistoryEventType.TaskFailed,
                        new EventDetails.TaskError(resource.service(), resource.action(), error, cause));
        }
    }
}
