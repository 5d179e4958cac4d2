package io.stateway.orchestrator.integration.lambda;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.stateway.model.asl.StatesErrors;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.UUID;

/**
 * Invokes functions over HTTP with the Lambda Invoke contract: the event is POSTed, the body that
 * comes back is the result, {@code X-Amz-Function-Error} marks an unhandled error. Every attempt
 * carries a stable {@code Idempotency-Key}; each endpoint has its own circuit breaker.
 */
public final class HttpFunctionInvoker implements FunctionInvoker {

    /** The header that carries a task attempt's idempotency key. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final HttpClient http;
    private final FunctionEndpoints endpoints;
    private final CircuitBreakerRegistry breakers;
    private final Duration defaultTimeout;

    public HttpFunctionInvoker(
            FunctionEndpoints endpoints,
            CircuitBreakerRegistry breakers,
            Duration connectTimeout,
            Duration defaultTimeout) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.endpoints = endpoints;
        this.breakers = breakers;
        this.defaultTimeout = defaultTimeout;
    }

    @Override
    public Invocation invoke(String functionArn, byte[] payload, boolean asynchronous, String idempotencyKey) {
        String requestId = UUID.randomUUID().toString();
        FunctionEndpoints.Endpoint endpoint = endpoints.find(functionArn).orElse(null);
        if (endpoint == null) {
            return new Invocation.NotFound(requestId);
        }
        CircuitBreaker breaker = breakers.circuitBreaker(endpoint.url().getAuthority());
        HttpRequest request = HttpRequest.newBuilder(endpoint.url())
                .timeout(endpoint.timeout() == null ? defaultTimeout : endpoint.timeout())
                .header("Content-Type", "application/json")
                .header(IDEMPOTENCY_KEY, idempotencyKey)
                .header("X-Amz-Invocation-Type", asynchronous ? "Event" : "RequestResponse")
                .header("Lambda-Runtime-Aws-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                .build();
        try {
            HttpResponse<byte[]> response = breaker.executeCheckedSupplier(() -> send(request));
            String functionError =
                    response.headers().firstValue("X-Amz-Function-Error").orElse(null);
            if (response.statusCode() == 404 && functionError == null) {
                return new Invocation.NotFound(requestId);
            }
            return new Invocation.Returned(response.body(), functionError, requestId);
        } catch (CallNotPermittedException e) {
            return new Invocation.Unreachable(
                    "Lambda.ServiceException",
                    "The function endpoint " + endpoint.url().getAuthority()
                            + " is failing; its circuit breaker is open.");
        } catch (HttpConnectTimeoutException e) {
            return new Invocation.Unreachable("Lambda.ServiceException", "Could not connect to " + endpoint.url());
        } catch (HttpTimeoutException e) {
            return new Invocation.Unreachable(StatesErrors.TIMEOUT, "The function did not answer in time.");
        } catch (IOException e) {
            return new Invocation.Unreachable(
                    "Lambda.ServiceException", "Could not reach " + endpoint.url() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Invocation.Unreachable("Lambda.ServiceException", "Interrupted while invoking the function.");
        } catch (Throwable e) {
            return new Invocation.Unreachable("Lambda.ServiceException", e.toString());
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 500
                && response.headers().firstValue("X-Amz-Function-Error").isEmpty()) {
            // A broken endpoint, not a function error: count it against the circuit.
            throw new IOException("HTTP " + response.statusCode());
        }
        return response;
    }
}
