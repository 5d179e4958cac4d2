package io.stateway.orchestrator.asl.validation;

import io.stateway.model.StateMachineType;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Task's {@code Resource}: it must name a Lambda function, an activity, an optimized
 * integration, an AWS SDK integration or the HTTP task, and an EXPRESS state machine can use
 * neither activities nor {@code .sync} nor {@code .waitForTaskToken}. The messages are AWS's,
 * trailing space of the task-token one included.
 */
final class TaskResources {

    private static final String PARTITION = "aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc";
    private static final Pattern LAMBDA = Pattern.compile("arn:(?:" + PARTITION
            + "):lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]{1,64}(?::(?:\\$LATEST|[A-Za-z0-9_-]{1,128}))?");
    private static final Pattern ACTIVITY =
            Pattern.compile("arn:(?:" + PARTITION + "):states:[a-z0-9-]+:\\d{12}:activity:[^\\s:]{1,80}");
    private static final Pattern SERVICE =
            Pattern.compile("arn:(?:" + PARTITION + "):states:::([a-z0-9-]+):([A-Za-z0-9]+)(.*)");
    private static final Pattern SDK =
            Pattern.compile("arn:(?:" + PARTITION + "):states:::aws-sdk:([a-z0-9-]+):([A-Za-z][A-Za-z0-9]*)(.*)");

    private TaskResources() {}

    static void check(Inspection in, String resource, Location at) {
        Optional<TaskResource> recognized = recognize(resource);
        if (recognized.isEmpty()) {
            in.schema(
                    "The resource provided " + resource + " is not recognized. The value is not a valid resource ARN,"
                            + " or the resource is not available in this region.",
                    at);
            return;
        }
        if (in.type == StateMachineType.EXPRESS) {
            expressRestrictions(in, recognized.get(), at);
        }
    }

    static Optional<TaskResource> recognize(String resource) {
        if (LAMBDA.matcher(resource).matches()) {
            return Optional.of(new TaskResource.LambdaFunction());
        }
        if (ACTIVITY.matcher(resource).matches()) {
            return Optional.of(new TaskResource.Activity());
        }
        Matcher sdk = SDK.matcher(resource);
        if (sdk.matches()) {
            return integration(sdk.group(3), ServiceIntegrations::supportsSdk);
        }
        Matcher service = SERVICE.matcher(resource);
        if (service.matches()) {
            String api = service.group(1) + ":" + service.group(2);
            return integration(service.group(3), pattern -> ServiceIntegrations.supports(api, pattern));
        }
        return Optional.empty();
    }

    private static Optional<TaskResource> integration(
            String suffix, java.util.function.Predicate<IntegrationPattern> supported) {
        IntegrationPattern pattern = ServiceIntegrations.patternOf(suffix);
        if (!pattern.suffix().equals(suffix) || !supported.test(pattern)) {
            return Optional.empty();
        }
        return Optional.of(new TaskResource.Integration(pattern));
    }

    private static void expressRestrictions(Inspection in, TaskResource resource, Location at) {
        switch (resource) {
            case TaskResource.Activity activity -> in.schema("Express state machine does not support Activity ARN", at);
            case TaskResource.Integration integration -> {
                switch (integration.pattern()) {
                    // '.sync:2' is a run-job pattern like '.sync'; AWS's message is not recorded for it.
                    case RUN_JOB, RUN_JOB_V2 ->
                        in.schema("Express state machine does not support '.sync' service integration", at);
                    case WAIT_FOR_TASK_TOKEN ->
                        in.schema(
                                "Express state machine does not support '.waitForTaskToken' service integration ", at);
                    case REQUEST_RESPONSE -> {
                        // allowed in EXPRESS
                    }
                }
            }
            case TaskResource.LambdaFunction lambda -> {
                // allowed in EXPRESS
            }
        }
    }
}
