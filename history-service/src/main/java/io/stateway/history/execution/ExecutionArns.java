package io.stateway.history.execution;

import io.stateway.history.web.ApiException;
import io.stateway.history.web.ErrorCode;
import java.util.regex.Pattern;

/** What an execution ARN and a state machine ARN look like, as the orchestrator mints them. */
public final class ExecutionArns {

    private static final Pattern EXECUTION =
            Pattern.compile("arn:aws[a-z-]*:states:[a-z0-9-]+:[0-9]{12}:(execution|express):[^:]+:[^:]+(:[^:]+)?");

    private static final Pattern STATE_MACHINE =
            Pattern.compile("arn:aws[a-z-]*:states:[a-z0-9-]+:[0-9]{12}:stateMachine:[^:]+(:[^:]+)?");

    private ExecutionArns() {}

    /** The ARN, or {@code InvalidArn}. */
    public static String requireExecution(String arn) {
        if (arn == null || arn.length() > 256 || !EXECUTION.matcher(arn).matches()) {
            throw new ApiException(ErrorCode.InvalidArn, "Invalid Arn: 'Invalid ARN prefix: " + arn + "'");
        }
        return arn;
    }

    /** The ARN of a state machine (or of one of its versions or aliases), or {@code InvalidArn}. */
    public static String requireStateMachine(String arn) {
        if (arn.length() > 256 || !STATE_MACHINE.matcher(arn).matches()) {
            throw new ApiException(ErrorCode.InvalidArn, "Invalid Arn: 'Invalid ARN prefix: " + arn + "'");
        }
        return arn;
    }
}
