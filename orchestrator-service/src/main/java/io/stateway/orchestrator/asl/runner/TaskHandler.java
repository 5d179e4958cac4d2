package io.stateway.orchestrator.asl.runner;

import io.stateway.orchestrator.asl.state.TaskRequest;
import io.stateway.orchestrator.asl.state.TaskResult;

/** Runs the tasks of an in-memory execution, in-process. */
@FunctionalInterface
public interface TaskHandler {

    TaskResult run(TaskRequest request);
}
