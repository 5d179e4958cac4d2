package io.stateway.gateway.api;

/**
 * How a method authenticates its caller. Only {@link #NONE} is enforced by this version of the gateway;
 * methods that declare another kind are refused at run time with {@code AUTHORIZER_CONFIGURATION_ERROR}
 * (fail closed) until the authorizer filters exist.
 */
public enum Authorization {
    NONE,
    /** {@code x-amazon-apigateway-auth: AWS_IAM}: SigV4. */
    AWS_IAM,
    /** A Lambda authorizer ({@code x-amazon-apigateway-authorizer} of type token or request). */
    CUSTOM,
    /** A Cognito user pool authorizer (JWT). */
    COGNITO_USER_POOLS
}
