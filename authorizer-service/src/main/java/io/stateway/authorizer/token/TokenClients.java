package io.stateway.authorizer.token;

import io.stateway.authorizer.AuthorizerProperties;
import io.stateway.authorizer.web.AuthorizerException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token endpoint's clients: those in the properties (secrets hashed at start-up) and those added
 * through the admin API (secrets generated, shown once, kept as password hashes). Every one may use
 * the client-credentials grant only.
 */
final class TokenClients implements RegisteredClientRepository {

    /** The client setting that holds a client's token audiences. */
    static final String AUDIENCES = "stateway.audiences";

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~-]{1,100}");

    private final Map<String, RegisteredClient> configured = new LinkedHashMap<>();
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final JsonMapper json;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TokenClients(
            AuthorizerProperties.TokenEndpoint settings,
            JdbcClient jdbc,
            PasswordEncoder passwords,
            JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.json = json;
        this.ttl = settings.accessTokenTtl();
        this.clock = clock;
        for (AuthorizerProperties.Client client : settings.clients()) {
            configured.put(
                    client.clientId(),
                    client(
                            client.clientId(),
                            passwords.encode(client.clientSecret()),
                            client.scopes(),
                            client.audiences()));
        }
    }

    /** A client made through the admin API. */
    record Created(String clientId, String clientSecret, List<String> scopes, List<String> audiences) {}

    /** Adds a client; its secret is in the answer only. */
    Created create(String clientId, List<String> scopes, List<String> audiences) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw AuthorizerException.badRequest("clientId must be 1 to 100 of A-Z a-z 0-9 . _ ~ -");
        }
        if (configured.containsKey(clientId) || findByClientId(clientId) != null) {
            throw AuthorizerException.conflict("Client " + clientId + " already exists");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        List<String> scopeList = scopes == null ? List.of() : List.copyOf(scopes);
        List<String> audienceList = audiences == null ? List.of() : List.copyOf(audiences);
        store(clientId, passwords.encode(secret), scopeList, audienceList);
        return new Created(clientId, secret, scopeList, audienceList);
    }

    private void store(String clientId, String secretHash, List<String> scopes, List<String> audiences) {
        jdbc.sql("""
                        INSERT INTO token_client (client_id, secret_hash, scopes, audiences, created_at)
                        VALUES (:id, :hash, :scopes, :audiences, :at)
                        ON CONFLICT (client_id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash,
                            scopes = EXCLUDED.scopes, audiences = EXCLUDED.audiences""")
                .param("id", clientId)
                .param("hash", secretHash)
                .param("scopes", json.writeValueAsString(scopes))
                .param("audiences", json.writeValueAsString(audiences))
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** Every client (without secrets). */
    List<Created> list() {
        List<Created> all = new ArrayList<>();
        configured.values().forEach(c -> all.add(describe(c)));
        jdbc.sql("SELECT client_id, scopes, audiences FROM token_client ORDER BY created_at, client_id")
                .query((rs, row) -> new Created(
                        rs.getString(1),
                        null,
                        json.readValue(rs.getString(2), STRINGS),
                        json.readValue(rs.getString(3), STRINGS)))
                .list()
                .forEach(all::add);
        return all;
    }

    void delete(String clientId) {
        if (jdbc.sql("DELETE FROM token_client WHERE client_id = :id")
                        .param("id", clientId)
                        .update()
                == 0) {
            throw AuthorizerException.notFound("client", clientId);
        }
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        RegisteredClient fromProperties = configured.get(clientId);
        if (fromProperties != null) {
            return fromProperties;
        }
        Optional<RegisteredClient> stored = jdbc.sql(
                        "SELECT secret_hash, scopes, audiences FROM token_client WHERE client_id = :id")
                .param("id", clientId)
                .query((rs, row) -> client(
                        clientId,
                        rs.getString(1),
                        json.readValue(rs.getString(2), STRINGS),
                        json.readValue(rs.getString(3), STRINGS)))
                .optional();
        return stored.orElse(null);
    }

    /** Client ids are the registration ids. */
    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    /**
     * Stores a client as Spring Authorization Server hands it back: it saves a client again when it
     * re-hashes the secret with a newer encoding. A client from the properties stays in memory.
     */
    @Override
    public void save(RegisteredClient registeredClient) {
        String clientId = registeredClient.getClientId();
        List<String> scopes = List.copyOf(registeredClient.getScopes());
        List<String> audiences = describe(registeredClient).audiences();
        if (configured.containsKey(clientId)) {
            configured.put(clientId, client(clientId, registeredClient.getClientSecret(), scopes, audiences));
        } else {
            store(clientId, registeredClient.getClientSecret(), scopes, audiences);
        }
    }

    private RegisteredClient client(String clientId, String secretHash, List<String> scopes, List<String> audiences) {
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientSecret(secretHash)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(s -> s.addAll(scopes))
                .clientSettings(ClientSettings.builder()
                        .setting(AUDIENCES, List.copyOf(audiences))
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(ttl)
                        .build())
                .build();
    }

    private static Created describe(RegisteredClient client) {
        List<String> audiences = client.getClientSettings().getSetting(AUDIENCES);
        return new Created(client.getClientId(), null, List.copyOf(client.getScopes()), audiences);
    }
}
