package io.stateway.gateway.catalog;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API keys and usage plans (the minimal part the data plane needs: which key may call which stage). */
@Service
@Transactional
public class KeyCatalog {

    private final ApiKeyRepository keys;
    private final UsagePlanRepository plans;
    private final ApiKeyHasher hasher;
    private final CatalogRevision revision;
    private final IdGenerator ids;
    private final Clock clock;

    KeyCatalog(
            ApiKeyRepository keys,
            UsagePlanRepository plans,
            ApiKeyHasher hasher,
            CatalogRevision revision,
            IdGenerator ids,
            Clock clock) {
        this.keys = keys;
        this.plans = plans;
        this.hasher = hasher;
        this.revision = revision;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Creates a key; its value is returned this once.
     *
     * @param value the key to store (imported from elsewhere), or null to generate one
     */
    public ApiKeyDescription createKey(String name, String value, boolean enabled) {
        String key = value == null || value.isEmpty() ? ids.apiKeyValue() : value;
        if (key.length() < 20 || key.length() > 128) {
            throw new CatalogException(
                    CatalogException.Code.BadRequestException, "An API key must be between 20 and 128 characters");
        }
        byte[] hash = hasher.hash(key);
        if (keys.existsByKeyHash(hash)) {
            throw new CatalogException(CatalogException.Code.ConflictException, "API key already exists");
        }
        ApiKeyEntity entity = new ApiKeyEntity(
                ids.id(10), name == null ? "" : name, hash, key.substring(0, 4), enabled, clock.instant());
        keys.save(entity);
        revision.bump();
        return describe(entity, key);
    }

    public ApiKeyDescription updateKey(String keyId, String name, Boolean enabled) {
        ApiKeyEntity key = key(keyId);
        key.update(name == null ? key.name() : name, enabled == null ? key.enabled() : enabled, clock.instant());
        revision.bump();
        return describe(key, null);
    }

    @Transactional(readOnly = true)
    public ApiKeyDescription describeKey(String keyId) {
        return describe(key(keyId), null);
    }

    @Transactional(readOnly = true)
    public List<ApiKeyDescription> keys() {
        return keys.findAllByOrderByCreatedAtAsc().stream()
                .map(k -> describe(k, null))
                .toList();
    }

    public void deleteKey(String keyId) {
        keys.delete(key(keyId));
        revision.bump();
    }

    public UsagePlanDescription createPlan(UsagePlan plan) {
        UsagePlanEntity entity = new UsagePlanEntity(ids.id(6), plan, clock.instant());
        plans.save(entity);
        revision.bump();
        return describe(entity);
    }

    public UsagePlanDescription updatePlan(String planId, UsagePlan plan) {
        UsagePlanEntity entity = plan(planId);
        entity.update(plan, clock.instant());
        revision.bump();
        return describe(entity);
    }

    @Transactional(readOnly = true)
    public List<UsagePlanDescription> plans() {
        return plans.findAllByOrderByCreatedAtAsc().stream()
                .map(KeyCatalog::describe)
                .toList();
    }

    @Transactional(readOnly = true)
    public UsagePlanDescription describePlan(String planId) {
        return describe(plan(planId));
    }

    public void deletePlan(String planId) {
        plans.delete(plan(planId));
        revision.bump();
    }

    public UsagePlanDescription addKey(String planId, String keyId) {
        UsagePlanEntity plan = plan(planId);
        key(keyId);
        plan.addKey(keyId, clock.instant());
        revision.bump();
        return describe(plan);
    }

    public UsagePlanDescription removeKey(String planId, String keyId) {
        UsagePlanEntity plan = plan(planId);
        if (!plan.removeKey(keyId, clock.instant())) {
            throw CatalogException.notFound("usage plan key", keyId);
        }
        revision.bump();
        return describe(plan);
    }

    private ApiKeyEntity key(String keyId) {
        return keys.findById(keyId).orElseThrow(() -> CatalogException.notFound("API key", keyId));
    }

    private UsagePlanEntity plan(String planId) {
        return plans.findById(planId).orElseThrow(() -> CatalogException.notFound("usage plan", planId));
    }

    private static ApiKeyDescription describe(ApiKeyEntity key, String value) {
        return new ApiKeyDescription(
                key.id(), key.name(), value, key.keyPrefix(), key.enabled(), key.createdAt(), key.updatedAt());
    }

    private static UsagePlanDescription describe(UsagePlanEntity plan) {
        return new UsagePlanDescription(plan.id(), plan.toPlan(), plan.apiKeyIds());
    }
}
