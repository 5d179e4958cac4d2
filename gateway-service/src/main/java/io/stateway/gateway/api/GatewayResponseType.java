package io.stateway.gateway.api;

import java.util.Optional;

/**
 * The 21 gateway response types of API Gateway, with their default status code and the
 * {@code x-amzn-ErrorType} AWS sends with them. {@link #DEFAULT_4XX} and {@link #DEFAULT_5XX} have no
 * status of their own: they stand for "the error's own status" and act as fallbacks for the other types
 * of their class when customised.
 */
public enum GatewayResponseType {
    ACCESS_DENIED(403, "AccessDeniedException"),
    API_CONFIGURATION_ERROR(500, "InternalServerErrorException"),
    AUTHORIZER_CONFIGURATION_ERROR(500, "AuthorizerConfigurationException"),
    AUTHORIZER_FAILURE(500, "AuthorizerFailureException"),
    BAD_REQUEST_PARAMETERS(400, "BadRequestException"),
    BAD_REQUEST_BODY(400, "BadRequestException"),
    DEFAULT_4XX(0, "BadRequestException"),
    DEFAULT_5XX(0, "InternalServerErrorException"),
    EXPIRED_TOKEN(403, "ExpiredTokenException"),
    INTEGRATION_FAILURE(504, "InternalServerErrorException"),
    INTEGRATION_TIMEOUT(504, "InternalServerErrorException"),
    INVALID_API_KEY(403, "ForbiddenException"),
    INVALID_SIGNATURE(403, "InvalidSignatureException"),
    MISSING_AUTHENTICATION_TOKEN(403, "MissingAuthenticationTokenException"),
    QUOTA_EXCEEDED(429, "LimitExceededException"),
    REQUEST_TOO_LARGE(413, "RequestTooLargeException"),
    RESOURCE_NOT_FOUND(404, "ResourceNotFoundException"),
    THROTTLED(429, "TooManyRequestsException"),
    UNAUTHORIZED(401, "UnauthorizedException"),
    UNSUPPORTED_MEDIA_TYPE(415, "BadRequestException"),
    WAF_FILTERED(403, "WafFilteredException");

    private final int defaultStatus;
    private final String errorType;

    GatewayResponseType(int defaultStatus, String errorType) {
        this.defaultStatus = defaultStatus;
        this.errorType = errorType;
    }

    /** The status AWS sends when the API does not customise it; 0 for the two DEFAULT types. */
    public int defaultStatus() {
        return defaultStatus;
    }

    /** The value of {@code x-amzn-ErrorType}. */
    public String errorType() {
        return errorType;
    }

    /** The DEFAULT type whose customisation applies to this type when it is not customised itself. */
    public GatewayResponseType fallback(int status) {
        return status >= 500 ? DEFAULT_5XX : DEFAULT_4XX;
    }

    public static Optional<GatewayResponseType> parse(String name) {
        try {
            return Optional.of(valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
