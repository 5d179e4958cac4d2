package io.stateway.gateway.integration;

import io.stateway.gateway.api.GatewayResponseType;
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
        Throwable cause = rootCause(failure);
        if (failure instanceof TimeoutException
                || cause instanceof TimeoutException
                || cause instanceof io.netty.handler.timeout.ReadTimeoutException) {
            return new GatewayError(
                    GatewayResponseType.INTEGRATION_TIMEOUT, 504, "Endpoint request timed out", failure);
        }
        if (cause instanceof ConnectException
                || cause instanceof UnknownHostException
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

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
