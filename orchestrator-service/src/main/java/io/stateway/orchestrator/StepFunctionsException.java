package io.stateway.orchestrator;

/**
 * An error the Step Functions API reports to its caller: its AWS error code ({@code __type}, such
 * as {@code ExecutionDoesNotExist}) and message. Thrown anywhere in the service; mapped to an HTTP
 * response once, at the edge, with the status that {@link #httpStatus()} gives.
 */
public class StepFunctionsException extends RuntimeException {

    private final String code;

    public StepFunctionsException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The AWS error code. */
    public String code() {
        return code;
    }

    /** AWS's status for the code: 5xx for the service's own failures, 400 for everything else. */
    public int httpStatus() {
        return switch (code) {
            case "ServiceUnavailable" -> 503;
            case "InternalFailure", "InternalServerError" -> 500;
            case "ThrottlingException" -> 400;
            default -> 400;
        };
    }

    public static StepFunctionsException executionDoesNotExist(String arn) {
        return new StepFunctionsException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }

    public static StepFunctionsException stateMachineDoesNotExist(String arn) {
        return new StepFunctionsException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }

    public static StepFunctionsException invalidArn(String arn) {
        return new StepFunctionsException("InvalidArn", "Invalid Arn: '" + arn + "'");
    }

    public static StepFunctionsException validation(String message) {
        return new StepFunctionsException("ValidationException", message);
    }
}
