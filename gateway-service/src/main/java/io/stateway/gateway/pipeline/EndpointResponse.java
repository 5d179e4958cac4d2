package io.stateway.gateway.pipeline;

/**
 * What an integration's backend answered (for MOCK: the status the request template named).
 *
 * @param status the status code
 * @param headers the backend's headers
 * @param body the backend's body
 */
public record EndpointResponse(int status, HeaderList headers, byte[] body) {}
