package io.stateway.gateway.admin;

import io.stateway.gateway.catalog.KeyCatalog;
import java.util.Map;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code /admin/v1/apikeys} and {@code /admin/v1/usageplans}. */
final class KeyHandlers {

    private final KeyCatalog catalog;
    private final AdminCalls calls;
    private final AdminResponses responses;

    KeyHandlers(KeyCatalog catalog, AdminCalls calls, AdminResponses responses) {
        this.catalog = catalog;
        this.calls = calls;
        this.responses = responses;
    }

    /** {@code POST /admin/v1/apikeys}: the answer shows the key's value, this once. */
    Mono<ServerResponse> createKey(ServerRequest request) {
        return calls.body(request, AdminInputs.ApiKey.class)
                .flatMap(input -> calls.change(() ->
                        catalog.createKey(input.name(), input.value(), input.enabled() == null || input.enabled())))
                .flatMap(responses::created);
    }

    Mono<ServerResponse> updateKey(ServerRequest request) {
        String id = request.pathVariable("keyId");
        return calls.body(request, AdminInputs.ApiKey.class)
                .flatMap(input -> calls.change(() -> catalog.updateKey(id, input.name(), input.enabled())))
                .flatMap(responses::ok);
    }

    Mono<ServerResponse> keys(ServerRequest request) {
        return calls.read(catalog::keys).flatMap(items -> responses.ok(Map.of("items", items)));
    }

    Mono<ServerResponse> key(ServerRequest request) {
        return calls.read(() -> catalog.describeKey(request.pathVariable("keyId")))
                .flatMap(responses::ok);
    }

    Mono<ServerResponse> deleteKey(ServerRequest request) {
        return calls.change(() -> {
                    catalog.deleteKey(request.pathVariable("keyId"));
                    return true;
                })
                .then(ServerResponse.accepted().build());
    }

    Mono<ServerResponse> createPlan(ServerRequest request) {
        return calls.body(request, AdminInputs.Plan.class)
                .flatMap(input -> calls.change(() -> catalog.createPlan(AdminCalls.valid(input::plan))))
                .flatMap(responses::created);
    }

    Mono<ServerResponse> updatePlan(ServerRequest request) {
        String id = request.pathVariable("planId");
        return calls.body(request, AdminInputs.Plan.class)
                .flatMap(input -> calls.change(() -> catalog.updatePlan(id, AdminCalls.valid(input::plan))))
                .flatMap(responses::ok);
    }

    Mono<ServerResponse> plans(ServerRequest request) {
        return calls.read(catalog::plans).flatMap(items -> responses.ok(Map.of("items", items)));
    }

    Mono<ServerResponse> plan(ServerRequest request) {
        return calls.read(() -> catalog.describePlan(request.pathVariable("planId")))
                .flatMap(responses::ok);
    }

    Mono<ServerResponse> deletePlan(ServerRequest request) {
        return calls.change(() -> {
                    catalog.deletePlan(request.pathVariable("planId"));
                    return true;
                })
                .then(ServerResponse.accepted().build());
    }

    Mono<ServerResponse> addPlanKey(ServerRequest request) {
        String id = request.pathVariable("planId");
        return calls.body(request, AdminInputs.PlanKey.class)
                .flatMap(input -> calls.change(() -> catalog.addKey(id, input.keyId())))
                .flatMap(responses::created);
    }

    Mono<ServerResponse> removePlanKey(ServerRequest request) {
        return calls.change(() -> catalog.removeKey(request.pathVariable("planId"), request.pathVariable("keyId")))
                .flatMap(responses::ok);
    }
}
