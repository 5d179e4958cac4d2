package io.stateway.authorizer.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.stateway.authorizer.testing.AdminHttp;
import io.stateway.testsupport.SpringTestServers;
import io.stateway.testsupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import tools.jackson.databind.JsonNode;

/** The client-credentials token endpoint: real RS256 tokens that verify against its own JWKS. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "stateway.authorizer.token-endpoint.enabled=true",
            "stateway.authorizer.token-endpoint.issuer=http://authorizer.test",
            "stateway.authorizer.token-endpoint.access-token-ttl=10m",
            "stateway.authorizer.token-endpoint.clients[0].client-id=pets-app",
            "stateway.authorizer.token-endpoint.clients[0].client-secret=pets-app-secret-of-some-length",
            "stateway.authorizer.token-endpoint.clients[0].scopes=pets.read,pets.write",
            "stateway.authorizer.token-endpoint.clients[0].audiences=pets-api"
        })
@SpringTestServers
class TokenEndpointTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void clientCredentials_issueAnRs256TokenThatVerifiesAgainstTheJwks() throws Exception {
        HttpResponse<String> response = token("pets-app", "pets-app-secret-of-some-length", "pets.read");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = AdminHttp.JSON.readTree(response.body());
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isBetween(590L, 600L);
        SignedJWT jwt = SignedJWT.parse(body.path("access_token").asString());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWKSet jwks = JWKSet.parse(get("/oauth2/jwks").body());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).isNotNull();
        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("http://authorizer.test");
        assertThat(claims.getSubject()).isEqualTo("pets-app");
        assertThat(claims.getAudience()).containsExactly("pets-api");
        assertThat(claims.getStringClaim("scope")).isEqualTo("pets.read");
        assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now().plus(Duration.ofMinutes(9)));
    }

    @Test
    void wrongSecret_is401_unknownScope400_otherGrants400() throws Exception {
        assertThat(token("pets-app", "not-the-secret-at-all", "pets.read").statusCode())
                .isEqualTo(401);
        HttpResponse<String> scope = token("pets-app", "pets-app-secret-of-some-length", "admin");
        assertThat(scope.statusCode()).isEqualTo(400);
        assertThat(scope.body()).contains("invalid_scope");
        HttpResponse<String> password = post(
                "/oauth2/token",
                "grant_type=password&username=a&password=b",
                basic("pets-app", "pets-app-secret-of-some-length"));
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(password.body()).contains("unsupported_grant_type");
    }

    @Test
    void adminApiClient_getsTokens_andItsSecretIsStoredOnlyHashed(TestDatabase database) throws Exception {
        AdminHttp admin = new AdminHttp(port, "test-admin-token-of-the-authorizer");
        JsonNode created =
                admin.ok("POST", "/admin/v1/token-clients", "{\"clientId\": \"ci\", \"scopes\": [\"deploy\"]}");
        String secret = created.path("clientSecret").asString();

        HttpResponse<String> response = token("ci", secret, "deploy");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        SignedJWT jwt = SignedJWT.parse(
                AdminHttp.JSON.readTree(response.body()).path("access_token").asString());
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("ci");
        assertThat(admin.ok("GET", "/admin/v1/token-clients", null).toString()).doesNotContain(secret);
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT token_client::text FROM authorizer.token_client WHERE client_id = 'ci'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).doesNotContain(secret);
        }
        assertThat(admin.send("POST", "/admin/v1/token-clients", "{\"clientId\": \"ci\"}")
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void adminApi_stillNeedsTheAdminToken_besideTheTokenEndpoint() {
        assertThat(new AdminHttp(port, null)
                        .send("GET", "/admin/v1/token-clients", null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(new AdminHttp(port, "test-admin-token-of-the-authorizer")
                        .send("GET", "/admin/v1/apikeys", null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void savedClient_replacesTheStoredSecretHash_forAdminAndConfiguredClients() throws Exception {
        AdminHttp admin = new AdminHttp(port, "test-admin-token-of-the-authorizer");
        JsonNode created =
                admin.ok("POST", "/admin/v1/token-clients", "{\"clientId\": \"rehashed\", \"scopes\": [\"deploy\"]}");
        String oldSecret = created.path("clientSecret").asString();
        // What Spring Authorization Server does when it upgrades a hash: the same client, another hash.
        Map<String, String> newSecrets =
                Map.of("rehashed", "a-new-secret-of-rehashed", "pets-app", "pets-app-secret-of-some-length");

        for (var secret : newSecrets.entrySet()) {
            RegisteredClient stored = clients.findByClientId(secret.getKey());
            clients.save(RegisteredClient.from(stored)
                    .clientSecret(passwords.encode(secret.getValue()))
                    .build());

            RegisteredClient saved = clients.findByClientId(secret.getKey());
            assertThat(saved.getClientSecret()).isNotEqualTo(stored.getClientSecret());
            assertThat(saved.getScopes()).isEqualTo(stored.getScopes());
            assertThat(saved.getClientSettings().<Object>getSetting(TokenClients.AUDIENCES))
                    .isEqualTo(stored.getClientSettings().<Object>getSetting(TokenClients.AUDIENCES));
        }

        assertThat(token("rehashed", oldSecret, "deploy").statusCode()).isEqualTo(401);
        assertThat(token("rehashed", "a-new-secret-of-rehashed", "deploy").statusCode())
                .isEqualTo(200);
        assertThat(token("pets-app", "pets-app-secret-of-some-length", "pets.read")
                        .statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> token(String clientId, String secret, String scope) throws Exception {
        return post("/oauth2/token", "grant_type=client_credentials&scope=" + scope, basic(clientId, secret));
    }

    private static String basic(String clientId, String secret) {
        return "Basic "
                + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String form, String authorization) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
