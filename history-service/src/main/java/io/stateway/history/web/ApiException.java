package io.stateway.history.web;

/** A request this service refuses, with the AWS error code and message the caller sees. */
public final class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static ApiException validation(String message) {
        return new ApiException(ErrorCode.ValidationException, message);
    }

    public static ApiException invalidToken() {
        return new ApiException(ErrorCode.InvalidToken, "Invalid Token: 'Invalid token'");
    }

    public static ApiException executionDoesNotExist(String executionArn) {
        return new ApiException(ErrorCode.ExecutionDoesNotExist, "Execution Does Not Exist: '" + executionArn + "'");
    }
}
