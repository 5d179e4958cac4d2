package io.stateway.orchestrator.api.function;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.ApiClock;
import io.stateway.orchestrator.integration.lambda.FunctionEndpoints;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The function registry: the configured functions (read-only) and those registered through the
 * REST API (stored in PostgreSQL). The runtime's HTTP function invoker asks it, as {@link
 * FunctionEndpoints}, on every call, so registrations take effect at once: a function is found
 * under its exact unqualified ARN first, else under its name; configured entries before registered
 * ones.
 */
@Service
class FunctionCatalog implements FunctionEndpoints {

    private final FunctionRepository functions;
    private final ApiClock clock;
    private final Map<String, Registered> configured;

    FunctionCatalog(FunctionRepository functions, FunctionProperties properties, ApiClock clock) {
        this.functions = functions;
        this.clock = clock;
        this.configured = properties.endpoints().stream()
                .map(e -> new Registered(FunctionKeys.parse(e.function()).text(), e.url(), e.timeout()))
                .collect(Collectors.toMap(
                        Registered::function,
                        Function.identity(),
                        (first, second) -> {
                            throw new IllegalArgumentException(
                                    "stateway.orchestrator.functions lists " + first.function() + " twice");
                        },
                        LinkedHashMap::new));
    }

    /** A function's endpoint; {@code timeout} {@code null} means the task's own timeout. */
    record Registered(String function, URI url, Duration timeout) {}

    @Override
    @Transactional(readOnly = true)
    public Optional<Endpoint> find(String functionArn) {
        FunctionKeys.Key key;
        try {
            key = FunctionKeys.parse(functionArn);
        } catch (StepFunctionsException notAFunction) {
            return Optional.empty();
        }
        List<String> candidates = key.arn() == null ? List.of(key.name()) : List.of(key.arn(), key.name());
        for (String candidate : candidates) {
            Optional<Registered> found = Optional.ofNullable(configured.get(candidate))
                    .or(() -> functions.findByFunctionKey(candidate).map(FunctionCatalog::registered));
            if (found.isPresent()) {
                return found.map(r -> new Endpoint(r.url(), r.timeout()));
            }
        }
        return Optional.empty();
    }

    /** A registry entry as the REST API shows it. */
    record Entry(Registered function, Source source, Instant createdAt, Instant updatedAt) {}

    enum Source {
        CONFIGURATION,
        API
    }

    @Transactional(readOnly = true)
    List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        configured.values().forEach(r -> entries.add(new Entry(r, Source.CONFIGURATION, null, null)));
        functions.findAllByOrderByFunctionKeyAsc().forEach(f -> entries.add(entry(f)));
        entries.sort(Comparator.comparing(e -> e.function().function()));
        return entries;
    }

    @Transactional(readOnly = true)
    Entry get(String function) {
        String key = FunctionKeys.parse(function).text();
        return Optional.ofNullable(configured.get(key))
                .map(r -> new Entry(r, Source.CONFIGURATION, null, null))
                .or(() -> functions.findByFunctionKey(key).map(FunctionCatalog::entry))
                .orElseThrow(() -> notFound(key));
    }

    /** Registers or re-registers a function; returns whether it was new. */
    @Transactional
    boolean put(String function, URI url, Duration timeout) {
        String key = FunctionKeys.parse(function).text();
        FunctionKeys.checkUrl(url);
        FunctionKeys.checkTimeout(timeout);
        refuseConfigured(key);
        Long millis = timeout == null ? null : timeout.toMillis();
        Optional<FunctionEntity> existing = functions.findByFunctionKey(key);
        existing.ifPresent(f -> f.change(url.toString(), millis, clock.now()));
        if (existing.isEmpty()) {
            functions.save(new FunctionEntity(key, url.toString(), millis, clock.now()));
        }
        return existing.isEmpty();
    }

    @Transactional
    void delete(String function) {
        String key = FunctionKeys.parse(function).text();
        refuseConfigured(key);
        if (functions.deleteByFunctionKey(key) == 0) {
            throw notFound(key);
        }
    }

    private void refuseConfigured(String key) {
        if (configured.containsKey(key)) {
            throw new StepFunctionsException(
                    "ConflictException",
                    "Function '" + key + "' is configured in stateway.orchestrator.functions; change it there");
        }
    }

    private static Registered registered(FunctionEntity f) {
        return new Registered(
                f.functionKey(),
                URI.create(f.url()),
                f.timeoutMillis() == null ? null : Duration.ofMillis(f.timeoutMillis()));
    }

    private static Entry entry(FunctionEntity f) {
        return new Entry(registered(f), Source.API, f.createdAt(), f.updatedAt());
    }

    private static StepFunctionsException notFound(String key) {
        return new StepFunctionsException("ResourceNotFound", "Function not found: '" + key + "'");
    }
}
