package io.stateway.authorizer.usageplan;

import io.stateway.authorizer.Ids;
import io.stateway.authorizer.apikey.ApiKey;
import io.stateway.authorizer.apikey.ApiKeys;
import io.stateway.authorizer.snapshot.KeyRevision;
import io.stateway.authorizer.web.AuthorizerException;
import io.stateway.model.apikey.KeySnapshot.ApiStage;
import io.stateway.model.apikey.KeySnapshot.Quota;
import io.stateway.model.apikey.KeySnapshot.Throttle;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usage plans and their keys, with AWS's rules: throttles and quotas are non-negative, a plan names an
 * API stage once, per-method throttles are keyed {@code /path/METHOD}, and a key belongs to at most
 * one plan per API stage (else the stage's throttle would be ambiguous).
 */
@Service
@Transactional
public class UsagePlans {

    private static final Pattern METHOD_KEY = Pattern.compile("/.*/(\\*|[A-Z]+)");

    private final UsagePlanRepository plans;
    private final UsagePlanCodec codec;
    private final ApiKeys keys;
    private final KeyRevision revision;
    private final Clock clock;

    UsagePlans(UsagePlanRepository plans, UsagePlanCodec codec, ApiKeys keys, KeyRevision revision, Clock clock) {
        this.plans = plans;
        this.codec = codec;
        this.keys = keys;
        this.revision = revision;
        this.clock = clock;
    }

    public UsagePlan create(UsagePlan plan) {
        UsagePlanEntity entity = new UsagePlanEntity(Ids.next(), clock.instant());
        apply(entity, plan);
        plans.save(entity);
        revision.bump();
        return codec.plan(entity);
    }

    public UsagePlan update(String planId, UsagePlan plan) {
        UsagePlanEntity entity = find(planId);
        apply(entity, plan);
        for (String keyId : entity.apiKeyIds()) {
            checkOnePlanPerStage(keyId, entity.id(), plan.apiStages());
        }
        revision.bump();
        return codec.plan(entity);
    }

    @Transactional(readOnly = true)
    public UsagePlan get(String planId) {
        return codec.plan(find(planId));
    }

    @Transactional(readOnly = true)
    public List<UsagePlan> list() {
        return plans.findAllByOrderByCreatedAtAsc().stream().map(codec::plan).toList();
    }

    public void delete(String planId) {
        plans.delete(find(planId));
        revision.bump();
    }

    /** Adds a key to the plan; AWS's {@code CreateUsagePlanKey}. */
    public UsagePlanKey addKey(String planId, String keyId) {
        UsagePlanEntity plan = find(planId);
        ApiKey key = keys.get(keyId);
        checkOnePlanPerStage(keyId, planId, codec.stages(plan));
        if (!plan.addKey(keyId, clock.instant())) {
            throw AuthorizerException.conflict("Usage plan " + planId + " already contains API Key " + keyId);
        }
        revision.bump();
        return UsagePlanKey.of(key);
    }

    public void removeKey(String planId, String keyId) {
        UsagePlanEntity plan = find(planId);
        if (!plan.removeKey(keyId, clock.instant())) {
            throw AuthorizerException.notFound("usage plan key", keyId);
        }
        revision.bump();
    }

    @Transactional(readOnly = true)
    public List<UsagePlanKey> keys(String planId) {
        return find(planId).apiKeyIds().stream()
                .map(keys::get)
                .map(UsagePlanKey::of)
                .sorted(Comparator.comparing(UsagePlanKey::name).thenComparing(UsagePlanKey::id))
                .toList();
    }

    UsagePlanEntity find(String planId) {
        return plans.findById(planId).orElseThrow(() -> AuthorizerException.notFound("usage plan", planId));
    }

    private void apply(UsagePlanEntity entity, UsagePlan plan) {
        validate(plan);
        Throttle throttle = plan.throttle();
        Quota quota = plan.quota();
        entity.update(
                plan.name() == null ? "" : plan.name(),
                plan.description() == null ? "" : plan.description(),
                throttle == null ? null : throttle.rateLimit(),
                throttle == null ? null : throttle.burstLimit(),
                quota == null ? null : quota.limit(),
                quota == null ? null : quota.period().name(),
                quota == null ? 0 : quota.offset(),
                codec.stages(plan.apiStages()),
                clock.instant());
    }

    private void checkOnePlanPerStage(String keyId, String planId, List<ApiStage> stages) {
        Set<String> wanted = new HashSet<>();
        stages.forEach(s -> wanted.add(s.apiId() + "/" + s.stage()));
        for (UsagePlanEntity other : plans.findByKey(keyId)) {
            if (other.id().equals(planId)) {
                continue;
            }
            for (ApiStage stage : codec.stages(other)) {
                if (wanted.contains(stage.apiId() + "/" + stage.stage())) {
                    throw AuthorizerException.conflict("API Key " + keyId + " is already in usage plan " + other.id()
                            + " for stage " + stage.stage() + " of API " + stage.apiId());
                }
            }
        }
    }

    static void validate(UsagePlan plan) {
        if (plan.name() == null || plan.name().isBlank()) {
            throw AuthorizerException.badRequest("A usage plan needs a name");
        }
        throttle(plan.throttle(), "throttle");
        Quota quota = plan.quota();
        if (quota != null) {
            if (quota.limit() <= 0) {
                throw AuthorizerException.badRequest("quota.limit must be positive");
            }
            if (quota.offset() < 0 || quota.offset() >= quota.limit()) {
                throw AuthorizerException.badRequest("quota.offset must be at least 0 and below quota.limit");
            }
        }
        Set<String> seen = new HashSet<>();
        for (ApiStage stage : plan.apiStages()) {
            if (stage.apiId().isBlank() || stage.stage().isBlank()) {
                throw AuthorizerException.badRequest("apiStages entries need an apiId and a stage");
            }
            if (!seen.add(stage.apiId() + "/" + stage.stage())) {
                throw AuthorizerException.badRequest(
                        "Stage " + stage.stage() + " of API " + stage.apiId() + " is listed twice");
            }
            for (Map.Entry<String, Throttle> method : stage.throttle().entrySet()) {
                if (!METHOD_KEY.matcher(method.getKey()).matches()) {
                    throw AuthorizerException.badRequest("Per-method throttle keys are /resource/path/METHOD (e.g."
                            + " /pets/GET), not " + method.getKey());
                }
                throttle(method.getValue(), "throttle of " + method.getKey());
            }
        }
    }

    private static void throttle(Throttle throttle, String what) {
        if (throttle == null) {
            return;
        }
        if (throttle.rateLimit() != null
                && (throttle.rateLimit() < 0 || throttle.rateLimit().isNaN())) {
            throw AuthorizerException.badRequest(what + ".rateLimit must not be negative");
        }
        if (throttle.burstLimit() != null && throttle.burstLimit() < 0) {
            throw AuthorizerException.badRequest(what + ".burstLimit must not be negative");
        }
    }
}
