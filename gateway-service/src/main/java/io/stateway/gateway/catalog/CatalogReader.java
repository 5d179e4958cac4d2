package io.stateway.gateway.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads a {@link CatalogSnapshot}: the revision and what it describes, in one repeatable-read transaction. */
@Component
public class CatalogReader {

    private final CatalogRevision revision;
    private final StageRepository stages;
    private final DeploymentRepository deployments;
    private final ApiRepository apis;
    private final ApiKeyRepository keys;
    private final UsagePlanRepository plans;
    private final StageCodec stageCodec;

    CatalogReader(
            CatalogRevision revision,
            StageRepository stages,
            DeploymentRepository deployments,
            ApiRepository apis,
            ApiKeyRepository keys,
            UsagePlanRepository plans,
            StageCodec stageCodec) {
        this.revision = revision;
        this.stages = stages;
        this.deployments = deployments;
        this.apis = apis;
        this.keys = keys;
        this.plans = plans;
        this.stageCodec = stageCodec;
    }

    public long revision() {
        return revision.current();
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public CatalogSnapshot read() {
        long current = revision.current();
        Map<String, String> endpointTypes = new HashMap<>();
        apis.findAll().forEach(api -> endpointTypes.put(api.id(), api.endpointType()));
        List<CatalogSnapshot.StageSnapshot> stageSnapshots = new ArrayList<>();
        Map<String, DeploymentEntity> deploymentsById = new HashMap<>();
        for (StageEntity stage : stages.findAll()) {
            DeploymentEntity deployment = deploymentsById.computeIfAbsent(
                    stage.deploymentId(), id -> deployments.findById(id).orElseThrow());
            stageSnapshots.add(new CatalogSnapshot.StageSnapshot(
                    stage.apiId(),
                    endpointTypes.get(stage.apiId()),
                    stage.name(),
                    deployment.id(),
                    deployment.document(),
                    stageCodec.settings(stage)));
        }
        Map<String, Set<String>> stagesOfKey = new HashMap<>();
        for (UsagePlanEntity plan : plans.findAll()) {
            UsagePlan described = plan.toPlan();
            for (String keyId : plan.apiKeyIds()) {
                Set<String> granted = stagesOfKey.computeIfAbsent(keyId, k -> new HashSet<>());
                described.apiStages().forEach(s -> granted.add(s.apiId() + "/" + s.stage()));
            }
        }
        List<CatalogSnapshot.KeyGrant> grants = keys.findAll().stream()
                .map(key -> new CatalogSnapshot.KeyGrant(
                        key.id(), key.keyHash(), key.enabled(), stagesOfKey.getOrDefault(key.id(), Set.of())))
                .toList();
        return new CatalogSnapshot(current, stageSnapshots, grants);
    }
}
