package io.stateway.authorizer.apikey;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /admin/v1/apikeys}: API Gateway's API key operations. */
@RestController
@RequestMapping("/admin/v1/apikeys")
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    /**
     * @param name its name
     * @param description free text
     * @param value a key to import (20 to 128 characters); absent: one is generated
     * @param enabled default true
     */
    record CreateKey(String name, String description, String value, Boolean enabled) {}

    /** Absent fields stay as they are. */
    record UpdateKey(String name, String description, Boolean enabled) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiKey create(@RequestBody CreateKey input) {
        return keys.create(
                input.name(), input.description(), input.value(), input.enabled() == null || input.enabled());
    }

    @GetMapping
    Map<String, List<ApiKey>> list() {
        return Map.of("items", keys.list());
    }

    @GetMapping("/{keyId}")
    ApiKey get(@PathVariable String keyId) {
        return keys.get(keyId);
    }

    @PatchMapping("/{keyId}")
    ApiKey update(@PathVariable String keyId, @RequestBody UpdateKey input) {
        return keys.update(keyId, input.name(), input.description(), input.enabled());
    }

    /** A new value for the key (shown this once); the old one stops working. */
    @PostMapping("/{keyId}/rotate")
    ApiKey rotate(@PathVariable String keyId) {
        return keys.rotate(keyId);
    }

    @DeleteMapping("/{keyId}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void delete(@PathVariable String keyId) {
        keys.delete(keyId);
    }
}
