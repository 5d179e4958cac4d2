package io.stateway.gateway.apikey;

import io.stateway.gateway.auth.AuthorizerServiceProperties;
import io.stateway.model.apikey.KeySnapshot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the {@link ApiKeyTable} current from the authorizer-service: one fetch at start-up, then a
 * long poll ({@code ?after=<revision>}) that the authorizer answers as soon as a key or plan changes.
 * The request path only reads the reference. When the authorizer is unreachable the last table stays
 * in service (keys keep working) and the fetch is retried.
 */
@Component
public class KeySnapshotFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KeySnapshotFeed.class);
    /** Longer than the authorizer holds a long poll (20 s by default). */
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(60);

    private final URI snapshotUri;
    private final String authorization;
    private final Duration retryInterval;
    private final boolean configured;
    private final JsonMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile ApiKeyTable current = ApiKeyTable.empty();
    private volatile Thread poller;
    private boolean failing;

    KeySnapshotFeed(AuthorizerServiceProperties authorizer, JsonMapper json) {
        String base = authorizer.url().toString().replaceAll("/+$", "");
        this.snapshotUri = URI.create(base + "/internal/v1/key-snapshot");
        this.authorization = "Bearer " + authorizer.internalToken();
        this.retryInterval = authorizer.retryInterval();
        this.configured = authorizer.apiKeysConfigured();
        this.json = json;
    }

    public ApiKeyTable current() {
        return current;
    }

    /** Fetches the snapshot if it moved past the current one; with {@code wait}, holds until it does. */
    void fetch(boolean wait) throws IOException, InterruptedException {
        long seen = current.revision();
        URI uri = wait && seen >= 0 ? URI.create(snapshotUri + "?after=" + seen) : snapshotUri;
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(wait ? POLL_TIMEOUT : Duration.ofSeconds(5))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 304) {
            return;
        }
        if (response.statusCode() != 200) {
            throw new IOException("the authorizer answered " + response.statusCode() + " to " + snapshotUri);
        }
        KeySnapshot snapshot = json.readValue(response.body(), KeySnapshot.class);
        if (snapshot.revision() != current.revision()) {
            current = new ApiKeyTable(snapshot);
            log.info(
                    "API keys at authorizer revision {}: {} key(s), {} plan(s)",
                    snapshot.revision(),
                    snapshot.keys().size(),
                    snapshot.plans().size());
        }
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                fetch(true);
                if (failing) {
                    log.info("Key snapshots from {} flow again", snapshotUri);
                    failing = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                if (!failing) {
                    log.warn(
                            "Cannot fetch API keys from {} (serving revision {}; retrying every {}): {}",
                            snapshotUri,
                            current.revision(),
                            retryInterval,
                            e.toString());
                    failing = true;
                }
                try {
                    Thread.sleep(retryInterval);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public void start() {
        if (!configured) {
            log.warn("API keys are off: set stateway.gateway.authorizer.internal-token and .api-key-pepper (the"
                    + " authorizer-service's); until then methods that require an API key answer 403");
            return;
        }
        try {
            fetch(false);
        } catch (IOException | RuntimeException e) {
            log.warn("API keys are not loaded yet: {} is unreachable ({}); retrying", snapshotUri, e.toString());
            failing = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        poller = Thread.ofPlatform().daemon().name("key-snapshot-feed").start(this::run);
    }

    @Override
    public void stop() {
        Thread running = poller;
        if (running != null) {
            running.interrupt();
            poller = null;
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    /** After the routing table, before the web server accepts requests. */
    @Override
    public int getPhase() {
        return 1;
    }
}
