package io.stateway.history.web;

import io.stateway.model.api.AwsJsonError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of this service, mapped once: AWS's body ({@code {"__type", "message"}}) with the
 * status of its code. Mistyped parameters are the caller's mistake (400); the database being out of
 * reach is {@code ServiceUnavailable} (503); anything else is {@code InternalFailure}, logged here
 * and never shown to the caller.
 */
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<AwsJsonError> refused(ApiException exception) {
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(exception.code().status());
        if (exception.code() == ErrorCode.ThrottlingException) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return response.contentType(MediaType.APPLICATION_JSON)
                .body(new AwsJsonError(exception.code().name(), exception.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<AwsJsonError> mistyped(MethodArgumentTypeMismatchException exception) {
        return body(
                ErrorCode.ValidationException,
                "Value '" + exception.getValue() + "' at '" + exception.getName() + "' is not a valid "
                        + (exception.getRequiredType() == null
                                ? "value"
                                : exception.getRequiredType().getSimpleName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<AwsJsonError> missing(MissingServletRequestParameterException exception) {
        return body(
                ErrorCode.ValidationException,
                "Value null at '" + exception.getParameterName()
                        + "' failed to satisfy constraint: Member must not be null");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<AwsJsonError> method(HttpRequestMethodNotSupportedException exception) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new AwsJsonError("MethodNotAllowed", exception.getMessage()));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<AwsJsonError> notAcceptable(HttpMediaTypeNotAcceptableException exception) {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new AwsJsonError(
                        "NotAcceptable", "This resource is served as " + exception.getSupportedMediaTypes()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<AwsJsonError> noSuchPath(NoResourceFoundException exception) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new AwsJsonError("UnknownOperationException", "No such path: /" + exception.getResourcePath()));
    }

    /** A live stream's client went away: nothing can be written to it any more. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException exception) {
        log.debug("Client went away: {}", exception.getMessage());
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ResponseEntity<AwsJsonError> unavailable(RuntimeException exception) {
        log.warn("Database unavailable: {}", exception.getMessage());
        return body(ErrorCode.ServiceUnavailable, "The service is temporarily unavailable; retry the request");
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<AwsJsonError> failed(RuntimeException exception) {
        log.error("Request failed", exception);
        return body(ErrorCode.InternalFailure, "An internal error occurred; the request may be retried");
    }

    private static ResponseEntity<AwsJsonError> body(ErrorCode code, String message) {
        return ResponseEntity.status(code.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(new AwsJsonError(code.name(), message));
    }
}
