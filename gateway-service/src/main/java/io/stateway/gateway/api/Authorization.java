package io.stateway.gateway.api;

/**
 * How a method authenticates its caller. Methods of a kind this version does not enforce are refused at run
 * time with {@code AUTHORIZER_CONFIGURATION_ERROR} (fail closed).
 */
public enum Authorization {
    NONE,
    /** {@code x-amazon-apigateway-auth: AWS_IAM}: SigV4. */
    AWS_IAM,
    /** A Lambda authorizer ({@code x-amazon-apigateway-authorizer} of type token or request). */
    CUSTOM,
    /** A Cognito user pool authorizer (JWT). */
    COGNITO_USER_POOLS,
    /** A JWT authorizer ({@code x-amazon-apigateway-authorizer} of type jwt: issuer, audiences, key set). */
    JWT
}
