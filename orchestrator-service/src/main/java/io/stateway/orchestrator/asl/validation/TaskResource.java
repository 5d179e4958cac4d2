package io.stateway.orchestrator.asl.validation;

/** What a Task's {@code Resource} ARN names, as far as the validator needs to know. */
sealed interface TaskResource {

    record LambdaFunction() implements TaskResource {}

    record Activity() implements TaskResource {}

    /** An optimized integration, an AWS SDK integration or the HTTP task, with its pattern. */
    record Integration(IntegrationPattern pattern) implements TaskResource {}
}
