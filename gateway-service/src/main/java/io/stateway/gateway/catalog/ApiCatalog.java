package io.stateway.gateway.catalog;

import io.stateway.gateway.api.ApiMethod;
import io.stateway.gateway.api.ApiResource;
import io.stateway.gateway.api.openapi.ApiFinding;
import io.stateway.gateway.api.openapi.DocumentFormat;
import io.stateway.gateway.api.openapi.ImportedApi;
import io.stateway.gateway.api.openapi.InvalidApiDocumentException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * APIs, their deployments and stages: what the admin API and the start-up loader change. Every change
 * moves the {@link CatalogRevision}, which makes every replica recompile its routes.
 */
@Service
@Transactional
public class ApiCatalog {

    private static final Set<String> ENDPOINT_TYPES = Set.of("EDGE", "REGIONAL", "PRIVATE");

    private final ApiRepository apis;
    private final DeploymentRepository deployments;
    private final StageRepository stages;
    private final ApiDocuments documents;
    private final StageCodec stageCodec;
    private final CatalogRevision revision;
    private final IdGenerator ids;
    private final Clock clock;

    ApiCatalog(
            ApiRepository apis,
            DeploymentRepository deployments,
            StageRepository stages,
            ApiDocuments documents,
            StageCodec stageCodec,
            CatalogRevision revision,
            IdGenerator ids,
            Clock clock) {
        this.apis = apis;
        this.deployments = deployments;
        this.stages = stages;
        this.documents = documents;
        this.stageCodec = stageCodec;
        this.revision = revision;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Imports a new API.
     *
     * @param sourceFile the file it comes from (start-up loading), or null
     * @throws CatalogException BadRequestException with every problem of the document
     */
    public ApiDescription create(String document, boolean failOnWarnings, String endpointType, String sourceFile) {
        String type = endpointType(endpointType);
        String id = ids.id(10);
        ImportedApi imported = read(document, id, failOnWarnings);
        Instant now = clock.instant();
        RestApiEntity api = new RestApiEntity(id, type, sourceFile, now);
        api.setDocument(
                imported.api().info().title(),
                imported.api().info().description(),
                document,
                DocumentFormat.detect(document),
                now);
        apis.save(api);
        revision.bump();
        return describe(api, imported.warnings());
    }

    /** Replaces an API's document (its draft); stages keep serving their deployments until redeployed. */
    public ApiDescription update(String apiId, String document, boolean failOnWarnings) {
        RestApiEntity api = api(apiId);
        ImportedApi imported = read(document, apiId, failOnWarnings);
        api.setDocument(
                imported.api().info().title(),
                imported.api().info().description(),
                document,
                DocumentFormat.detect(document),
                clock.instant());
        revision.bump();
        return describe(api, imported.warnings());
    }

    @Transactional(readOnly = true)
    public ApiDescription describe(String apiId) {
        return describe(api(apiId), List.of());
    }

    @Transactional(readOnly = true)
    public List<ApiDescription> list() {
        return apis.findAllByOrderByCreatedAtAsc().stream()
                .map(api -> describe(api, List.of()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<ApiDescription> findBySourceFile(String sourceFile) {
        return apis.findBySourceFile(sourceFile).map(api -> describe(api, List.of()));
    }

    public void delete(String apiId) {
        RestApiEntity api = api(apiId);
        stages.deleteAll(stages.findByApiIdOrderByNameAsc(apiId));
        deployments.deleteAll(deployments.findByApiIdOrderByCreatedAtAsc(apiId));
        apis.delete(api);
        revision.bump();
    }

    /** The document of the API's draft, or of the deployment a stage serves. */
    @Transactional(readOnly = true)
    public String document(String apiId, Optional<String> stageName) {
        RestApiEntity api = api(apiId);
        if (stageName.isEmpty()) {
            return api.document();
        }
        StageEntity stage = stage(apiId, stageName.get());
        return deployment(stage.deploymentId()).document();
    }

    /**
     * Deploys the API's draft: a new deployment, served by the stage (created if needed, with the given
     * variables if it is new).
     *
     * @throws CatalogException BadRequestException if a method has no integration, as AWS refuses it
     */
    public DeploymentDescription deploy(String apiId, String stageName, String description, StageSettings newStage) {
        RestApiEntity api = api(apiId);
        checkStageName(stageName);
        ImportedApi imported = read(api.document(), apiId, false);
        List<String> withoutIntegration = new ArrayList<>();
        for (ApiResource resource : imported.api().resources()) {
            for (ApiMethod method : resource.methods().values()) {
                if (method.integration().isEmpty()) {
                    withoutIntegration.add(method.httpMethod() + " " + resource.path());
                }
            }
        }
        if (!withoutIntegration.isEmpty()) {
            throw new CatalogException(
                    CatalogException.Code.BadRequestException,
                    "No integration defined for method: " + String.join(", ", withoutIntegration));
        }
        Instant now = clock.instant();
        DeploymentEntity deployment = new DeploymentEntity(
                ids.id(6), apiId, description == null ? "" : description, api.document(), api.documentFormat(), now);
        deployments.save(deployment);
        StageEntity stage =
                stages.findById(new StageEntity.Key(apiId, stageName)).orElse(null);
        if (stage == null) {
            stage = new StageEntity(apiId, stageName, now);
            stage.apply(
                    deployment.id(),
                    newStage,
                    stageCodec.variables(newStage.variables()),
                    stageCodec.methodSettings(newStage.methodSettings()),
                    now);
            stages.save(stage);
        } else {
            stage.deploy(deployment.id(), now);
        }
        revision.bump();
        return describe(deployment);
    }

    @Transactional(readOnly = true)
    public List<DeploymentDescription> deployments(String apiId) {
        api(apiId);
        return deployments.findByApiIdOrderByCreatedAtAsc(apiId).stream()
                .map(ApiCatalog::describe)
                .toList();
    }

    /**
     * Creates or replaces a stage.
     *
     * @param deploymentId the deployment it serves; empty keeps the current one (an existing stage) or
     *     takes the latest deployment (a new stage)
     */
    public StageDescription putStage(
            String apiId, String stageName, Optional<String> deploymentId, StageSettings settings) {
        api(apiId);
        checkStageName(stageName);
        Instant now = clock.instant();
        StageEntity stage =
                stages.findById(new StageEntity.Key(apiId, stageName)).orElse(null);
        String serving = deploymentId.orElseGet(() -> Optional.ofNullable(stage)
                .map(StageEntity::deploymentId)
                .orElseGet(() -> {
                    List<DeploymentEntity> all = deployments.findByApiIdOrderByCreatedAtAsc(apiId);
                    if (all.isEmpty()) {
                        throw new CatalogException(
                                CatalogException.Code.BadRequestException,
                                "The API has no deployment yet: deploy it to create the stage");
                    }
                    return all.getLast().id();
                }));
        DeploymentEntity deployment = deployment(serving);
        if (!deployment.apiId().equals(apiId)) {
            throw CatalogException.notFound("deployment", serving);
        }
        StageEntity target = stage == null ? new StageEntity(apiId, stageName, now) : stage;
        target.apply(
                serving,
                settings,
                stageCodec.variables(settings.variables()),
                stageCodec.methodSettings(settings.methodSettings()),
                now);
        stages.save(target);
        revision.bump();
        return stageCodec.describe(target);
    }

    @Transactional(readOnly = true)
    public StageDescription stageDescription(String apiId, String stageName) {
        return stageCodec.describe(stage(apiId, stageName));
    }

    @Transactional(readOnly = true)
    public List<StageDescription> stages(String apiId) {
        api(apiId);
        return stages.findByApiIdOrderByNameAsc(apiId).stream()
                .map(stageCodec::describe)
                .toList();
    }

    public void deleteStage(String apiId, String stageName) {
        stages.delete(stage(apiId, stageName));
        revision.bump();
    }

    private ImportedApi read(String document, String apiId, boolean failOnWarnings) {
        try {
            return documents.read(document, apiId, failOnWarnings);
        } catch (InvalidApiDocumentException e) {
            throw new CatalogException(CatalogException.Code.BadRequestException, e.getMessage(), e.findings());
        }
    }

    private RestApiEntity api(String apiId) {
        return apis.findById(apiId).orElseThrow(() -> CatalogException.notFound("API", apiId));
    }

    private StageEntity stage(String apiId, String stageName) {
        api(apiId);
        return stages.findById(new StageEntity.Key(apiId, stageName))
                .orElseThrow(() -> CatalogException.notFound("stage", stageName));
    }

    private DeploymentEntity deployment(String deploymentId) {
        return deployments
                .findById(deploymentId)
                .orElseThrow(() -> CatalogException.notFound("deployment", deploymentId));
    }

    private static void checkStageName(String stageName) {
        if (stageName == null || !stageName.matches("[A-Za-z0-9_-]{1,128}")) {
            throw new CatalogException(
                    CatalogException.Code.BadRequestException,
                    "Stage name only allows a-zA-Z0-9_- and at most 128 characters");
        }
    }

    private static String endpointType(String type) {
        String value = type == null || type.isBlank() ? "REGIONAL" : type.toUpperCase(Locale.ROOT);
        if (!ENDPOINT_TYPES.contains(value)) {
            throw new CatalogException(
                    CatalogException.Code.BadRequestException,
                    "Endpoint type must be EDGE, REGIONAL or PRIVATE: " + type);
        }
        return value;
    }

    private static ApiDescription describe(RestApiEntity api, List<ApiFinding> warnings) {
        return new ApiDescription(
                api.id(),
                api.name(),
                api.description(),
                api.endpointType(),
                api.sourceFile(),
                api.createdAt(),
                api.updatedAt(),
                warnings);
    }

    private static DeploymentDescription describe(DeploymentEntity deployment) {
        return new DeploymentDescription(
                deployment.id(), deployment.apiId(), deployment.description(), deployment.createdAt());
    }
}
