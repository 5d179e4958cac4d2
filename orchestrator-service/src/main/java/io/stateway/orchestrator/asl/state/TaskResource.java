package io.stateway.orchestrator.asl.state;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Task's {@code Resource}, understood: a Lambda function ARN, an activity ARN, or a service
 * integration {@code arn:aws:states:::service:action[.sync|.sync:2|.waitForTaskToken]}.
 *
 * @param service the integration's service ({@code lambda}, {@code sqs}, ...), or {@code null}
 * @param action the integration's action with its pattern suffix ({@code invoke}, {@code startExecution.sync})
 */
public record TaskResource(
        String arn, Kind kind, String region, String service, String action, IntegrationPattern pattern) {

    public enum Kind {
        LAMBDA_FUNCTION,
        ACTIVITY,
        SERVICE_INTEGRATION
    }

    /** How the state waits for the integration. */
    public enum IntegrationPattern {
        REQUEST_RESPONSE,
        SYNC,
        WAIT_FOR_TASK_TOKEN
    }

    private static final Pattern SERVICE =
            Pattern.compile("arn:[a-z-]+:states:([a-z0-9-]*):[0-9]*:([a-zA-Z0-9-]+):([a-zA-Z0-9.:_-]+)");
    private static final Pattern LAMBDA = Pattern.compile("arn:[a-z-]+:lambda:([a-z0-9-]+):[0-9]{12}:function:.+");
    private static final Pattern ACTIVITY = Pattern.compile("arn:[a-z-]+:states:([a-z0-9-]+):[0-9]{12}:activity:.+");

    /** Parses a resource ARN; returns {@code null} if it is none of the known forms. */
    public static TaskResource parse(String arn, String defaultRegion) {
        Matcher lambda = LAMBDA.matcher(arn);
        if (lambda.matches()) {
            return new TaskResource(
                    arn, Kind.LAMBDA_FUNCTION, lambda.group(1), "lambda", null, IntegrationPattern.REQUEST_RESPONSE);
        }
        Matcher activity = ACTIVITY.matcher(arn);
        if (activity.matches()) {
            return new TaskResource(
                    arn, Kind.ACTIVITY, activity.group(1), null, null, IntegrationPattern.WAIT_FOR_TASK_TOKEN);
        }
        Matcher service = SERVICE.matcher(arn);
        if (service.matches()) {
            String region = service.group(1).isEmpty() ? defaultRegion : service.group(1);
            String action = service.group(3);
            IntegrationPattern pattern = action.endsWith(".waitForTaskToken")
                    ? IntegrationPattern.WAIT_FOR_TASK_TOKEN
                    : action.contains(".sync") ? IntegrationPattern.SYNC : IntegrationPattern.REQUEST_RESPONSE;
            return new TaskResource(arn, Kind.SERVICE_INTEGRATION, region, service.group(2), action, pattern);
        }
        return null;
    }
}
