package io.stateway.gateway.gitops;

import io.stateway.gateway.GatewayProperties;
import io.stateway.gateway.catalog.ApiCatalog;
import io.stateway.gateway.catalog.ApiDescription;
import io.stateway.gateway.catalog.CatalogException;
import io.stateway.gateway.catalog.StageSettings;
import io.stateway.gateway.routing.RoutingTableHolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * APIs kept as files (GitOps): every {@code *.json}, {@code *.yaml} and {@code *.yml} of
 * {@code stateway.gateway.gitops.directory} is imported and deployed before the data plane opens, and again
 * whenever this replica sees the file change (polled at the catalog's refresh interval); a file that goes
 * away takes its API with it. The catalog change then reaches every replica through the routing table's
 * refresh. Replicas write under a PostgreSQL advisory lock and skip documents the catalog already holds, so
 * that replicas starting together import a file once; a replica acts on a file only when its own copy
 * changes, so one with a stale copy (a config map not yet propagated) does not undo a newer one's change.
 * A document the catalog refuses is logged with every problem and its location; the previous version
 * keeps serving.
 */
@Component
class GitOpsLoader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GitOpsLoader.class);

    /** The advisory lock key of file loading (any constant the other users of the database do not take). */
    private static final long LOCK = 0x5374617465_4701L;

    private final ApiCatalog catalog;
    private final DataSource dataSource;
    private final RoutingTableHolder routes;
    private final String directory;
    private final String defaultStage;
    private final long pollMillis;
    private final Map<String, String> seen = new HashMap<>();
    // The last failure logged: a directory that stays unreadable is reported once, not every poll.
    private String lastFailure;
    private ScheduledExecutorService poller;

    GitOpsLoader(ApiCatalog catalog, DataSource dataSource, RoutingTableHolder routes, GatewayProperties properties) {
        this.catalog = catalog;
        this.dataSource = dataSource;
        this.routes = routes;
        this.directory = properties.gitops().directory();
        this.defaultStage = properties.gitops().defaultStage();
        this.pollMillis = properties.catalog().refreshInterval().toMillis();
    }

    @Override
    public void start() {
        if (directory.isBlank()) {
            return;
        }
        Map<String, String> files = read();
        locked(() -> {
            files.forEach(this::apply);
            for (ApiDescription api : catalog.list()) {
                if (api.sourceFile() != null && !files.containsKey(api.sourceFile())) {
                    remove(api.sourceFile());
                }
            }
        });
        seen.putAll(files);
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gitops-files");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            Map<String, String> files = read();
            Map<String, String> changed = new TreeMap<>();
            files.forEach((name, text) -> {
                if (!text.equals(seen.get(name))) {
                    changed.put(name, text);
                }
            });
            Set<String> removed = new HashSet<>(seen.keySet());
            removed.removeAll(files.keySet());
            if (changed.isEmpty() && removed.isEmpty()) {
                recovered();
                return;
            }
            locked(() -> {
                changed.forEach(this::apply);
                removed.forEach(this::remove);
            });
            seen.clear();
            seen.putAll(files);
            routes.refresh();
            recovered();
        } catch (RuntimeException e) {
            String failure = e.toString();
            if (!failure.equals(lastFailure)) {
                log.warn("Could not load API files from {}: {}", directory, failure);
                lastFailure = failure;
            }
        }
    }

    private void recovered() {
        if (lastFailure != null) {
            log.info("API files of {} load again", directory);
            lastFailure = null;
        }
    }

    /** The API files of the directory by file name, sorted. */
    private Map<String, String> read() {
        Map<String, String> files = new TreeMap<>();
        Path root = Path.of(directory);
        try (Stream<Path> entries = Files.list(root)) {
            for (Path file : entries.toList()) {
                String name = file.getFileName().toString();
                boolean document = name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
                if (document && !name.startsWith(".") && Files.isRegularFile(file)) {
                    files.put(name, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the API files of " + root, e);
        }
        return files;
    }

    /** Imports or updates a file's API and deploys it to its stages, unless the catalog already holds this text. */
    private void apply(String file, String document) {
        try {
            Map<String, StageSettings> stages = FileStages.of(document, defaultStage);
            Optional<ApiDescription> existing = catalog.findBySourceFile(file);
            String apiId;
            if (existing.isEmpty()) {
                apiId = catalog.create(document, false, "REGIONAL", file).id();
            } else {
                apiId = existing.get().id();
                Map<String, StageSettings> deployed = new HashMap<>();
                catalog.stages(apiId).forEach(stage -> deployed.put(stage.stageName(), stage.settings()));
                if (document.equals(catalog.document(apiId, Optional.empty())) && deployed.equals(stages)) {
                    return;
                }
                catalog.update(apiId, document, false);
            }
            for (Map.Entry<String, StageSettings> stage : stages.entrySet()) {
                catalog.deploy(apiId, stage.getKey(), "from " + file, stage.getValue());
                catalog.putStage(apiId, stage.getKey(), Optional.empty(), stage.getValue());
            }
            log.info("API {} from {} deployed to {}", apiId, file, stages.keySet());
        } catch (CatalogException e) {
            log.error("API file {} refused: {}{}", file, e.getMessage(), findings(e));
        } catch (RuntimeException e) {
            log.error("API file {} refused: {}", file, e.getMessage());
        }
    }

    private void remove(String file) {
        catalog.findBySourceFile(file).ifPresent(api -> {
            catalog.delete(api.id());
            log.info("API {} deleted: its file {} is gone", api.id(), file);
        });
    }

    private static String findings(CatalogException e) {
        StringBuilder text = new StringBuilder();
        e.findings()
                .forEach(finding -> text.append(System.lineSeparator())
                        .append("  ")
                        .append(finding.severity())
                        .append(' ')
                        .append(finding.location().isEmpty() ? "/" : finding.location())
                        .append(": ")
                        .append(finding.message()));
        return text.toString();
    }

    /** Runs the work holding the file-loading advisory lock (session-level, on a connection of its own). */
    private void locked(Runnable work) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + LOCK + ")");
            try {
                work.run();
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the API file loading lock: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    /** Before the routing table loads (and so before the web server takes requests). */
    @Override
    public int getPhase() {
        return RoutingTableHolder.PHASE - 1;
    }
}
