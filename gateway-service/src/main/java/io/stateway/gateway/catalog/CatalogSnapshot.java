package io.stateway.gateway.catalog;

import io.stateway.model.apikey.KeySnapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the data plane serves, read in one consistent snapshot of the catalog.
 *
 * @param revision the catalog revision the snapshot reflects
 * @param stages every stage with the document of the deployment it serves
 * @param keys every API key with the stages it may call
 */
public record CatalogSnapshot(long revision, List<StageSnapshot> stages, List<KeyGrant> keys) {

    public CatalogSnapshot {
        stages = List.copyOf(stages);
        keys = List.copyOf(keys);
    }

    /**
     * @param apiId the API
     * @param endpointType EDGE, REGIONAL or PRIVATE
     * @param stageName the stage
     * @param deploymentId the deployment it serves
     * @param document that deployment's document
     * @param settings the stage's settings
     */
    public record StageSnapshot(
            String apiId,
            String endpointType,
            String stageName,
            String deploymentId,
            String document,
            StageSettings settings) {}

    /**
     * @param keyId the key's id
     * @param hash the key's HMAC ({@link ApiKeyHasher})
     * @param enabled whether it may be used
     * @param plans by {@code <apiId>/<stage>}, the usage plan that covers the stage for this key (AWS lets a
     *     key belong to one plan per stage), in the authorizer-service's wire shape
     */
    public record KeyGrant(String keyId, byte[] hash, boolean enabled, Map<String, KeySnapshot.Plan> plans) {

        public KeyGrant {
            hash = hash.clone();
            plans = Map.copyOf(plans);
        }

        @Override
        public byte[] hash() {
            return hash.clone();
        }

        /** {@code <apiId>/<stage>} of the stages its usage plans cover. */
        public Set<String> stages() {
            return plans.keySet();
        }
    }
}
