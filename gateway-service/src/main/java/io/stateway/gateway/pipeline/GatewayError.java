package io.stateway.gateway.pipeline;

import io.stateway.gateway.api.GatewayResponseType;

/**
 * A request that ends in a gateway response: the type (which the API may customise), the status AWS sends
 * for this particular failure, and the message of {@code $context.error.message}.
 */
public final class GatewayError extends RuntimeException {

    private final GatewayResponseType type;
    private final int status;

    public GatewayError(GatewayResponseType type, int status, String message) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
    }

    public GatewayError(GatewayResponseType type, int status, String message, Throwable cause) {
        super(message, cause, false, false);
        this.type = type;
        this.status = status;
    }

    public GatewayResponseType type() {
        return type;
    }

    public int status() {
        return status;
    }

    public static GatewayError missingAuthenticationToken() {
        return new GatewayError(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, 403, "Missing Authentication Token");
    }

    /** A configuration problem of the API or its backend: AWS answers 500 "Internal server error". */
    public static GatewayError configuration(String detail) {
        return new GatewayError(
                GatewayResponseType.API_CONFIGURATION_ERROR,
                500,
                "Internal server error",
                new IllegalStateException(detail));
    }

    /** Any other failure inside the gateway: 500 "Internal server error". */
    public static GatewayError internal(String detail) {
        return new GatewayError(
                GatewayResponseType.DEFAULT_5XX, 500, "Internal server error", new IllegalStateException(detail));
    }

    /** A failure that AWS reports with another 5xx status, e.g. 502 for a malformed Lambda proxy response. */
    public static GatewayError internal(int status, String detail) {
        return new GatewayError(
                GatewayResponseType.DEFAULT_5XX, status, "Internal server error", new IllegalStateException(detail));
    }

    /** Why this happened, for the log (never sent to the client). */
    public String detail() {
        return getCause() == null ? getMessage() : getCause().getMessage();
    }
}
