package io.stateway.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The body of an error in the AWS JSON 1.0 protocol ({@code X-Amz-Target} requests), {@code
 * {"__type": "ExecutionDoesNotExist", "message": "..."}}: the AWS SDKs and CLI take the error code
 * from {@code __type} (ignoring any {@code namespace#} before it).
 *
 * @param type the AWS error code, e.g. {@code InvalidDefinition}
 * @param message the text a client sees
 */
public record AwsJsonError(@JsonProperty("__type") String type, String message) {

    public AwsJsonError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }
}
