package io.stateway.orchestrator.api.function;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.ApiClock;
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
 * REST API (stored in PostgreSQL), answering the runtime's lookups.
 */
@Service
class FunctionCatalog implements FunctionRegistry {

    private final FunctionRepository functions;
    private final ApiClock clock;
    private final Duration defaultTimeout;
    private final Map<String, FunctionEndpoint> configured;

    FunctionCatalog(FunctionRepository functions, FunctionProperties properties, ApiClock clock) {
        this.functions = functions;
        this.clock = clock;
        this.defaultTimeout = properties.defaultTimeout();
        this.configured = properties.endpoints().stream()
                .map(e -> new FunctionEndpoint(
                        FunctionKeys.parse(e.function()).text(),
                        e.url(),
                        e.timeout() == null ? properties.defaultTimeout() : e.timeout()))
                .collect(Collectors.toMap(
                        FunctionEndpoint::function,
                        Function.identity(),
                        (first, second) -> {
                            throw new IllegalArgumentException(
                                    "stateway.orchestrator.functions lists " + first.function() + " twice");
                        },
                        LinkedHashMap::new));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<FunctionEndpoint> lookup(String function) {
        FunctionKeys.Key key;
        try {
            key = FunctionKeys.parse(function);
        } catch (StepFunctionsException notAFunction) {
            return Optional.empty();
        }
        List<String> candidates = key.arn() == null ? List.of(key.name()) : List.of(key.arn(), key.name());
        for (String candidate : candidates) {
            Optional<FunctionEndpoint> found = Optional.ofNullable(configured.get(candidate))
                    .or(() -> functions.findByFunctionKey(candidate).map(FunctionCatalog::endpoint));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A registry entry as the REST API shows it. */
    record Entry(FunctionEndpoint endpoint, Source source, Instant createdAt, Instant updatedAt) {}

    enum Source {
        CONFIGURATION,
        API
    }

    @Transactional(readOnly = true)
    List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        configured.values().forEach(e -> entries.add(new Entry(e, Source.CONFIGURATION, null, null)));
        functions.findAllByOrderByFunctionKeyAsc().forEach(f -> entries.add(entry(f)));
        entries.sort(Comparator.comparing(e -> e.endpoint().function()));
        return entries;
    }

    @Transactional(readOnly = true)
    Entry get(String function) {
        String key = FunctionKeys.parse(function).text();
        return Optional.ofNullable(configured.get(key))
                .map(e -> new Entry(e, Source.CONFIGURATION, null, null))
                .or(() -> functions.findByFunctionKey(key).map(FunctionCatalog::entry))
                .orElseThrow(() -> notFound(key));
    }

    /** Registers or re-registers a function; returns whether it was new. */
    @Transactional
    boolean put(String function, URI url, Duration timeout) {
        String key = FunctionKeys.parse(function).text();
        FunctionKeys.checkUrl(url);
        Duration effective = timeout == null ? defaultTimeout : timeout;
        FunctionKeys.checkTimeout(effective, "timeout");
        refuseConfigured(key);
        Optional<FunctionEntity> existing = functions.findByFunctionKey(key);
        existing.ifPresent(f -> f.change(url.toString(), effective.toMillis(), clock.now()));
        if (existing.isEmpty()) {
            functions.save(new FunctionEntity(key, url.toString(), effective.toMillis(), clock.now()));
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

    private static FunctionEndpoint endpoint(FunctionEntity f) {
        return new FunctionEndpoint(f.functionKey(), URI.create(f.url()), Duration.ofMillis(f.timeoutMillis()));
    }

    private static Entry entry(FunctionEntity f) {
        return new Entry(endpoint(f), Source.API, f.createdAt(), f.updatedAt());
    }

    private static StepFunctionsException notFound(String key) {
        return new StepFunctionsException("ResourceNotFound", "Function not found: '" + key + "'");
    }
}
