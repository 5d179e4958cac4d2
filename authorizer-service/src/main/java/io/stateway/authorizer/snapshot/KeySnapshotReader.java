package io.stateway.authorizer.snapshot;

import io.stateway.model.apikey.KeySnapshot;
import io.stateway.model.apikey.KeySnapshot.ApiStage;
import io.stateway.model.usage.QuotaPeriod;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads every key (as its HMAC) and plan, and the revision they are at, in one repeatable-read transaction. */
@Component
class KeySnapshotReader {

    private static final TypeReference<List<ApiStage>> STAGES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final KeyRevision revision;
    private final JsonMapper json;

    KeySnapshotReader(JdbcClient jdbc, KeyRevision revision, JsonMapper json) {
        this.jdbc = jdbc;
        this.revision = revision;
        this.json = json;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public KeySnapshot read() {
        long current = revision.current();
        Map<String, List<String>> plansOfKey = new HashMap<>();
        jdbc.sql("SELECT api_key_id, usage_plan_id FROM usage_plan_key ORDER BY usage_plan_id")
                .query(rs -> {
                    plansOfKey
                            .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        Base64.Encoder base64 = Base64.getEncoder();
        List<KeySnapshot.Key> keys = jdbc.sql("SELECT id, key_hash, enabled FROM api_key ORDER BY id")
                .query((rs, row) -> new KeySnapshot.Key(
                        rs.getString("id"),
                        base64.encodeToString(rs.getBytes("key_hash")),
                        rs.getBoolean("enabled"),
                        plansOfKey.getOrDefault(rs.getString("id"), List.of())))
                .list();
        List<KeySnapshot.Plan> plans = jdbc.sql("""
                        SELECT id, name, throttle_rate_limit, throttle_burst_limit, quota_limit, quota_period,
                               quota_offset, api_stages
                        FROM usage_plan ORDER BY id""")
                .query((rs, row) -> {
                    double rate = rs.getDouble("throttle_rate_limit");
                    Double rateLimit = rs.wasNull() ? null : rate;
                    int burst = rs.getInt("throttle_burst_limit");
                    Integer burstLimit = rs.wasNull() ? null : burst;
                    int limit = rs.getInt("quota_limit");
                    KeySnapshot.Quota quota = rs.wasNull()
                            ? null
                            : new KeySnapshot.Quota(
                                    limit,
                                    QuotaPeriod.valueOf(rs.getString("quota_period")),
                                    rs.getInt("quota_offset"));
                    return new KeySnapshot.Plan(
                            rs.getString("id"),
                            rs.getString("name"),
                            rateLimit == null && burstLimit == null
                                    ? null
                                    : new KeySnapshot.Throttle(rateLimit, burstLimit),
                            quota,
                            json.readValue(rs.getString("api_stages"), STAGES));
                })
                .list();
        return new KeySnapshot(current, keys, plans);
    }
}
