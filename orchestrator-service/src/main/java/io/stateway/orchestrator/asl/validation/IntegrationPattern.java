package io.stateway.orchestrator.asl.validation;

/** How a Task waits for its service: request-response, run a job ({@code .sync}) or a callback. */
enum IntegrationPattern {
    REQUEST_RESPONSE(""),
    RUN_JOB(".sync"),
    RUN_JOB_V2(".sync:2"),
    WAIT_FOR_TASK_TOKEN(".waitForTaskToken");

    private final String suffix;

    IntegrationPattern(String suffix) {
        this.suffix = suffix;
    }

    String suffix() {
        return suffix;
    }
}
