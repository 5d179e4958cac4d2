package io.stateway.orchestrator.api.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.stateway.orchestrator.api.ApiError;
import io.stateway.orchestrator.api.JsonProblems;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * The REST face's errors, mapped once: the same AWS error codes and body ({@code {"__type",
 * "message"}}) as the AWS JSON face, with resource-style statuses (404 for what does not exist,
 * 409 for conflicts and duplicates). Malformed or mistyped bodies and parameters are the caller's
 * mistake (400), never a 500, and no response carries a stack trace. (The AWS JSON face maps its
 * own errors and never lets one reach this advice.)
 */
// Unrestricted: unknown paths and methods are answered before any controller is chosen.
@RestControllerAdvice
class RestErrors {

    private static final Logger log = LoggerFactory.getLogger(RestErrors.class);

    private static final Set<String> NOT_FOUND = Set.of(
            "StateMachineDoesNotExist",
            "ExecutionDoesNotExist",
            "ActivityDoesNotExist",
            "ResourceNotFound",
            "TaskDoesNotExist");

    private static final Set<String> CONFLICT =
            Set.of("StateMachineAlreadyExists", "ExecutionAlreadyExists", "ActivityAlreadyExists", "ConflictException");

    /** AWS's error body. */
    record ErrorBody(@JsonProperty("__type") String type, String message) {}

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException exception) {
        String detail = exception.getMostSpecificCause() instanceof JacksonException json
                ? JsonProblems.describe(json)
                : "The request body is missing or not readable JSON";
        return body(400, "SerializationException", detail);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> mistyped(MethodArgumentTypeMismatchException exception) {
        return body(
                400,
                "ValidationException",
                "Value '" + exception.getValue() + "' at '" + exception.getName() + "' is not a valid "
                        + (exception.getRequiredType() == null
                                ? "value"
                                : exception.getRequiredType().getSimpleName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missing(MissingServletRequestParameterException exception) {
        return body(
                400,
                "ValidationException",
                "Value null at '" + exception.getParameterName()
                        + "' failed to satisfy constraint: Member must not be null");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException exception) {
        return body(405, "MethodNotAllowed", exception.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException exception) {
        return body(415, "UnsupportedMediaType", "Send JSON bodies with Content-Type: application/json");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorBody> noSuchPath(NoResourceFoundException exception) {
        return body(404, "UnknownOperationException", "No such path: " + exception.getResourcePath());
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ErrorBody> failed(RuntimeException exception) {
        ApiError error = ApiError.of(exception);
        if (error.isServerSide()) {
            log.error("REST request failed: {}", error.code(), exception);
        }
        return body(status(error), error.code(), error.message());
    }

    private static int status(ApiError error) {
        if (NOT_FOUND.contains(error.code())) {
            return HttpStatus.NOT_FOUND.value();
        }
        if (CONFLICT.contains(error.code())) {
            return HttpStatus.CONFLICT.value();
        }
        return error.status();
    }

    private static ResponseEntity<ErrorBody> body(int status, String code, String message) {
        return ResponseEntity.status(status).body(new ErrorBody(code, message));
    }
}
