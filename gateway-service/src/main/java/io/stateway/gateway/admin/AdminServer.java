package io.stateway.gateway.admin;

import static org.springframework.web.reactive.function.server.RequestPredicates.DELETE;
import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.PATCH;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RequestPredicates.PUT;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import io.stateway.gateway.GatewayProperties;
import io.stateway.gateway.apikey.KeySnapshotFeed;
import io.stateway.gateway.cache.ResponseCache;
import io.stateway.gateway.catalog.ApiCatalog;
import io.stateway.gateway.catalog.ApiDocuments;
import io.stateway.gateway.catalog.CatalogException;
import io.stateway.gateway.catalog.CatalogReader;
import io.stateway.gateway.routing.RoutingTableHolder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API, on its own port (never the data plane's), every call authenticated with the admin token:
 * APIs (import, update, export, delete), deployments and stages, under {@code /admin/v1} (API keys and usage
 * plans are authorizer-service's). Errors are {@code {"message": ..., "errors": [{severity, location, message}]}} with
 * {@code x-amzn-ErrorType}, as API Gateway's control plane answers.
 */
@Component
public class AdminServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

    private final GatewayProperties.Admin settings;
    private final HttpHandler handler;
    private volatile DisposableServer server;

    AdminServer(
            GatewayProperties properties,
            AdminToken token,
            ApiCatalog apis,
            KeySnapshotFeed keys,
            ApiDocuments documents,
            CatalogReader catalog,
            RoutingTableHolder routes,
            ResponseCache cache,
            JsonMapper json) {
        this.settings = properties.admin();
        AdminCalls calls = new AdminCalls(json, routes);
        AdminResponses responses = new AdminResponses(json);
        ApiHandlers api = new ApiHandlers(apis, documents, calls, responses);
        StageHandlers stages = new StageHandlers(apis, cache, calls, responses);
        RouterFunction<ServerResponse> routesOf = route().path(
                        "/admin/v1",
                        builder -> builder.GET("/apis", api::list)
                                .POST("/apis", api::create)
                                .GET("/apis/{apiId}", api::describe)
                                .PUT("/apis/{apiId}", api::update)
                                .DELETE("/apis/{apiId}", api::delete)
                                .GET("/apis/{apiId}/export", api::export)
                                .GET("/apis/{apiId}/deployments", api::deployments)
                                .POST("/apis/{apiId}/deployments", api::deploy)
                                .GET("/apis/{apiId}/stages", stages::list)
                                .GET("/apis/{apiId}/stages/{stage}", stages::describe)
                                .PUT("/apis/{apiId}/stages/{stage}", stages::put)
                                .DELETE("/apis/{apiId}/stages/{stage}", stages::delete)
                                .DELETE("/apis/{apiId}/stages/{stage}/cache", stages::flushCache)
                                .GET(
                                        "/catalog",
                                        request -> calls.read(() -> {
                                                    Map<String, Object> state = new LinkedHashMap<>();
                                                    state.put("revision", catalog.revision());
                                                    state.put(
                                                            "servedRevision",
                                                            routes.current().revision());
                                                    // API keys and plans: the authorizer-service's revision served.
                                                    state.put(
                                                            "keyRevision",
                                                            keys.current().revision());
                                                    return state;
                                                })
                                                .flatMap(responses::ok)))
                .build()
                .filter((request, next) -> {
                    if (!token.accepts(request.headers().firstHeader(HttpHeaders.AUTHORIZATION))) {
                        return responses.error(401, "UnauthorizedException", "Unauthorized", null);
                    }
                    return next.handle(request).onErrorResume(failure -> failed(responses, failure));
                });
        this.handler = RouterFunctions.toHttpHandler(
                routesOf.andRoute(
                        GET("/**")
                                .or(POST("/**"))
                                .or(PUT("/**"))
                                .or(DELETE("/**"))
                                .or(PATCH("/**")),
                        request -> responses.error(
                                404, "NotFoundException", "No admin resource at " + request.path(), null)),
                HandlerStrategies.withDefaults());
    }

    private static Mono<ServerResponse> failed(AdminResponses responses, Throwable failure) {
        if (failure instanceof CatalogException catalogError) {
            return responses.error(catalogError);
        }
        if (failure instanceof org.springframework.dao.OptimisticLockingFailureException) {
            return responses.error(
                    409, "ConflictException", "Another change to this resource happened first; retry", null);
        }
        log.error("Admin call failed", failure);
        return responses.error(500, "InternalServerErrorException", "Internal server error", null);
    }

    /** The port the admin API listens on (useful when configured as 0). */
    public int port() {
        DisposableServer current = server;
        if (current == null) {
            throw new IllegalStateException("The admin API is not running");
        }
        return current.port();
    }

    @Override
    public void start() {
        server = HttpServer.create()
                .host(settings.address())
                .port(settings.port())
                .handle(new ReactorHttpHandlerAdapter(handler))
                .bindNow();
        log.info("Admin API listening on {}:{}", settings.address(), server.port());
    }

    @Override
    public void stop() {
        DisposableServer current = server;
        if (current != null) {
            current.disposeNow();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
