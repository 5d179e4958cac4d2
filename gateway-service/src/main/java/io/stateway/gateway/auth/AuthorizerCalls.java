package io.stateway.gateway.auth;

import io.stateway.gateway.GatewayProperties;
import io.stateway.gateway.api.GatewayResponseType;
import io.stateway.gateway.integration.BackendClient;
import io.stateway.gateway.integration.FunctionRegistry;
import io.stateway.gateway.pipeline.EndpointResponse;
import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.HeaderList;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.routing.DeployedStage;
import io.stateway.model.authorizer.AuthorizerRequest;
import io.stateway.model.authorizer.AuthorizerResponse;
import io.stateway.model.authorizer.AuthorizerType;
import io.stateway.model.authorizer.RequestAuthorizerRequest;
import io.stateway.model.authorizer.TokenAuthorizerRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a Lambda authorizer as API Gateway does: the TOKEN or REQUEST event POSTed to the function (the Lambda
 * Invoke contract, as integrations call functions), its answer read as {@code {principalId, policyDocument,
 * context, usageIdentifierKey}}. The function failing with {@code Unauthorized} is 401; any other failure, a
 * timeout or an unreachable function is 500 {@code AUTHORIZER_FAILURE}; an answer of the wrong shape is 500
 * {@code AUTHORIZER_CONFIGURATION_ERROR}.
 */
@Component
class AuthorizerCalls {

    /** API Gateway gives a Lambda authorizer 10 seconds. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final FunctionRegistry functions;
    private final BackendClient client;
    private final JsonMapper json;
    private final String accountId;

    AuthorizerCalls(FunctionRegistry functions, BackendClient client, JsonMapper json, GatewayProperties properties) {
        this.functions = functions;
        this.client = client;
        this.json = json;
        this.accountId = properties.accountId();
    }

    Mono<AuthorizerResponse> call(
            AuthorizerConfig.Lambda authorizer, Invocation invocation, List<String> identity, String methodArn) {
        URI endpoint = endpoint(authorizer);
        AuthorizerRequest event = authorizer.type() == AuthorizerType.TOKEN
                ? new TokenAuthorizerRequest(identity.getFirst(), methodArn)
                : requestEvent(invocation, methodArn);
        HeaderList headers = new HeaderList()
                .add("Content-Type", "application/json")
                .add("X-Amz-Invocation-Type", "RequestResponse");
        return client.exchange("POST", endpoint, headers, json.writeValueAsBytes(event), TIMEOUT)
                .onErrorMap(
                        failure -> !(failure instanceof GatewayError),
                        failure -> failure("Authorizer " + authorizer.name() + " could not be called: " + failure))
                .map(response -> answer(authorizer, response));
    }

    private URI endpoint(AuthorizerConfig.Lambda authorizer) {
        String uri = authorizer.authorizerUri();
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            return URI.create(uri);
        }
        String function = FunctionRegistry.functionOf(uri)
                .orElseThrow(() ->
                        configuration("Authorizer " + authorizer.name() + " has an invalid authorizerUri " + uri));
        return functions
                .endpoint(function)
                .orElseThrow(() -> configuration("Authorizer function not found: " + function));
    }

    private AuthorizerResponse answer(AuthorizerConfig.Lambda authorizer, EndpointResponse response) {
        if (response.status() != 200 || response.headers().contains("X-Amz-Function-Error")) {
            if ("Unauthorized".equals(errorMessage(response))) {
                throw LambdaAuthorizerFilterFactory.unauthorized();
            }
            throw failure("Authorizer " + authorizer.name() + " failed with status " + response.status());
        }
        try {
            AuthorizerResponse answer = json.readValue(response.body(), AuthorizerResponse.class);
            if (answer == null) {
                throw configuration("Authorizer " + authorizer.name() + " answered null");
            }
            return answer;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw configuration("Authorizer " + authorizer.name() + " answered an invalid result: " + e.getMessage());
        }
    }

    private String errorMessage(EndpointResponse response) {
        try {
            JsonNode body = json.readTree(response.body());
            return body.isString() ? body.asString() : body.path("errorMessage").asString("");
        } catch (JacksonException e) {
            return "";
        }
    }

    private RequestAuthorizerRequest requestEvent(Invocation invocation, String methodArn) {
        DeployedStage stage = invocation.stage().orElseThrow();
        Invocation.ClientRequest request = invocation.request();
        String resourcePath = invocation.method().resource().path();
        String path = invocation.stageRequest().orElseThrow().resourcePath();
        return new RequestAuthorizerRequest(
                AuthorizerType.REQUEST,
                methodArn,
                resourcePath,
                path,
                request.httpMethod(),
                request.headers().singleValues(),
                request.headers().multiValues(),
                request.singleQuery(),
                request.query(),
                invocation.pathParameters(),
                stage.settings().variables(),
                new RequestAuthorizerRequest.RequestContext(
                        accountId,
                        stage.api().apiId(),
                        stage.name(),
                        invocation.ids().requestId(),
                        invocation.method().resource().id(),
                        resourcePath,
                        request.httpMethod(),
                        invocation.stageRequest().orElseThrow().requestPath(),
                        new RequestAuthorizerRequest.Identity(
                                request.sourceIp(),
                                request.headers().last("User-Agent").orElse(null),
                                request.headers().last("x-api-key").orElse(null),
                                null)));
    }

    private static GatewayError failure(String detail) {
        return new GatewayError(
                GatewayResponseType.AUTHORIZER_FAILURE,
                500,
                "Internal server error",
                new IllegalStateException(detail));
    }

    private static GatewayError configuration(String detail) {
        return new GatewayError(
                GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR,
                500,
                "Internal server error",
                new IllegalStateException(detail));
    }
}
