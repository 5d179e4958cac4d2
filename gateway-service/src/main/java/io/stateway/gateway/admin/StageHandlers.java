package io.stateway.gateway.admin;

import io.stateway.gateway.cache.ResponseCache;
import io.stateway.gateway.catalog.ApiCatalog;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code /admin/v1/apis/{id}/stages}: variables, throttling defaults, cache settings, the deployment served. */
final class StageHandlers {

    private final ApiCatalog catalog;
    private final ResponseCache cache;
    private final AdminCalls calls;
    private final AdminResponses responses;

    StageHandlers(ApiCatalog catalog, ResponseCache cache, AdminCalls calls, AdminResponses responses) {
        this.catalog = catalog;
        this.cache = cache;
        this.calls = calls;
        this.responses = responses;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return calls.read(() -> catalog.stages(request.pathVariable("apiId")))
                .flatMap(items -> responses.ok(Map.of("items", items)));
    }

    Mono<ServerResponse> describe(ServerRequest request) {
        return calls.read(() -> catalog.stageDescription(request.pathVariable("apiId"), request.pathVariable("stage")))
                .flatMap(responses::ok);
    }

    /** {@code PUT}: creates or replaces the stage; without {@code deploymentId} it keeps (or takes the latest) deployment. */
    Mono<ServerResponse> put(ServerRequest request) {
        String id = request.pathVariable("apiId");
        String stage = request.pathVariable("stage");
        return calls.body(request, AdminInputs.Stage.class)
                .flatMap(input -> calls.change(() -> catalog.putStage(
                        id,
                        stage,
                        Optional.ofNullable(input.deploymentId()).filter(d -> !d.isBlank()),
                        AdminCalls.valid(input::settings))))
                .flatMap(responses::ok);
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        return calls.change(() -> {
                    catalog.deleteStage(request.pathVariable("apiId"), request.pathVariable("stage"));
                    return true;
                })
                .then(ServerResponse.accepted().build());
    }

    /** {@code DELETE .../cache}: removes every cached response of the stage (AWS's FlushStageCache). */
    Mono<ServerResponse> flushCache(ServerRequest request) {
        String id = request.pathVariable("apiId");
        String stage = request.pathVariable("stage");
        return calls.read(() -> catalog.stageDescription(id, stage))
                .flatMap(found -> cache.flush(id, stage))
                .then(ServerResponse.accepted().build());
    }
}
