package io.stateway.authorizer.snapshot;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/v1/key-revision}: the revision of keys and plans now, so that an operator (or a
 * test) can wait until gateways serve a change ({@code keyRevision} of the gateway's {@code GET
 * /admin/v1/catalog}).
 */
@RestController
class KeyRevisionController {

    private final KeyRevision revision;

    KeyRevisionController(KeyRevision revision) {
        this.revision = revision;
    }

    @GetMapping("/admin/v1/key-revision")
    Map<String, Long> revision() {
        return Map.of("revision", revision.current());
    }
}
