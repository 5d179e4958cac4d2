package io.stateway.gateway.auth;

import io.stateway.model.authorizer.AuthorizerType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** An authorizer of an API, as its security scheme's {@code x-amazon-apigateway-authorizer} declares it. */
public sealed interface AuthorizerConfig {

    /** The security scheme's name. */
    String name();

    /**
     * A JWT authorizer ({@code jwt}, or {@code cognito_user_pools} mapped onto it).
     *
     * @param name the scheme
     * @param issuer the only accepted {@code iss}
     * @param jwksUri where the signing keys are
     * @param audiences accepted {@code aud} (or, for access tokens without one, {@code client_id}) values
     * @param algorithms the only accepted JWS algorithms
     * @param header the request header that carries the token
     */
    record Jwt(String name, String issuer, URI jwksUri, List<String> audiences, Set<String> algorithms, String header)
            implements AuthorizerConfig {

        public Jwt {
            audiences = List.copyOf(audiences);
            algorithms = Set.copyOf(algorithms);
        }
    }

    /**
     * A Lambda (custom) authorizer.
     *
     * @param name the scheme
     * @param type TOKEN or REQUEST
     * @param authorizerUri the function: a Lambda invocation URI or an http(s) URL
     * @param identitySources {@code method.request.header.X}, {@code method.request.querystring.X},
     *     {@code stageVariables.X}, {@code context.X}; TOKEN has exactly one header
     * @param validationExpression a TOKEN authorizer's {@code identityValidationExpression}
     * @param ttl how long a result is cached (0: not cached)
     */
    record Lambda(
            String name,
            AuthorizerType type,
            String authorizerUri,
            List<String> identitySources,
            Optional<Pattern> validationExpression,
            Duration ttl)
            implements AuthorizerConfig {

        public Lambda {
            identitySources = List.copyOf(identitySources);
        }
    }
}
