package io.stateway.gateway.admin;

import io.stateway.gateway.catalog.CatalogException;
import io.stateway.gateway.routing.RoutingTableHolder;
import java.util.concurrent.Callable;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs admin calls off the event loop (the catalog is JPA, which blocks) and, after a change, rebuilds
 * this replica's routing table before answering, so that what the call returned is served at once here
 * (other replicas follow within their refresh interval).
 */
final class AdminCalls {

    private final JsonMapper json;
    private final RoutingTableHolder routes;

    AdminCalls(JsonMapper json, RoutingTableHolder routes) {
        this.json = json;
        this.routes = routes;
    }

    <T> Mono<T> read(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }

    <T> Mono<T> change(Callable<T> call) {
        return Mono.fromCallable(() -> {
                    T result = call.call();
                    routes.refresh();
                    return result;
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The request's JSON body as the given type ({@code {}} when empty). */
    <T> Mono<T> body(ServerRequest request, Class<T> type) {
        return request.bodyToMono(String.class).defaultIfEmpty("{}").map(text -> {
            try {
                return json.readValue(text.isBlank() ? "{}" : text, type);
            } catch (JacksonException e) {
                throw new CatalogException(
                        CatalogException.Code.BadRequestException, "Invalid request body: " + e.getOriginalMessage());
            } catch (IllegalArgumentException e) {
                throw new CatalogException(
                        CatalogException.Code.BadRequestException, "Invalid request body: " + e.getMessage());
            }
        });
    }

    /** Builds a value from an input, an invalid input being a 400 (the records check their ranges). */
    static <T> T valid(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new CatalogException(CatalogException.Code.BadRequestException, e.getMessage());
        }
    }

    /** The request's body as text: an API document. */
    Mono<String> text(ServerRequest request) {
        return request.bodyToMono(String.class).defaultIfEmpty("");
    }
}
