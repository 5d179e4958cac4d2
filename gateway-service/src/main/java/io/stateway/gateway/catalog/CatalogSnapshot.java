package io.stateway.gateway.catalog;

import java.util.List;

/**
 * What the data plane serves, read in one consistent snapshot of the catalog.
 *
 * @param revision the catalog revision the snapshot reflects
 * @param stages every stage with the document of the deployment it serves
 */
public record CatalogSnapshot(long revision, List<StageSnapshot> stages) {

    public CatalogSnapshot {
        stages = List.copyOf(stages);
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
}
