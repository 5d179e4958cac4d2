package io.stateway.gateway.routing;

import io.stateway.gateway.GatewayProperties;
import io.stateway.gateway.catalog.CatalogReader;
import io.stateway.gateway.catalog.CatalogSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Holds the current {@link RoutingTable} and keeps it up to date: loaded at start-up, then rebuilt on a
 * background thread whenever the catalog's revision moves. The request path only reads the reference.
 * Deployments already compiled are reused; a stage whose deployment fails to compile is left out (and
 * logged) rather than taking the others down.
 */
@Component
public class RoutingTableHolder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RoutingTableHolder.class);

    private final CatalogReader catalog;
    private final ApiCompiler compiler;
    private final long refreshMillis;
    private volatile RoutingTable current = RoutingTable.empty();
    private Map<String, CompiledApi> compiled = new HashMap<>();
    private ScheduledExecutorService poller;

    RoutingTableHolder(CatalogReader catalog, ApiCompiler compiler, GatewayProperties properties) {
        this.catalog = catalog;
        this.compiler = compiler;
        this.refreshMillis = properties.catalog().refreshInterval().toMillis();
    }

    public RoutingTable current() {
        return current;
    }

    /** Rebuilds the table now if the catalog changed since it was built (the admin API calls this after a change). */
    public synchronized void refresh() {
        long revision = catalog.revision();
        if (revision != current.revision()) {
            rebuild(catalog.read());
        }
    }

    private void rebuild(CatalogSnapshot snapshot) {
        Map<String, CompiledApi> next = new HashMap<>();
        List<DeployedStage> stages = new ArrayList<>();
        for (CatalogSnapshot.StageSnapshot stage : snapshot.stages()) {
            try {
                CompiledApi api = next.computeIfAbsent(
                        stage.deploymentId(),
                        id -> compiled.containsKey(id)
                                ? compiled.get(id)
                                : compiler.compile(stage.apiId(), id, stage.endpointType(), stage.document()));
                stages.add(new DeployedStage(api, stage.stageName(), stage.settings()));
            } catch (RuntimeException e) {
                log.error(
                        "Stage {} of API {} is not served: its deployment {} does not compile: {}",
                        stage.stageName(),
                        stage.apiId(),
                        stage.deploymentId(),
                        e.getMessage());
            }
        }
        compiled = next;
        current = new RoutingTable(snapshot.revision(), stages);
        log.info("Routing table at catalog revision {}: {} stage(s)", snapshot.revision(), stages.size());
    }

    private void poll() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn(
                    "Could not refresh the routing table (serving revision {}): {}",
                    current.revision(),
                    e.getMessage());
        }
    }

    @Override
    public void start() {
        refresh();
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "routing-table-refresh");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::poll, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
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

    /** Before the web server starts accepting requests, after APIs are loaded from files. */
    @Override
    public int getPhase() {
        return PHASE;
    }

    public static final int PHASE = 0;
}
