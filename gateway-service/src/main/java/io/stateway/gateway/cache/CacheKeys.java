package io.stateway.gateway.cache;

import io.stateway.gateway.api.Authorization;
import io.stateway.gateway.api.Integration;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.pipeline.ParameterSources;
import io.stateway.gateway.routing.CompiledMethod;
import io.stateway.gateway.routing.DeployedStage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The Redis key of a cached response (RELIABILITY.md §3.6): API, stage, method, the request's path, the
 * values of the integration's {@code cacheKeyParameters} and, on methods with an authorizer, the caller's
 * identity (its identity sources, {@code Authorization} header and the principal the authorizer named). API Gateway keys on the resource, so
 * path parameters must be listed as key parameters there; keying on the path as sent gives the same hits
 * for APIs that list them and never one caller's {@code /pets/1} for another's {@code /pets/2}.
 * Everything but the API and stage is hashed, so that a stage's entries share a prefix (to flush them) and
 * no caller-controlled text reaches the key's structure.
 */
final class CacheKeys {

    private CacheKeys() {}

    /** The prefix of every entry of a stage, for flushing it. */
    static String stagePrefix(String keyPrefix, String apiId, String stage) {
        return keyPrefix + "cache:" + apiId + ":" + stage + ":";
    }

    static String of(String keyPrefix, Invocation invocation) {
        DeployedStage stage = invocation.stage().orElseThrow();
        CompiledMethod method = invocation.method();
        List<String> parts = new ArrayList<>();
        parts.add(invocation.request().httpMethod());
        parts.add(invocation.stageRequest().orElseThrow().resourcePath());
        Integration integration = method.integration().orElseThrow().definition();
        integration.cacheNamespace().ifPresent(namespace -> parts.add("ns=" + namespace));
        for (String parameter : integration.cacheKeyParameters()) {
            parts.add(parameter + "=" + value(parameter, integration, invocation));
        }
        if (method.method().authorization() != Authorization.NONE) {
            for (String source : identitySources(stage, method)) {
                parts.add("id:" + source + "=" + value(source, integration, invocation));
            }
            Object principal =
                    invocation.authorizer().map(a -> a.get("principalId")).orElse(null);
            parts.add("principal=" + (principal == null ? "\u0000" : principal));
        }
        return stagePrefix(keyPrefix, stage.api().apiId(), stage.name()) + hash(parts);
    }

    /** A key parameter's value: {@code method.request.*} directly, {@code integration.request.*} through its mapping. */
    private static String value(String parameter, Integration integration, Invocation invocation) {
        String source = parameter.startsWith("integration.request.")
                ? integration.requestParameters().getOrDefault(parameter, "")
                : parameter;
        Object value = source.startsWith("method.request.")
                ? ParameterSources.request(source, invocation, Map.of(), Map.of())
                : source;
        return value == null ? "\u0000" : value.toString();
    }

    /**
     * The request values that identify a caller of an authorised method: the {@code Authorization} header,
     * and the identity sources of its custom authorizer.
     */
    private static List<String> identitySources(DeployedStage stage, CompiledMethod method) {
        List<String> sources = new ArrayList<>();
        sources.add("method.request.header.Authorization");
        method.method().authorizerName().ifPresent(name -> {
            JsonNode scheme = stage.api().api().securitySchemes().get(name);
            if (scheme == null) {
                return;
            }
            if ("header".equals(scheme.path("in").asString(""))) {
                sources.add("method.request.header." + scheme.path("name").asString(""));
            }
            String identitySource = scheme.path("x-amazon-apigateway-authorizer")
                    .path("identitySource")
                    .asString("");
            for (String source : identitySource.split(",")) {
                if (!source.isBlank()) {
                    sources.add(source.trim());
                }
            }
        });
        return sources;
    }

    private static String hash(List<String> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                // Length-prefixed, so that no two lists of parts hash the same input.
                digest.update(new byte[] {
                    (byte) (bytes.length >>> 24),
                    (byte) (bytes.length >>> 16),
                    (byte) (bytes.length >>> 8),
                    (byte) bytes.length
                });
                digest.update(bytes);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
