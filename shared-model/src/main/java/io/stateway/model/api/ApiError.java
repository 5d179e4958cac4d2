package io.stateway.model.api;

import java.util.Objects;

/**
 * The body of an API Gateway error response, {@code {"message": "Forbidden"}}; the gateway sends
 * it with the status code and the {@code x-amzn-ErrorType} header of the error, as AWS does.
 *
 * @param message the text a client sees
 */
public record ApiError(String message) {

    public ApiError {
        Objects.requireNonNull(message, "message");
    }
}
