package io.stateway.authorizer.apikey;

import io.stateway.authorizer.Ids;
import io.stateway.authorizer.snapshot.KeyRevision;
import io.stateway.authorizer.web.AuthorizerException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing, rotating and deleting API keys; a key's value leaves only in the answer that makes it. */
@Service
@Transactional
public class ApiKeys {

    private final ApiKeyRepository keys;
    private final ApiKeyValues values;
    private final KeyRevision revision;
    private final Clock clock;

    ApiKeys(ApiKeyRepository keys, ApiKeyValues values, KeyRevision revision, Clock clock) {
        this.keys = keys;
        this.values = values;
        this.revision = revision;
        this.clock = clock;
    }

    /**
     * @param value a key to import, or null to generate one
     */
    public ApiKey create(String name, String description, String value, boolean enabled) {
        String key = value == null || value.isEmpty() ? values.generate() : ApiKeyValues.imported(value);
        ApiKeyEntity entity = new ApiKeyEntity(
                Ids.next(), name == null ? "" : name, description == null ? "" : description, enabled, clock.instant());
        store(entity, key);
        keys.save(entity);
        revision.bump();
        return view(entity, key);
    }

    /** Replaces the key's value by a new random one; the id, name and plans stay. */
    public ApiKey rotate(String keyId) {
        ApiKeyEntity entity = find(keyId);
        String key = values.generate();
        store(entity, key);
        revision.bump();
        return view(entity, key);
    }

    public ApiKey update(String keyId, String name, String description, Boolean enabled) {
        ApiKeyEntity entity = find(keyId);
        entity.update(
                name == null ? entity.name() : name,
                description == null ? entity.description() : description,
                enabled == null ? entity.enabled() : enabled,
                clock.instant());
        revision.bump();
        return view(entity, null);
    }

    @Transactional(readOnly = true)
    public ApiKey get(String keyId) {
        return view(find(keyId), null);
    }

    @Transactional(readOnly = true)
    public List<ApiKey> list() {
        return keys.findAllByOrderByCreatedAtAsc().stream()
                .map(k -> view(k, null))
                .toList();
    }

    @Transactional(readOnly = true)
    public boolean exists(String keyId) {
        return keys.existsById(keyId);
    }

    public void delete(String keyId) {
        keys.delete(find(keyId));
        revision.bump();
    }

    private void store(ApiKeyEntity entity, String key) {
        byte[] hash = values.hash(key);
        if (keys.existsByKeyHash(hash)) {
            throw AuthorizerException.conflict("API Key already exists");
        }
        entity.value(hash, values.visiblePrefix(key), clock.instant());
    }

    private ApiKeyEntity find(String keyId) {
        return keys.findById(keyId).orElseThrow(() -> AuthorizerException.notFound("API Key", keyId));
    }

    private static ApiKey view(ApiKeyEntity key, String value) {
        return new ApiKey(
                key.id(),
                value,
                key.keyPrefix(),
                key.name(),
                key.description(),
                key.enabled(),
                key.createdAt(),
                key.updatedAt());
    }
}
