package io.stateway.authorizer.usageplan;

import io.stateway.authorizer.AuthorizerProperties;
import io.stateway.authorizer.web.AuthorizerException;
import io.stateway.model.apikey.KeySnapshot.Quota;
import io.stateway.model.usage.UsageKeys;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The usage report of a plan: reads the gateway's per-key, per-day request counters ({@link
 * UsageKeys}) from Redis in one {@code MGET}.
 */
@Component
public class UsageReport {

    /** The longest range one report covers, as long as counters are kept. */
    static final long MAX_DAYS = UsageKeys.RETENTION.toDays();

    private final UsagePlans plans;
    private final StringRedisTemplate redis;
    private final String keyPrefix;

    UsageReport(UsagePlans plans, StringRedisTemplate redis, AuthorizerProperties properties) {
        this.plans = plans;
        this.redis = redis;
        this.keyPrefix = properties.redis().keyPrefix();
    }

    /**
     * @param keyId one key of the plan, or null for all of them
     */
    @Transactional(readOnly = true)
    public Usage usage(String planId, String startDate, String endDate, String keyId) {
        LocalDate start = day(startDate, "startDate");
        LocalDate end = day(endDate, "endDate");
        if (end.isBefore(start)) {
            throw AuthorizerException.badRequest("endDate must not be before startDate");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw AuthorizerException.badRequest("A usage report covers at most " + MAX_DAYS + " days");
        }
        UsagePlanEntity plan = plans.find(planId);
        List<String> keyIds = plan.apiKeyIds().stream().sorted().toList();
        if (keyId != null) {
            if (!keyIds.contains(keyId)) {
                throw AuthorizerException.notFound("usage plan key", keyId);
            }
            keyIds = List.of(keyId);
        }
        Quota quota = UsagePlanCodec.quota(plan);
        // Days before the range that share its first period count against the quota's remainder.
        LocalDate from = quota == null ? start : quota.period().start(start);
        int days = (int) ChronoUnit.DAYS.between(from, end) + 1;
        long[][] counts = counts(planId, keyIds, from, days);
        LocalDate firstPeriod =
                quota == null ? null : quota.period().start(LocalDate.ofInstant(plan.createdAt(), ZoneOffset.UTC));
        Map<String, List<List<Long>>> items = new LinkedHashMap<>();
        for (int k = 0; k < keyIds.size(); k++) {
            List<List<Long>> pairs = new ArrayList<>();
            long usedInPeriod = 0;
            LocalDate periodStart = null;
            for (int d = 0; d < days; d++) {
                LocalDate day = from.plusDays(d);
                long used = counts[k][d];
                if (quota != null) {
                    LocalDate currentPeriod = quota.period().start(day);
                    if (!currentPeriod.equals(periodStart)) {
                        periodStart = currentPeriod;
                        usedInPeriod = currentPeriod.equals(firstPeriod) ? quota.offset() : 0;
                    }
                    usedInPeriod += used;
                }
                if (!day.isBefore(start)) {
                    pairs.add(Arrays.asList(used, quota == null ? null : Math.max(0, quota.limit() - usedInPeriod)));
                }
            }
            items.put(keyIds.get(k), pairs);
        }
        return new Usage(planId, start.toString(), end.toString(), items);
    }

    private long[][] counts(String planId, List<String> keyIds, LocalDate from, int days) {
        long[][] counts = new long[keyIds.size()][days];
        if (keyIds.isEmpty()) {
            return counts;
        }
        List<String> names = new ArrayList<>(keyIds.size() * days);
        for (String key : keyIds) {
            for (int d = 0; d < days; d++) {
                names.add(UsageKeys.counter(keyPrefix, planId, key, from.plusDays(d)));
            }
        }
        List<String> values;
        try {
            values = redis.opsForValue().multiGet(names);
        } catch (DataAccessException e) {
            throw new AuthorizerException(
                    AuthorizerException.Code.ServiceUnavailableException,
                    "Usage counters are unavailable (Redis): "
                            + e.getMostSpecificCause().getMessage());
        }
        for (int i = 0; i < names.size(); i++) {
            String value = values == null ? null : values.get(i);
            counts[i / days][i % days] = value == null ? 0 : Long.parseLong(value);
        }
        return counts;
    }

    private static LocalDate day(String text, String name) {
        if (text == null) {
            throw AuthorizerException.badRequest(name + " is required (yyyy-MM-dd)");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw AuthorizerException.badRequest(name + " must be a date, yyyy-MM-dd, not " + text);
        }
    }
}
