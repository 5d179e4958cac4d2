package io.stateway.orchestrator.integration.lambda;

/**
 * Invokes a Lambda-compatible function: in production an HTTP endpoint from the function
 * registry, in the conformance runner an in-process stand-in.
 */
@FunctionalInterface
public interface FunctionInvoker {

    /**
     * @param functionArn the function's full ARN (with no qualifier)
     * @param payload the request body (the event)
     * @param asynchronous whether the caller asked for {@code InvocationType: Event}
     * @param idempotencyKey stable across retries of the same attempt, for the function to de-duplicate
     */
    Invocation invoke(String functionArn, byte[] payload, boolean asynchronous, String idempotencyKey);

    /** What an invocation came back with. */
    sealed interface Invocation {

        /**
         * The function ran: its payload, and the error kind if it failed ({@code Unhandled},
         * {@code Handled}; {@code null} on success).
         */
        record Returned(byte[] payload, String functionError, String requestId) implements Invocation {}

        /** No such function. */
        record NotFound(String requestId) implements Invocation {}

        /** The function could not be reached or did not answer in time. */
        record Unreachable(String error, String cause) implements Invocation {}
    }
}
