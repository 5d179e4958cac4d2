package io.stateway.authorizer.web;

/**
 * A refused admin or internal call, named by its API Gateway error type, which fixes the status;
 * mapped to {@code {"message": ...}} with {@code x-amzn-ErrorType} once, by {@link ErrorResponses}.
 */
public class AuthorizerException extends RuntimeException {

    private final Code code;

    public AuthorizerException(Code code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    public static AuthorizerException badRequest(String message) {
        return new AuthorizerException(Code.BadRequestException, message);
    }

    public static AuthorizerException notFound(String what, String id) {
        return new AuthorizerException(Code.NotFoundException, "Invalid " + what + " identifier specified: " + id);
    }

    public static AuthorizerException conflict(String message) {
        return new AuthorizerException(Code.ConflictException, message);
    }

    /** API Gateway's control-plane error types, with their statuses. */
    public enum Code {
        BadRequestException(400),
        UnauthorizedException(401),
        NotFoundException(404),
        ConflictException(409),
        ServiceUnavailableException(503);

        private final int status;

        Code(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
