package io.stateway.gateway.pipeline;

/**
 * The ids of one request.
 *
 * @param requestId {@code $context.requestId}, the {@code x-amzn-RequestId} header
 * @param extendedRequestId {@code $context.extendedRequestId}, the {@code x-amz-apigw-id} header
 * @param traceId the X-Ray style {@code X-Amzn-Trace-Id} sent to backends
 */
public record RequestIds(String requestId, String extendedRequestId, String traceId) {}
