package io.stateway.orchestrator.asl.validation;

import java.util.Objects;

/**
 * The error AWS answers a request with when it will not take a definition.
 *
 * @param type the AWS error code
 * @param message the message, exactly as AWS words it
 */
public record DefinitionRejection(Type type, String message) {

    /** The AWS error codes a definition is rejected with. */
    public enum Type {
        /** The definition was read and is not a valid state machine. */
        INVALID_DEFINITION("InvalidDefinition"),
        /** The request breaks an API constraint before the definition is read (its length). */
        VALIDATION_EXCEPTION("ValidationException");

        private final String awsCode;

        Type(String awsCode) {
            this.awsCode = awsCode;
        }

        /** The error code on the wire ({@code __type}). */
        public String awsCode() {
            return awsCode;
        }
    }

    public DefinitionRejection {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }
}
