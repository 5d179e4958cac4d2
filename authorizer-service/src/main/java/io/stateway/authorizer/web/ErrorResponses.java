package io.stateway.authorizer.web;

import io.stateway.model.api.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every failure of this service's API as API Gateway's control plane answers: {@code {"message":
 * ...}} with the error type in {@code x-amzn-ErrorType}; never a stack trace.
 */
@RestControllerAdvice
class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    @ExceptionHandler(AuthorizerException.class)
    ResponseEntity<ApiError> refused(AuthorizerException e) {
        return error(e.code().status(), e.code().name(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return error(
                400,
                "BadRequestException",
                "Invalid request body: " + firstLine(e.getMostSpecificCause().getMessage()));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ApiError> badParameter(Exception e) {
        return error(400, "BadRequestException", firstLine(e.getMessage()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ApiError> concurrentChange(OptimisticLockingFailureException e) {
        return error(409, "ConflictException", "Another change to this resource happened first; retry");
    }

    /** Spring's own failures (unknown path, wrong method, media type) keep their status, in AWS's shape. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (e instanceof ErrorResponse known && known.getStatusCode().value() < 500) {
            int status = known.getStatusCode().value();
            String detail = known.getBody().getDetail();
            return error(
                    status,
                    status == 404 ? "NotFoundException" : "BadRequestException",
                    detail == null ? "Bad request" : detail);
        }
        log.error("Request failed", e);
        return error(500, "InternalServerErrorException", "Internal server error");
    }

    static ResponseEntity<ApiError> error(int status, String type, String message) {
        return ResponseEntity.status(status).header("x-amzn-ErrorType", type).body(new ApiError(message));
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "invalid";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
