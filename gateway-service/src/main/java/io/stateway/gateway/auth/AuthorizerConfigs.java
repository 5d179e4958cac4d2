package io.stateway.gateway.auth;

import io.stateway.model.authorizer.AuthorizerType;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * Reads an authorizer from its security scheme. AWS's shapes: {@code cognito_user_pools} with
 * {@code providerARNs} (issuer {@code https://cognito-idp.<region>.amazonaws.com/<pool>}, keys at its
 * {@code /.well-known/jwks.json}); {@code jwt} with {@code jwtConfiguration {issuer, audience}} (HTTP API
 * style); {@code token} and {@code request} Lambda authorizers. Stateway's additions: {@code jwksUri} and
 * {@code algorithms} in {@code jwtConfiguration}, and {@code x-stateway-audiences} (required: the audience
 * is always checked), {@code x-stateway-issuer} and {@code x-stateway-jwks-uri} for Cognito-style ones.
 */
public final class AuthorizerConfigs {

    private static final Pattern USER_POOL_ARN =
            Pattern.compile("arn:aws[a-z-]*:cognito-idp:([a-z0-9-]+):\\d*:userpool/([\\w-]+)");
    private static final Set<String> ALGORITHMS =
            Set.of("RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512");

    private AuthorizerConfigs() {}

    /**
     * @param name the security scheme's name
     * @param scheme the security scheme
     * @return the authorizer, or why the scheme does not declare a usable one
     * @throws InvalidAuthorizerException when the declaration is incomplete or invalid
     */
    public static AuthorizerConfig read(String name, JsonNode scheme) {
        JsonNode authorizer = scheme.path("x-amazon-apigateway-authorizer");
        String type = authorizer.path("type").asString("").toLowerCase(Locale.ROOT);
        return switch (type) {
            case "cognito_user_pools" -> cognito(name, scheme, authorizer);
            case "jwt" -> jwt(name, authorizer);
            case "token", "request" -> lambda(name, type, authorizer);
            default ->
                throw new InvalidAuthorizerException("Authorizer '" + name + "' has an unknown type '" + type + "'");
        };
    }

    private static AuthorizerConfig.Jwt cognito(String name, JsonNode scheme, JsonNode authorizer) {
        String issuer = authorizer.path("x-stateway-issuer").asString("");
        if (issuer.isEmpty()) {
            String arn = authorizer.path("providerARNs").path(0).asString("");
            Matcher pool = USER_POOL_ARN.matcher(arn);
            if (!pool.matches()) {
                throw new InvalidAuthorizerException(
                        "Authorizer '" + name + "' needs a Cognito user pool ARN in providerARNs, not '" + arn + "'");
            }
            issuer = "https://cognito-idp." + pool.group(1) + ".amazonaws.com/" + pool.group(2);
        }
        String jwks = authorizer.path("x-stateway-jwks-uri").asString(issuer + "/.well-known/jwks.json");
        List<String> audiences = strings(authorizer.path("x-stateway-audiences"));
        String header = scheme.path("in").asString("header").equals("header")
                ? scheme.path("name").asString("Authorization")
                : "Authorization";
        return jwtConfig(name, issuer, jwks, audiences, strings(authorizer.path("x-stateway-algorithms")), header);
    }

    private static AuthorizerConfig.Jwt jwt(String name, JsonNode authorizer) {
        JsonNode configuration = authorizer.path("jwtConfiguration");
        String issuer = configuration.path("issuer").asString("");
        String jwks = configuration.path("jwksUri").asString(issuer + "/.well-known/jwks.json");
        String source = authorizer.path("identitySource").asString("$request.header.Authorization");
        String header = source.replaceFirst("^\\$request\\.header\\.|^method\\.request\\.header\\.", "");
        if (header.equals(source) || header.isEmpty()) {
            throw new InvalidAuthorizerException(
                    "Authorizer '" + name + "' must take its token from a header, not '" + source + "'");
        }
        return jwtConfig(
                name,
                issuer,
                jwks,
                strings(configuration.path("audience")),
                strings(configuration.path("algorithms")),
                header);
    }

    private static AuthorizerConfig.Jwt jwtConfig(
            String name, String issuer, String jwks, List<String> audiences, List<String> algorithms, String header) {
        if (issuer.isEmpty()) {
            throw new InvalidAuthorizerException("Authorizer '" + name + "' needs an issuer");
        }
        if (audiences.isEmpty()) {
            throw new InvalidAuthorizerException("Authorizer '" + name + "' needs at least one audience");
        }
        URI jwksUri;
        try {
            jwksUri = URI.create(jwks);
        } catch (IllegalArgumentException e) {
            throw new InvalidAuthorizerException("Authorizer '" + name + "' has an invalid JWKS URI '" + jwks + "'");
        }
        if (!"https".equals(jwksUri.getScheme()) && !"http".equals(jwksUri.getScheme())) {
            throw new InvalidAuthorizerException(
                    "Authorizer '" + name + "' needs an http(s) JWKS URI, not '" + jwks + "'");
        }
        Set<String> pinned = new LinkedHashSet<>(algorithms.isEmpty() ? List.of("RS256") : algorithms);
        for (String algorithm : pinned) {
            // Only asymmetric signatures: a key set is public, so HMAC or "none" would let anyone sign.
            if (!ALGORITHMS.contains(algorithm)) {
                throw new InvalidAuthorizerException(
                        "Authorizer '" + name + "' may not accept algorithm '" + algorithm + "' (allowed: "
                                + String.join(", ", ALGORITHMS.stream().sorted().toList()) + ")");
            }
        }
        return new AuthorizerConfig.Jwt(name, issuer, jwksUri, audiences, pinned, header);
    }

    private static AuthorizerConfig.Lambda lambda(String name, String type, JsonNode authorizer) {
        String uri = authorizer.path("authorizerUri").asString("");
        if (uri.isEmpty()) {
            throw new InvalidAuthorizerException("Authorizer '" + name + "' needs an authorizerUri");
        }
        AuthorizerType kind = type.equals("token") ? AuthorizerType.TOKEN : AuthorizerType.REQUEST;
        List<String> sources = new ArrayList<>();
        for (String source : authorizer.path("identitySource").asString("").split(",")) {
            if (!source.isBlank()) {
                sources.add(source.strip());
            }
        }
        if (kind == AuthorizerType.TOKEN) {
            if (sources.isEmpty()) {
                sources.add("method.request.header.Authorization");
            }
            if (sources.size() != 1 || !sources.getFirst().startsWith("method.request.header.")) {
                throw new InvalidAuthorizerException("TOKEN authorizer '" + name
                        + "' needs one identity source of the form method.request.header.X");
            }
        }
        for (String source : sources) {
            if (!source.matches(
                    "method\\.request\\.(header|querystring)\\.[^.]+|stageVariables\\.[^.]+|context\\.[\\w.]+")) {
                throw new InvalidAuthorizerException(
                        "Authorizer '" + name + "' has an unsupported identity source '" + source + "'");
            }
        }
        Optional<Pattern> validation = Optional.empty();
        String expression = authorizer.path("identityValidationExpression").asString("");
        if (kind == AuthorizerType.TOKEN && !expression.isEmpty()) {
            try {
                validation = Optional.of(Pattern.compile(expression));
            } catch (PatternSyntaxException e) {
                throw new InvalidAuthorizerException(
                        "Authorizer '" + name + "' has an invalid identityValidationExpression: " + e.getDescription());
            }
        }
        long ttl = authorizer.path("authorizerResultTtlInSeconds").asLong(300);
        if (ttl < 0 || ttl > 3600) {
            throw new InvalidAuthorizerException(
                    "Authorizer '" + name + "': authorizerResultTtlInSeconds must be between 0 and 3600, was " + ttl);
        }
        return new AuthorizerConfig.Lambda(name, kind, uri, sources, validation, Duration.ofSeconds(ttl));
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.values().forEach(value -> values.add(value.asString()));
        } else if (node.isString() && !node.asString().isEmpty()) {
            values.add(node.asString());
        }
        return values;
    }
}
