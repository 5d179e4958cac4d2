package io.stateway.gateway.api;

import java.util.Locale;
import java.util.Optional;

/** The integration types of an API Gateway REST API method ({@code x-amazon-apigateway-integration.type}). */
public enum IntegrationType {
    /** An AWS service action: a Lambda-compatible function (non-proxy) or the orchestrator's Step Functions API. */
    AWS,
    /** The Lambda proxy event to a function; the function's answer is the response. */
    AWS_PROXY,
    /** An HTTP backend with mapping templates and integration responses. */
    HTTP,
    /** An HTTP backend, request and response passed through (streamed). */
    HTTP_PROXY,
    /** No backend: the integration response is selected from the status code the request template names. */
    MOCK;

    /** The type named case-insensitively, as AWS exports it ({@code aws_proxy}) or its API spells it. */
    public static Optional<IntegrationType> parse(String text) {
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean isProxy() {
        return this == AWS_PROXY || this == HTTP_PROXY;
    }

    /** Lower case, as AWS exports it. */
    public String exportName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
