package io.stateway.gateway.throttle;

import io.stateway.gateway.GatewayProperties;
import io.stateway.gateway.catalog.StageSettings;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.routing.CompiledMethod;
import io.stateway.gateway.routing.DeployedStage;
import io.stateway.model.apikey.KeySnapshot;
import io.stateway.model.usage.QuotaPeriod;
import io.stateway.model.usage.UsageKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which limits a request meets, as on AWS: the account's; its method's on the stage (the stage's default
 * or the method's setting); and with an API key, its usage plan's throttle, the plan's per-method throttle
 * and the plan's quota. Every (plan, key) pair has buckets and counters of its own.
 */
@Component
class AdmissionPlanner {

    private final String prefix;
    private final ThrottlingProperties properties;
    private final Clock clock;

    AdmissionPlanner(GatewayProperties gateway, ThrottlingProperties properties, Clock clock) {
        this.prefix = gateway.redis().keyPrefix();
        this.properties = properties;
        this.clock = clock;
    }

    Admission plan(Invocation invocation) {
        DeployedStage stage = invocation.stage().orElseThrow();
        CompiledMethod method = invocation.method();
        String resourcePath = method.resource().path();
        String httpMethod = method.method().httpMethod();
        String methodId = stage.api().apiId() + ":" + stage.name() + ":" + httpMethod + " " + resourcePath;
        List<Bucket> buckets = new ArrayList<>(4);
        ThrottlingProperties.Account account = properties.account();
        if (account.burstLimit() > 0) {
            buckets.add(new Bucket(prefix + "throttle:account", account.rateLimit(), account.burstLimit()));
        }
        StageSettings.Throttling stageThrottle = stage.settings().throttling(resourcePath, httpMethod);
        if (stageThrottle.limits()) {
            buckets.add(new Bucket(
                    prefix + "throttle:method:" + methodId, stageThrottle.rateLimit(), stageThrottle.burstLimit()));
        }
        Optional<Admission.Meter> meter = Optional.empty();
        Optional<KeySnapshot.Plan> plan = invocation.usagePlan();
        if (plan.isPresent() && invocation.apiKeyId().isPresent()) {
            String keyId = invocation.apiKeyId().get();
            String owner = plan.get().id() + ":" + keyId;
            add(buckets, prefix + "throttle:key:" + owner, plan.get().throttle());
            plan.get()
                    .stage(stage.api().apiId(), stage.name())
                    .map(s -> s.throttle()
                            .getOrDefault(
                                    resourcePath + "/" + httpMethod,
                                    s.throttle().get("/*/*")))
                    .ifPresent(t -> add(buckets, prefix + "throttle:key-method:" + owner + ":" + methodId, t));
            meter = Optional.of(meter(plan.get(), keyId, owner));
        }
        return new Admission(buckets, meter);
    }

    private Admission.Meter meter(KeySnapshot.Plan plan, String keyId, String owner) {
        Instant now = clock.instant();
        KeySnapshot.Quota quota = plan.quota();
        QuotaPeriod period = quota == null ? QuotaPeriod.DAY : quota.period();
        LocalDate start = period.start(UsageKeys.utcDay(now));
        return new Admission.Meter(
                prefix + "quota:" + owner + ":" + period + ":" + start,
                prefix + "quota-first:" + owner + ":" + period,
                UsageKeys.counter(prefix, plan.id(), keyId, now),
                quota == null ? -1 : quota.limit(),
                quota == null ? 0 : quota.offset(),
                start.toString(),
                period.next(start).atStartOfDay(ZoneOffset.UTC).toEpochSecond(),
                UsageKeys.RETENTION.toSeconds());
    }

    private static void add(List<Bucket> buckets, String key, KeySnapshot.Throttle throttle) {
        if (throttle != null && throttle.rateLimit() != null && throttle.burstLimit() != null) {
            buckets.add(new Bucket(key, throttle.rateLimit(), throttle.burstLimit()));
        }
    }
}
