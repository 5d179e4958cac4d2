package io.stateway.authorizer.usageplan;

import io.stateway.authorizer.web.AuthorizerException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /admin/v1/usageplans}: API Gateway's usage plan, usage plan key and usage operations. */
@RestController
@RequestMapping("/admin/v1/usageplans")
class UsagePlanController {

    private final UsagePlans plans;
    private final UsageReport usage;

    UsagePlanController(UsagePlans plans, UsageReport usage) {
        this.plans = plans;
        this.usage = usage;
    }

    /** @param keyId the key to add; {@code keyType} must be {@code API_KEY} when given */
    record AddKey(String keyId, String keyType) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UsagePlan create(@RequestBody UsagePlan plan) {
        return plans.create(plan);
    }

    @GetMapping
    Map<String, List<UsagePlan>> list() {
        return Map.of("items", plans.list());
    }

    @GetMapping("/{planId}")
    UsagePlan get(@PathVariable String planId) {
        return plans.get(planId);
    }

    /** Replaces the plan's settings (its keys stay). */
    @PutMapping("/{planId}")
    UsagePlan update(@PathVariable String planId, @RequestBody UsagePlan plan) {
        return plans.update(planId, plan);
    }

    @DeleteMapping("/{planId}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void delete(@PathVariable String planId) {
        plans.delete(planId);
    }

    @PostMapping("/{planId}/keys")
    @ResponseStatus(HttpStatus.CREATED)
    UsagePlanKey addKey(@PathVariable String planId, @RequestBody AddKey input) {
        if (input.keyId() == null || input.keyId().isBlank()) {
            throw AuthorizerException.badRequest("keyId is required");
        }
        if (input.keyType() != null && !input.keyType().equals("API_KEY")) {
            throw AuthorizerException.badRequest("keyType must be API_KEY");
        }
        return plans.addKey(planId, input.keyId());
    }

    @GetMapping("/{planId}/keys")
    Map<String, List<UsagePlanKey>> keys(@PathVariable String planId) {
        return Map.of("items", plans.keys(planId));
    }

    @DeleteMapping("/{planId}/keys/{keyId}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void removeKey(@PathVariable String planId, @PathVariable String keyId) {
        plans.removeKey(planId, keyId);
    }

    /** AWS's {@code GetUsage}: {@code ?startDate=2026-11-01&endDate=2026-11-30[&keyId=...]}. */
    @GetMapping("/{planId}/usage")
    Usage usage(
            @PathVariable String planId,
            @RequestParam String startDate,
            @RequestParam String endDate,
            @RequestParam(required = false) String keyId) {
        return usage.usage(planId, startDate, endDate, keyId);
    }
}
