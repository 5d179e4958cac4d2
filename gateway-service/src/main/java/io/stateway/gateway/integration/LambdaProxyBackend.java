package io.stateway.gateway.integration;

import io.stateway.gateway.GatewayProperties;
import io.stateway.gateway.mapping.BinaryPayloads;
import io.stateway.gateway.pipeline.EndpointResponse;
import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.routing.CompiledIntegration;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * AWS_PROXY: the request as a Lambda proxy event (payload 1.0, or 2.0 when the integration asks), the
 * function's answer as the response. A function error or a malformed answer is 502 "Internal server
 * error"; an integration method other than POST is a configuration error (500), as on AWS.
 */
@Component
final class LambdaProxyBackend implements Backend {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FunctionCalls functions;
    private final String accountId;

    LambdaProxyBackend(FunctionCalls functions, GatewayProperties properties) {
        this.functions = functions;
        this.accountId = properties.accountId();
    }

    @Override
    public Mono<Void> call(ServerWebExchange exchange, Invocation invocation, CompiledIntegration integration) {
        if (!integration.definition().httpMethod().orElse("").equals("POST")) {
            throw GatewayError.configuration("AWS_PROXY integrations invoke functions with POST, not "
                    + integration.definition().httpMethod().orElse("no method"));
        }
        FunctionCalls.Endpoint endpoint = functions.endpoint(invocation, integration);
        boolean version2 = integration.definition().payloadFormatVersion().equals("2.0");
        Map<String, Object> event = version2
                ? LambdaProxyEvents.version2(invocation, accountId)
                : LambdaProxyEvents.version1(invocation, accountId);
        boolean binaryAccepted = BinaryPayloads.isBinary(
                invocation.request().headers().last("Accept"),
                invocation.stage().orElseThrow().api().api().binaryMediaTypes());
        Duration timeout = Duration.ofMillis(integration.definition().timeoutMillis());
        return functions
                .invoke(endpoint, JSON.writeValueAsBytes(event), "RequestResponse", timeout)
                .map(answer -> proxyResponse(answer, version2, binaryAccepted, endpoint))
                .doOnNext(invocation::endpointResponse)
                .then();
    }

    private static EndpointResponse proxyResponse(
            EndpointResponse answer, boolean version2, boolean binaryAccepted, FunctionCalls.Endpoint endpoint) {
        if (FunctionCalls.failed(answer)) {
            throw GatewayError.internal(
                    502,
                    "Lambda execution failed with status 200 due to customer function error (" + endpoint.target()
                            + ")");
        }
        if (answer.status() >= 300) {
            throw GatewayError.internal(502, "the function's endpoint answered " + answer.status());
        }
        return version2
                ? LambdaProxyResponses.version2(answer.body(), binaryAccepted)
                : LambdaProxyResponses.version1(answer.body(), binaryAccepted);
    }
}
