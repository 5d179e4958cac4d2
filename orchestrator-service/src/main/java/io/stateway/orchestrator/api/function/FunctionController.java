package io.stateway.orchestrator.api.function;

import io.stateway.orchestrator.StepFunctionsException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The function registry's REST API: which HTTP endpoint runs each Lambda-compatible function. */
@RestController
@RequestMapping("/v1/functions")
@Tag(name = "Functions", description = "Lambda-compatible functions and the HTTP endpoints that run them")
class FunctionController {

    private static final String FUNCTION = "A function name (orders) or unqualified function ARN";

    private final FunctionCatalog catalog;

    FunctionController(FunctionCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * A registry entry.
     *
     * @param timeoutSeconds how long one call may take; absent: the task's own timeout
     * @param source CONFIGURATION (read-only) or API
     */
    record FunctionView(
            String function,
            String url,
            Double timeoutSeconds,
            FunctionCatalog.Source source,
            Instant createdAt,
            Instant updatedAt) {

        static FunctionView of(FunctionCatalog.Entry entry) {
            FunctionCatalog.Registered function = entry.function();
            return new FunctionView(
                    function.function(),
                    function.url().toString(),
                    function.timeout() == null ? null : function.timeout().toMillis() / 1000.0,
                    entry.source(),
                    entry.createdAt(),
                    entry.updatedAt());
        }
    }

    record FunctionList(List<FunctionView> functions) {}

    /**
     * @param url the endpoint the event is POSTed to (http or https)
     * @param timeoutSeconds how long one call may take (up to 900); absent: the task's own timeout
     */
    record RegisterBody(String url, Double timeoutSeconds) {}

    @GetMapping
    @Operation(summary = "List the registered functions")
    FunctionList list() {
        return new FunctionList(catalog.list().stream().map(FunctionView::of).toList());
    }

    @GetMapping("/{function}")
    @Operation(summary = "Show one function's endpoint")
    FunctionView get(@Parameter(description = FUNCTION) @PathVariable String function) {
        return FunctionView.of(catalog.get(function));
    }

    @PutMapping("/{function}")
    @Operation(summary = "Register a function's endpoint (or change it)")
    ResponseEntity<FunctionView> put(
            @Parameter(description = FUNCTION) @PathVariable String function, @RequestBody RegisterBody body) {
        if (body.url() == null) {
            throw StepFunctionsException.validation(
                    "1 validation error detected: Value null at 'url' failed to satisfy constraint: Member must not be null");
        }
        boolean created = catalog.put(function, url(body.url()), timeout(body.timeoutSeconds()));
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(FunctionView.of(catalog.get(function)));
    }

    @DeleteMapping("/{function}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a function registered through the API")
    void delete(@Parameter(description = FUNCTION) @PathVariable String function) {
        catalog.delete(function);
    }

    private static URI url(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException invalid) {
            throw StepFunctionsException.validation("The function URL is not a valid URL: " + text);
        }
    }

    private static Duration timeout(Double seconds) {
        if (seconds == null) {
            return null;
        }
        if (seconds.isNaN() || seconds <= 0 || seconds > FunctionKeys.MAX_TIMEOUT.toSeconds()) {
            throw StepFunctionsException.validation(
                    "timeoutSeconds must be greater than 0 and at most " + FunctionKeys.MAX_TIMEOUT.toSeconds());
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
