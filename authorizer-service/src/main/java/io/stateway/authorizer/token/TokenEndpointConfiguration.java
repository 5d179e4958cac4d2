package io.stateway.authorizer.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.stateway.authorizer.AuthorizerProperties;
import io.stateway.authorizer.secrets.SecretBox;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OAuth 2.0 client-credentials token endpoint ({@code POST /oauth2/token}), its JWKS ({@code GET
 * /oauth2/jwks}) and metadata ({@code /.well-known/oauth-authorization-server}), with Spring
 * Authorization Server, when {@code stateway.authorizer.token-endpoint.enabled}. Tokens are RS256
 * JWTs with {@code iss}, {@code sub} (the client), {@code aud}, {@code scope}, {@code iat}, {@code
 * nbf}, {@code exp} and {@code jti}; they are self-contained, so nothing is stored per token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("stateway.authorizer.token-endpoint.enabled")
class TokenEndpointConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain tokenEndpoint(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        return http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> {})
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    PasswordEncoder clientSecretEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    TokenClients tokenClients(
            AuthorizerProperties properties, JdbcClient jdbc, PasswordEncoder passwords, JsonMapper json, Clock clock) {
        return new TokenClients(properties.tokenEndpoint(), jdbc, passwords, json, clock);
    }

    @Bean
    SigningKeys signingKeys(JdbcClient jdbc, TransactionTemplate transactions, SecretBox box, Clock clock) {
        return new SigningKeys(jdbc, transactions, box, clock);
    }

    /** What {@code /oauth2/jwks} publishes: every key's public half. */
    @Bean
    JWKSource<SecurityContext> publishedKeys(SigningKeys keys) {
        return new ImmutableJWKSet<>(keys.published());
    }

    /** Signs with the one current key (the JWKS may hold older ones still). */
    @Bean
    JwtEncoder tokenEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.signing())));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthorizerProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        String issuer = properties.tokenEndpoint().issuer();
        if (!issuer.isEmpty()) {
            settings.issuer(issuer);
        }
        return settings.build();
    }

    /**
     * The client's configured audiences (else its id) as {@code aud}; {@code scope} as one
     * space-separated string (RFC 9068, and what Cognito issues), not an array.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> claims() {
        return context -> {
            if (!context.getAuthorizedScopes().isEmpty()) {
                context.getClaims().claim("scope", String.join(" ", context.getAuthorizedScopes()));
            }
            List<String> audiences =
                    context.getRegisteredClient().getClientSettings().getSetting(TokenClients.AUDIENCES);
            if (audiences != null && !audiences.isEmpty()) {
                context.getClaims().audience(audiences);
            }
        };
    }

    /**
     * Tokens are self-contained JWTs: nothing to remember per token (an in-memory store would grow
     * with every token issued). Revocation and introspection are therefore not offered.
     */
    @Bean
    OAuth2AuthorizationService statelessAuthorizations() {
        return new OAuth2AuthorizationService() {
            @Override
            public void save(OAuth2Authorization authorization) {}

            @Override
            public void remove(OAuth2Authorization authorization) {}

            @Override
            public OAuth2Authorization findById(String id) {
                return null;
            }

            @Override
            public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
                return null;
            }
        };
    }
}
