package io.stateway.authorizer.credentials;

import io.stateway.model.authorizer.PolicyDocument;
import io.stateway.model.sigv4.SigV4Check;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /admin/v1/access-keys} (IAM-style access keys and their policies) and {@code POST
 * /internal/v1/sigv4/verify} (the gateway's check of a signed request).
 */
@RestController
class AccessKeyController {

    private final AccessKeys keys;
    private final SigV4Verification verification;

    AccessKeyController(AccessKeys keys, SigV4Verification verification) {
        this.keys = keys;
        this.verification = verification;
    }

    /**
     * @param name who the key belongs to (its principal id)
     * @param policies IAM policy documents on {@code execute-api:Invoke}
     */
    record CreateAccessKey(String name, List<PolicyDocument> policies) {}

    /** Absent fields stay as they are. */
    record UpdateAccessKey(String name, Boolean enabled, List<PolicyDocument> policies) {}

    @PostMapping("/admin/v1/access-keys")
    @ResponseStatus(HttpStatus.CREATED)
    AccessKey create(@RequestBody CreateAccessKey input) {
        return keys.create(input.name(), input.policies());
    }

    @GetMapping("/admin/v1/access-keys")
    Map<String, List<AccessKey>> list() {
        return Map.of("items", keys.list());
    }

    @GetMapping("/admin/v1/access-keys/{id}")
    AccessKey get(@PathVariable String id) {
        return keys.get(id);
    }

    @PatchMapping("/admin/v1/access-keys/{id}")
    AccessKey update(@PathVariable String id, @RequestBody UpdateAccessKey input) {
        return keys.update(id, input.name(), input.enabled(), input.policies());
    }

    @DeleteMapping("/admin/v1/access-keys/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void delete(@PathVariable String id) {
        keys.delete(id);
    }

    @PostMapping("/internal/v1/sigv4/verify")
    SigV4Check.Result verify(@RequestBody SigV4Check check) {
        return verification.check(check);
    }
}
