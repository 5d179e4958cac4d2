package io.stateway.gateway.auth;

import io.stateway.gateway.GatewayProperties;
import io.stateway.gateway.api.Authorization;
import io.stateway.gateway.api.GatewayResponseType;
import io.stateway.gateway.integration.BackendClient;
import io.stateway.gateway.pipeline.EndpointResponse;
import io.stateway.gateway.pipeline.FilterOrder;
import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.HeaderList;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.routing.DeployedStage;
import io.stateway.model.sigv4.SigV4Check;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * SigV4 ({@code AWS_IAM}) methods: the request's canonical parts as received (method, raw path and query,
 * every header, the body's SHA-256) go to the authorizer-service's {@code POST /internal/v1/sigv4/verify},
 * which checks the signature with the access key's secret (which never leaves it) and the key's policies on
 * the method ARN. No signature is 403 Missing Authentication Token; a refused one is 403 with AWS's type and
 * message; an authorizer-service that cannot answer is 500 {@code AUTHORIZER_FAILURE} (fail closed).
 */
@Component
public class SigV4FilterFactory extends AbstractGatewayFilterFactory<SigV4FilterFactory.Config> {

    private final BackendClient client;
    private final JsonMapper json;
    private final AuthorizerServiceProperties authorizer;
    private final URI verify;
    private final String region;
    private final String accountId;

    SigV4FilterFactory(
            BackendClient client,
            JsonMapper json,
            AuthorizerServiceProperties authorizer,
            GatewayProperties properties) {
        super(Config.class);
        this.client = client;
        this.json = json;
        this.authorizer = authorizer;
        this.verify = authorizer.url().resolve("/internal/v1/sigv4/verify");
        this.region = properties.region();
        this.accountId = properties.accountId();
    }

    @Override
    public GatewayFilter apply(Config config) {
        return new OrderedGatewayFilter(
                (exchange, chain) -> {
                    Invocation invocation = Invocation.of(exchange);
                    if (invocation.method().method().authorization() != Authorization.AWS_IAM) {
                        return chain.filter(exchange);
                    }
                    ServerHttpRequest request = exchange.getRequest();
                    if (!request.getHeaders().containsHeader("Authorization")
                            && request.getQueryParams().getFirst("X-Amz-Signature") == null) {
                        return Mono.error(GatewayError.missingAuthenticationToken());
                    }
                    if (authorizer.internalToken().isEmpty()) {
                        return Mono.error(
                                new GatewayError(
                                        GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR,
                                        500,
                                        "Internal server error",
                                        new IllegalStateException(
                                                "stateway.gateway.authorizer.internal-token is not set: SigV4 cannot be checked")));
                    }
                    Map<String, List<String>> headers = new LinkedHashMap<>();
                    request.getHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
                    SigV4Check check = new SigV4Check(
                            request.getMethod().name(),
                            request.getURI().getRawPath(),
                            request.getURI().getRawQuery(),
                            headers,
                            sha256(invocation.body().orElse(new byte[0])),
                            null,
                            null,
                            methodArn(invocation));
                    HeaderList outgoing = new HeaderList()
                            .add("Content-Type", "application/json")
                            .add("Authorization", "Bearer " + authorizer.internalToken());
                    return client.exchange(
                                    "POST", verify, outgoing, json.writeValueAsBytes(check), authorizer.timeout())
                            .onErrorMap(
                                    failure -> !(failure instanceof GatewayError),
                                    failure -> failure("the authorizer-service could not be reached: " + failure))
                            .flatMap(response -> {
                                SigV4Check.Result result = result(response);
                                if (!result.allowed()) {
                                    return Mono.error(refusal(result));
                                }
                                invocation.authorized(result.principalId(), Map.of());
                                invocation.signedWith(result.accessKeyId());
                                return chain.filter(exchange);
                            });
                },
                FilterOrder.SIGV4);
    }

    private SigV4Check.Result result(EndpointResponse response) {
        if (response.status() != 200) {
            throw failure("the authorizer-service answered " + response.status() + " to a SigV4 check");
        }
        try {
            return json.readValue(response.body(), SigV4Check.Result.class);
        } catch (JacksonException e) {
            throw failure("the authorizer-service's SigV4 answer is unreadable: " + e.getMessage());
        }
    }

    private static GatewayError refusal(SigV4Check.Result result) {
        String message = result.reason() == null ? "Forbidden" : result.reason();
        String type = result.errorType() == null ? "" : result.errorType();
        return switch (type) {
            case "MissingAuthenticationTokenException" -> GatewayError.missingAuthenticationToken();
            case "AccessDeniedException" -> new GatewayError(GatewayResponseType.ACCESS_DENIED, 403, message);
            default -> new GatewayError(GatewayResponseType.INVALID_SIGNATURE, 403, message);
        };
    }

    /** The method ARN of the request, the resource the key's policies must allow. */
    private String methodArn(Invocation invocation) {
        DeployedStage stage = invocation.stage().orElseThrow();
        return "arn:aws:execute-api:" + region + ":" + accountId + ":"
                + stage.api().apiId() + "/" + stage.name()
                + "/" + invocation.request().httpMethod()
                + invocation.stageRequest().orElseThrow().resourcePath();
    }

    private static String sha256(byte[] body) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static GatewayError failure(String detail) {
        return new GatewayError(
                GatewayResponseType.AUTHORIZER_FAILURE,
                500,
                "Internal server error",
                new IllegalStateException(detail));
    }

    /** No settings: the authorizer-service is {@link AuthorizerServiceProperties}. */
    public static final class Config {}
}
