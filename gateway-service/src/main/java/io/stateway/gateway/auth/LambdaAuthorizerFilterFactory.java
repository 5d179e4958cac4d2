package io.stateway.gateway.auth;

import io.stateway.gateway.GatewayProperties;
import io.stateway.gateway.api.Authorization;
import io.stateway.gateway.api.GatewayResponseType;
import io.stateway.gateway.pipeline.FilterOrder;
import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.routing.DeployedStage;
import io.stateway.model.authorizer.PolicyEvaluator;
import java.util.List;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Custom (Lambda) authorizers, with AWS's contract: every identity source must be present (else 401 without
 * calling the function), a TOKEN authorizer's token must match its {@code identityValidationExpression}; the
 * function's answer is cached for the authorizer's TTL under the authorizer and every identity source value,
 * and its <em>policy</em> is evaluated against each request's method ARN (so a cached answer never lets a
 * caller through to a method its policy does not allow). Deny is 403 {@code ACCESS_DENIED}; an authorizer that
 * fails or answers something invalid is 500 {@code AUTHORIZER_FAILURE}; the function answering
 * {@code Unauthorized} is 401. The principal and context become {@code $context.authorizer}; with
 * {@code x-amazon-apigateway-api-key-source: AUTHORIZER}, {@code usageIdentifierKey} is the request's API key.
 */
@Component
public class LambdaAuthorizerFilterFactory extends AbstractGatewayFilterFactory<LambdaAuthorizerFilterFactory.Config> {

    private final Authorizers authorizers;
    private final AuthorizerCalls calls;
    private final AuthorizerResults results;
    private final String region;
    private final String accountId;

    LambdaAuthorizerFilterFactory(
            Authorizers authorizers, AuthorizerCalls calls, AuthorizerResults results, GatewayProperties properties) {
        super(Config.class);
        this.authorizers = authorizers;
        this.calls = calls;
        this.results = results;
        this.region = properties.region();
        this.accountId = properties.accountId();
    }

    @Override
    public GatewayFilter apply(Config config) {
        return new OrderedGatewayFilter(
                (exchange, chain) -> {
                    Invocation invocation = Invocation.of(exchange);
                    if (invocation.method().method().authorization() != Authorization.CUSTOM) {
                        return chain.filter(exchange);
                    }
                    if (!(authorizers.of(invocation) instanceof AuthorizerConfig.Lambda authorizer)) {
                        return Mono.error(
                                GatewayError.configuration("a custom authorizer method names a JWT authorizer"));
                    }
                    Optional<List<String>> identity = IdentitySources.values(authorizer, invocation, accountId);
                    if (identity.isEmpty()) {
                        return Mono.error(unauthorized());
                    }
                    String methodArn = methodArn(invocation);
                    DeployedStage stage = invocation.stage().orElseThrow();
                    String cacheKey =
                            AuthorizerResults.key(stage.api().apiId(), stage.name(), authorizer, identity.get());
                    return results.get(
                                    cacheKey,
                                    authorizer.ttl(),
                                    () -> calls.call(authorizer, invocation, identity.get(), methodArn))
                            .flatMap(answer -> {
                                PolicyEvaluator.Decision decision =
                                        PolicyEvaluator.evaluateInvoke(answer.policyDocument(), methodArn);
                                if (!decision.allowed()) {
                                    return Mono.error(new GatewayError(
                                            GatewayResponseType.ACCESS_DENIED,
                                            403,
                                            decision == PolicyEvaluator.Decision.EXPLICIT_DENY
                                                    ? "User is not authorized to access this resource with an explicit deny"
                                                    : "User is not authorized to access this resource"));
                                }
                                invocation.authorized(answer.principalId(), answer.context());
                                invocation.usageIdentifierKey(answer.usageIdentifierKey());
                                return chain.filter(exchange);
                            });
                },
                FilterOrder.CUSTOM_AUTHORIZER);
    }

    static GatewayError unauthorized() {
        return new GatewayError(GatewayResponseType.UNAUTHORIZED, 401, "Unauthorized");
    }

    /** {@code arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/<METHOD>/<path below the stage>}. */
    private String methodArn(Invocation invocation) {
        DeployedStage stage = invocation.stage().orElseThrow();
        String path = invocation.stageRequest().orElseThrow().resourcePath();
        return "arn:aws:execute-api:" + region + ":" + accountId + ":"
                + stage.api().apiId() + "/" + stage.name() + "/"
                + invocation.request().httpMethod() + path;
    }

    /** No settings: each method's authorizer comes from its API. */
    public static final class Config {}
}
