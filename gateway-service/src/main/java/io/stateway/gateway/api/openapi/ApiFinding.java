package io.stateway.gateway.api.openapi;

/**
 * One problem found in an API document.
 *
 * @param severity an error refuses the document; a warning is reported (and refuses it when the caller
 *     asks to fail on warnings)
 * @param location a JSON pointer into the document ({@code /paths/~1pets/get/responses}), {@code ""}
 *     for the whole document
 * @param message what is wrong, in AWS's words where AWS has words for it
 */
public record ApiFinding(Severity severity, String location, String message) {

    public enum Severity {
        ERROR,
        WARNING
    }

    @Override
    public String toString() {
        return (location.isEmpty() ? "/" : location) + ": " + message;
    }
}
