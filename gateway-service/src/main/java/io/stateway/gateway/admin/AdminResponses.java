package io.stateway.gateway.admin;

import io.stateway.gateway.catalog.CatalogException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** JSON answers of the admin API, errors in API Gateway's control-plane shape. */
final class AdminResponses {

    private final JsonMapper json;

    AdminResponses(JsonMapper json) {
        this.json = json;
    }

    Mono<ServerResponse> ok(Object body) {
        return status(200, body);
    }

    Mono<ServerResponse> created(Object body) {
        return status(201, body);
    }

    Mono<ServerResponse> status(int status, Object body) {
        return ServerResponse.status(HttpStatusCode.valueOf(status))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.writeValueAsString(body));
    }

    Mono<ServerResponse> error(int status, String type, String message, Object details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (details != null) {
            body.put("errors", details);
        }
        return ServerResponse.status(HttpStatusCode.valueOf(status))
                .contentType(MediaType.APPLICATION_JSON)
                .header("x-amzn-ErrorType", type)
                .bodyValue(json.writeValueAsString(body));
    }

    Mono<ServerResponse> error(CatalogException e) {
        return error(
                e.code().status(), e.code().name(), e.getMessage(), e.findings().isEmpty() ? null : e.findings());
    }
}
