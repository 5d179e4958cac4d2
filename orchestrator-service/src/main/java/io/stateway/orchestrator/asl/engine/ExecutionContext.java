package io.stateway.orchestrator.asl.engine;

import io.stateway.orchestrator.asl.json.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What stays the same for a whole execution: its names, input and start time, which the context
 * object ({@code $$.Execution}, {@code $$.StateMachine}) exposes.
 *
 * @param redriveCount how often a Standard execution was redriven; {@code null} for Express
 *     executions, which cannot be and whose context object has no {@code RedriveCount}
 */
public record ExecutionContext(
        String executionArn,
        String executionName,
        JsonNode input,
        Instant startTime,
        String roleArn,
        String stateMachineArn,
        String stateMachineName,
        Integer redriveCount) {

    /** AWS's timestamp form in the context object: UTC with milliseconds. */
    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    ObjectNode executionObject() {
        ObjectNode execution = Json.NODES.objectNode();
        execution.put("Id", executionArn);
        execution.set("Input", input);
        execution.put("StartTime", TIMESTAMP.format(startTime));
        execution.put("Name", executionName);
        execution.put("RoleArn", roleArn);
        if (redriveCount != null) {
            execution.put("RedriveCount", redriveCount);
        }
        return execution;
    }

    ObjectNode stateMachineObject() {
        ObjectNode stateMachine = Json.NODES.objectNode();
        stateMachine.put("Id", stateMachineArn);
        stateMachine.put("Name", stateMachineName);
        return stateMachine;
    }

    /** The ARN of a map run of this execution's state machine. */
    String mapRunArn(String label, String runId) {
        String base = stateMachineArn.replace(":stateMachine:", ":mapRun:");
        return base + "/" + (label == null ? runId : label + ":" + runId) + ":" + runId;
    }
}
