package io.stateway.gateway.api;

/** Where a method that requires an API key finds it ({@code x-amazon-apigateway-api-key-source}). */
public enum ApiKeySource {
    /** The {@code x-api-key} request header (the default). */
    HEADER,
    /** The {@code usageIdentifierKey} a custom authorizer returns. */
    AUTHORIZER
}
