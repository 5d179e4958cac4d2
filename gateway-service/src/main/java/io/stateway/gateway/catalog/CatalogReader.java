package io.stateway.gateway.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final StageCodec stageCodec;

    CatalogReader(
            CatalogRevision revision,
            StageRepository stages,
            DeploymentRepository deployments,
            ApiRepository apis,
            StageCodec stageCodec) {
        this.revision = revision;
        this.stages = stages;
        this.deployments = deployments;
        this.apis = apis;
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
        return new CatalogSnapshot(current, stageSnapshots);
    }
}
