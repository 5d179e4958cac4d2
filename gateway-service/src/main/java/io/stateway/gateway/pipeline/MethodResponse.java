package io.stateway.gateway.pipeline;

/**
 * The response the client gets, before the gateway's own headers are added.
 *
 * @param status the status code
 * @param headers its headers
 * @param body its body
 */
public record MethodResponse(int status, HeaderList headers, byte[] body) {}
