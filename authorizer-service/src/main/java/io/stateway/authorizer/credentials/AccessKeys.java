package io.stateway.authorizer.credentials;

import io.stateway.authorizer.secrets.SecretBox;
import io.stateway.authorizer.web.AuthorizerException;
import io.stateway.model.authorizer.PolicyDocument;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * IAM-style access keys: an id ({@code AKIA} and 16 letters and digits, as AWS's look) and a
 * 40-character secret shown once and kept sealed, with the policies that say what the key may
 * invoke.
 */
@Service
@Transactional
public class AccessKeys {

    static final TypeReference<List<PolicyDocument>> POLICIES = new TypeReference<>() {};
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final AccessKeyRepository keys;
    private final SecretBox box;
    private final JsonMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccessKeys(AccessKeyRepository keys, SecretBox box, JsonMapper json, Clock clock) {
        this.keys = keys;
        this.box = box;
        this.json = json;
        this.clock = clock;
    }

    public AccessKey create(String name, List<PolicyDocument> policies) {
        if (name == null || name.isBlank()) {
            throw AuthorizerException.badRequest("An access key needs a name (its principal)");
        }
        String id = newId();
        byte[] secretBytes = new byte[30];
        random.nextBytes(secretBytes);
        String secret = Base64.getEncoder().encodeToString(secretBytes);
        byte[] plaintext = secret.getBytes(StandardCharsets.UTF_8);
        SecretBox.Sealed sealed = box.seal(plaintext, id.getBytes(StandardCharsets.UTF_8));
        Arrays.fill(plaintext, (byte) 0);
        AccessKeyEntity entity = new AccessKeyEntity(id, name, sealed, write(policies), clock.instant());
        keys.save(entity);
        return view(entity, secret);
    }

    public AccessKey update(String id, String name, Boolean enabled, List<PolicyDocument> policies) {
        AccessKeyEntity entity = find(id);
        entity.update(
                name == null ? entity.name() : name,
                enabled == null ? entity.enabled() : enabled,
                policies == null ? entity.policies() : write(policies),
                clock.instant());
        return view(entity, null);
    }

    @Transactional(readOnly = true)
    public AccessKey get(String id) {
        return view(find(id), null);
    }

    @Transactional(readOnly = true)
    public List<AccessKey> list() {
        return keys.findAllByOrderByCreatedAtAsc().stream()
                .map(k -> view(k, null))
                .toList();
    }

    public void delete(String id) {
        keys.delete(find(id));
    }

    private AccessKeyEntity find(String id) {
        return keys.findById(id).orElseThrow(() -> AuthorizerException.notFound("access key", id));
    }

    private String write(List<PolicyDocument> policies) {
        return json.writeValueAsString(policies == null ? List.of() : policies);
    }

    List<PolicyDocument> policies(AccessKeyEntity entity) {
        try {
            return json.readValue(entity.policies(), POLICIES);
        } catch (JacksonException e) {
            throw new IllegalStateException("Stored policies of access key " + entity.id() + " do not parse", e);
        }
    }

    private String newId() {
        StringBuilder id = new StringBuilder("AKIA");
        for (int i = 0; i < 16; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    private AccessKey view(AccessKeyEntity entity, String secret) {
        return new AccessKey(
                entity.id(),
                secret,
                entity.name(),
                entity.enabled(),
                policies(entity),
                entity.createdAt(),
                entity.updatedAt());
    }
}
