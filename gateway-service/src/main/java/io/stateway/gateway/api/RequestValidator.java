package io.stateway.gateway.api;

/**
 * A named request validator ({@code x-amazon-apigateway-request-validators}).
 *
 * @param validateRequestBody check the body against the method's request model
 * @param validateRequestParameters check that required path, query and header parameters are present
 */
public record RequestValidator(boolean validateRequestBody, boolean validateRequestParameters) {}
