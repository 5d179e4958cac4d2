package io.stateway.orchestrator.api.execution;

import io.stateway.orchestrator.api.rest.JsonText;
import io.stateway.orchestrator.api.rest.RestIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The REST face of executions: start (through a state machine, version or alias), describe, list,
 * history, stop, redrive; and the answers to callback tasks. An execution input may be sent as
 * JSON text or as the JSON value itself.
 */
@RestController
@RequestMapping("/v1")
@Tag(name = "Executions")
class ExecutionController {

    private static final String MACHINE = "A state machine ARN or name; a version is NAME:N, an alias NAME:ALIAS";
    private static final String EXECUTION = "An execution ARN, or MACHINE:EXECUTION";

    private final StartExecution start;
    private final StartSyncExecution startSync;
    private final DescribeExecution describe;
    private final ListExecutions list;
    private final GetExecutionHistory history;
    private final StopExecution stop;
    private final RedriveExecution redrive;
    private final DescribeStateMachineForExecution stateMachine;
    private final SendTaskSuccess success;
    private final SendTaskFailure failure;
    private final SendTaskHeartbeat heartbeat;
    private final RestIds ids;

    ExecutionController(
            StartExecution start,
            StartSyncExecution startSync,
            DescribeExecution describe,
            ListExecutions list,
            GetExecutionHistory history,
            StopExecution stop,
            RedriveExecution redrive,
            DescribeStateMachineForExecution stateMachine,
            SendTaskSuccess success,
            SendTaskFailure failure,
            SendTaskHeartbeat heartbeat,
            RestIds ids) {
        this.start = start;
        this.startSync = startSync;
        this.describe = describe;
        this.list = list;
        this.history = history;
        this.stop = stop;
        this.redrive = redrive;
        this.stateMachine = stateMachine;
        this.success = success;
        this.failure = failure;
        this.heartbeat = heartbeat;
        this.ids = ids;
    }

    /** A start request: the input as JSON text or as the JSON value; all members optional. */
    record StartBody(String name, JsonNode input, String traceHeader) {}

    @PostMapping("/state-machines/{stateMachine}/executions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start an execution (StartExecution)")
    StartExecution.Output start(
            @Parameter(description = MACHINE) @PathVariable String stateMachine,
            @RequestBody(required = false) StartBody body) {
        StartBody given = body == null ? new StartBody(null, null, null) : body;
        return start.handle(new StartExecution.Input(
                ids.stateMachine(stateMachine), given.name(), JsonText.of(given.input()), given.traceHeader()));
    }

    @PostMapping("/state-machines/{stateMachine}/sync-executions")
    @Operation(summary = "Run an Express execution to its end (StartSyncExecution)")
    StartSyncExecution.Output startSync(
            @Parameter(description = MACHINE) @PathVariable String stateMachine,
            @RequestBody(required = false) StartBody body) {
        StartBody given = body == null ? new StartBody(null, null, null) : body;
        return startSync.handle(new StartSyncExecution.Input(
                ids.stateMachine(stateMachine), given.name(), JsonText.of(given.input()), given.traceHeader(), null));
    }

    @GetMapping("/state-machines/{stateMachine}/executions")
    @Operation(summary = "List executions, newest first (ListExecutions)")
    ListExecutions.Output list(
            @Parameter(description = MACHINE) @PathVariable String stateMachine,
            @RequestParam(required = false) String statusFilter,
            @RequestParam(required = false) Integer maxResults,
            @RequestParam(required = false) String nextToken,
            @RequestParam(required = false) String redriveFilter) {
        return list.handle(new ListExecutions.Input(
                ids.stateMachine(stateMachine), statusFilter, maxResults, nextToken, null, redriveFilter));
    }

    @GetMapping("/executions/{execution}")
    @Operation(summary = "Describe an execution (DescribeExecution)")
    DescribeExecution.Output describe(@Parameter(description = EXECUTION) @PathVariable String execution) {
        return describe.handle(new DescribeExecution.Input(ids.execution(execution), null));
    }

    @GetMapping("/executions/{execution}/history")
    @Operation(summary = "An execution's history events (GetExecutionHistory)")
    GetExecutionHistory.Output history(
            @Parameter(description = EXECUTION) @PathVariable String execution,
            @RequestParam(required = false) Integer maxResults,
            @RequestParam(required = false) String nextToken,
            @RequestParam(required = false) Boolean reverseOrder,
            @RequestParam(required = false) Boolean includeExecutionData) {
        return history.handle(new GetExecutionHistory.Input(
                ids.execution(execution), maxResults, reverseOrder, nextToken, includeExecutionData));
    }

    @GetMapping("/executions/{execution}/state-machine")
    @Operation(summary = "The state machine as the execution ran it (DescribeStateMachineForExecution)")
    DescribeStateMachineForExecution.Output stateMachine(
            @Parameter(description = EXECUTION) @PathVariable String execution) {
        return stateMachine.handle(new DescribeStateMachineForExecution.Input(ids.execution(execution), null));
    }

    record StopBody(String error, String cause) {}

    @PostMapping("/executions/{execution}/stop")
    @Operation(summary = "Stop an execution (StopExecution)")
    StopExecution.Output stop(
            @Parameter(description = EXECUTION) @PathVariable String execution,
            @RequestBody(required = false) StopBody body) {
        StopBody given = body == null ? new StopBody(null, null) : body;
        return stop.handle(new StopExecution.Input(ids.execution(execution), given.error(), given.cause()));
    }

    record RedriveBody(String clientToken) {}

    @PostMapping("/executions/{execution}/redrive")
    @Operation(summary = "Redrive a failed, timed-out or aborted execution (RedriveExecution)")
    RedriveExecution.Output redrive(
            @Parameter(description = EXECUTION) @PathVariable String execution,
            @RequestBody(required = false) RedriveBody body) {
        return redrive.handle(
                new RedriveExecution.Input(ids.execution(execution), body == null ? null : body.clientToken()));
    }

    /** SendTaskSuccess's input, the output as JSON text or as the JSON value. */
    record SuccessBody(String taskToken, JsonNode output) {}

    @PostMapping("/task-tokens/success")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Answer a callback task with its output (SendTaskSuccess)")
    void success(@RequestBody SuccessBody body) {
        success.handle(new SendTaskSuccess.Input(body.taskToken(), JsonText.of(body.output())));
    }

    @PostMapping("/task-tokens/failure")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Fail a callback task (SendTaskFailure)")
    void failure(@RequestBody SendTaskFailure.Input body) {
        failure.handle(body);
    }

    @PostMapping("/task-tokens/heartbeat")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Report that a callback task is alive (SendTaskHeartbeat)")
    void heartbeat(@RequestBody SendTaskHeartbeat.Input body) {
        heartbeat.handle(body);
    }
}
