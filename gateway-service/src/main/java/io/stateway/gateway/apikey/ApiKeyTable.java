package io.stateway.gateway.apikey;

import io.stateway.model.apikey.ApiKeyHmac;
import io.stateway.model.apikey.KeySnapshot;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every API key, by its HMAC, with the usage plan that covers each of its stages: an immutable view of
 * one {@link KeySnapshot}, replaced as a whole when the authorizer-service's revision moves. Keys
 * themselves are never held: a presented key is hashed with the shared pepper and looked up.
 */
public final class ApiKeyTable {

    private final long revision;
    private final Map<ByteBuffer, Grant> byHash = new HashMap<>();

    /**
     * A key that may be used.
     *
     * @param keyId the key's id
     * @param hash its HMAC
     * @param enabled whether it may be used
     * @param plans by {@code <apiId>/<stage>}, the plan that covers the stage for this key (AWS allows one)
     */
    public record Grant(String keyId, byte[] hash, boolean enabled, Map<String, KeySnapshot.Plan> plans) {}

    ApiKeyTable(KeySnapshot snapshot) {
        this.revision = snapshot.revision();
        Map<String, KeySnapshot.Plan> plans = new HashMap<>();
        snapshot.plans().forEach(plan -> plans.put(plan.id(), plan));
        Base64.Decoder base64 = Base64.getDecoder();
        for (KeySnapshot.Key key : snapshot.keys()) {
            Map<String, KeySnapshot.Plan> byStage = new HashMap<>();
            for (String planId : key.planIds()) {
                KeySnapshot.Plan plan = plans.get(planId);
                if (plan != null) {
                    plan.apiStages().forEach(s -> byStage.putIfAbsent(s.apiId() + "/" + s.stage(), plan));
                }
            }
            byte[] hash = base64.decode(key.hmac());
            byHash.put(ByteBuffer.wrap(hash), new Grant(key.id(), hash, key.enabled(), Map.copyOf(byStage)));
        }
    }

    static ApiKeyTable empty() {
        return new ApiKeyTable(new KeySnapshot(-1, null, null));
    }

    /** The authorizer-service's key revision this table reflects; -1 before the first snapshot. */
    public long revision() {
        return revision;
    }

    /** The key with this value, if it exists. */
    Optional<Grant> find(ApiKeyHmac hmac, String presentedKey) {
        byte[] hash = hmac.hash(presentedKey);
        Grant grant = byHash.get(ByteBuffer.wrap(hash));
        // The map finds the candidate; the comparison that admits it takes constant time.
        return grant != null && MessageDigest.isEqual(grant.hash(), hash) ? Optional.of(grant) : Optional.empty();
    }
}
