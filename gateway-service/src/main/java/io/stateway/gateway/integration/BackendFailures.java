package io.stateway.gateway.integration;

import io.stateway.gateway.api.GatewayResponseType;
import io.stateway.gateway.framing.MalformedRequestBodyException;
import io.stateway.gateway.pipeline.GatewayError;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;
import reactor.netty.http.client.PrematureCloseException;

/** What the client gets when a backend gives no usable answer, in API Gateway's terms. */
final class BackendFailures {

    private BackendFailures() {}

    static GatewayError toGatewayError(Throwable failure, String target) {
        if (failure instanceof GatewayError error) {
            return error;
        }
        if (MalformedRequestBodyException.isCauseOf(failure)) {
            // The client's body broke while it was streamed to the backend, which got no complete request.
            return new GatewayError(GatewayResponseType.BAD_REQUEST_BODY, 400, "Malformed request body", failure);
        }
        Throwable cause = rootCause(failure);
        if (failure instanceof TimeoutException
                || cause instanceof TimeoutException
                || cause instanceof io.netty.handler.timeout.ReadTimeoutException) {
            return new GatewayError(
                    GatewayResponseType.INTEGRATION_TIMEOUT, 504, "Endpoint request timed out", failure);
        }
        if (cause instanceof ConnectException
                || causedBy(failure, UnknownHostException.class)
                || cause instanceof UnresolvedAddressException) {
            // API Gateway: "Execution failed due to configuration error: Invalid endpoint address".
            return new GatewayError(
                    GatewayResponseType.API_CONFIGURATION_ERROR,
                    500,
                    "Internal server error",
                    new IllegalStateException("cannot connect to " + target + ": " + cause));
        }
        if (cause instanceof PrematureCloseException) {
            return new GatewayError(
                    GatewayResponseType.INTEGRATION_FAILURE,
                    502,
                    "Internal server error",
                    new IllegalStateException(target + " closed the connection early"));
        }
        return new GatewayError(
                GatewayResponseType.INTEGRATION_FAILURE,
                504,
                "Internal server error",
                new IllegalStateException("calling " + target + " failed: " + cause));
    }

    /** Whether the failure or one of its causes is of a type (a DNS failure's root is Netty's own cause). */
    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
