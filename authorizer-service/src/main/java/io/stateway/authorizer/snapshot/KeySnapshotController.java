package io.stateway.authorizer.snapshot;

import io.stateway.authorizer.AuthorizerProperties;
import io.stateway.model.apikey.KeySnapshot;
import java.time.Duration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/v1/key-snapshot[?after=REVISION]}: every key (HMAC only) and plan for the
 * gateway. With {@code after}, the request is held until the revision moves past it (a long poll, so
 * gateways see changes within moments without polling hard), or answers 304 after {@code
 * stateway.authorizer.internal.snapshot-wait}.
 */
@RestController
class KeySnapshotController {

    private final KeySnapshotReader reader;
    private final KeyRevision revision;
    private final Duration maxWait;

    KeySnapshotController(KeySnapshotReader reader, KeyRevision revision, AuthorizerProperties properties) {
        this.reader = reader;
        this.revision = revision;
        this.maxWait = properties.internal().snapshotWait();
    }

    @GetMapping("/internal/v1/key-snapshot")
    ResponseEntity<KeySnapshot> snapshot(@RequestParam(required = false) Long after) throws InterruptedException {
        if (after != null && revision.awaitChange(after, maxWait) == after) {
            return ResponseEntity.status(304).build();
        }
        return ResponseEntity.ok(reader.read());
    }
}
