package io.stateway.gateway.cache;

import io.stateway.gateway.api.Authorization;
import io.stateway.gateway.api.Integration;
import io.stateway.gateway.api.IntegrationType;
import io.stateway.gateway.pipeline.HeaderList;
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
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The Redis key of a cached response (RELIABILITY.md §3.6): API, stage, method, the request's path, the
 * values of the integration's {@code cacheKeyParameters} and, on methods with an authorizer, the caller's
 * identity. API Gateway keys on the resource, so path parameters must be listed as key parameters there;
 * keying on the path as sent gives the same hits for APIs that list them and never one caller's
 * {@code /pets/1} for another's {@code /pets/2}.
 *
 * <p>The caller's identity: on methods with a Lambda or JWT authorizer, the {@code Authorization} header and
 * the authorizer's identity sources as sent, the {@code principalId} the authorizer named and, for JWTs, the
 * token's {@code iss} and {@code sub}; on AWS_IAM methods the verified access key id and principal (not the
 * {@code Authorization} header, whose signature changes with every request); on methods that require an API
 * key, the key's id. API Gateway shares entries between API keys; keying on the key is safer, since a
 * backend may answer per key ({@code x-api-key} reaches HTTP_PROXY backends, {@code apiKeyId} templates).
 *
 * <p>Against cache poisoning, two request values no key parameter names are keyed all the same when they
 * could shape the answer: the {@code Host} header (which reaches Lambda proxy functions and
 * {@code $context.domainName}; HTTP_PROXY replaces it with the backend's, so it is keyed there only when a
 * parameter mapping reads it) and the headers with which proxies and frameworks rebuild URLs
 * ({@link #FORWARDING_HEADERS}: {@code X-Forwarded-Host}, {@code X-Original-URL}, ...), which proxy
 * integrations forward and templates can read. Those are keyed only when sent, so that ordinary requests share
 * entries; a request carrying {@code X-Forwarded-Host: evil} gets an entry of its own instead of writing its
 * answer into everyone's. An ingress that sets them sets the same values for every client of a host.
 *
 * <p>Everything but the API and stage is hashed, so that a stage's entries share a prefix (to flush them) and
 * no caller-controlled text reaches the key's structure.
 */
final class CacheKeys {

    private CacheKeys() {}

    /** The prefix of every entry of a stage, for flushing it. */
    static String stagePrefix(String keyPrefix, String apiId, String stage) {
        return keyPrefix + "cache:" + apiId + ":" + stage + ":";
    }

    /**
     * Request headers that reverse proxies and web frameworks use to rebuild the request's URL, host, scheme
     * or method (lower case). Per-client ones such as {@code X-Forwarded-For} are left out: an ingress sets
     * them differently for every client, which would make every request a miss.
     */
    static final List<String> FORWARDING_HEADERS = List.of(
            "forwarded",
            "x-forwarded-host",
            "x-forwarded-proto",
            "x-forwarded-prefix",
            "x-forwarded-port",
            "x-forwarded-server",
            "x-forwarded-scheme",
            "x-forwarded-ssl",
            "x-original-url",
            "x-original-host",
            "x-rewrite-url",
            "x-host",
            "x-http-method-override",
            "x-http-method",
            "x-method-override");

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
        if (hostReachesIntegration(integration)) {
            parts.add("host=" + invocation.request().host());
        }
        HeaderList headers = invocation.request().headers();
        for (String name : FORWARDING_HEADERS) {
            List<String> values = headers.all(name);
            if (!values.isEmpty()) {
                parts.add("fwd:" + name + "=" + String.join("\n", values));
            }
        }
        if (method.method().apiKeyRequired()) {
            parts.add("apiKeyId=" + invocation.apiKeyId().orElse("\u0000"));
        }
        Authorization authorization = method.method().authorization();
        if (authorization != Authorization.NONE) {
            if (authorization == Authorization.AWS_IAM) {
                parts.add("accessKey=" + invocation.accessKey().orElse("\u0000"));
            } else {
                for (String source : identitySources(stage, method)) {
                    parts.add("id:" + source + "=" + value(source, integration, invocation));
                }
            }
            Map<String, Object> authorizer = invocation.authorizer().orElse(Map.of());
            parts.add("principal=" + text(authorizer.get("principalId")));
            if (authorizer.get("claims") instanceof Map<?, ?> claims) {
                parts.add("iss=" + text(claims.get("iss")));
                parts.add("sub=" + text(claims.get("sub")));
            }
        }
        return stagePrefix(keyPrefix, stage.api().apiId(), stage.name()) + hash(parts);
    }

    /**
     * Whether the integration can see the {@code Host} header: every kind does ({@code $context.domainName},
     * the Lambda proxy event's headers) except HTTP_PROXY, which sends the backend's own host, unless one of
     * its parameter mappings reads it.
     */
    private static boolean hostReachesIntegration(Integration integration) {
        if (integration.type() != IntegrationType.HTTP_PROXY) {
            return true;
        }
        for (String source : integration.requestParameters().values()) {
            String lower = source.toLowerCase(Locale.ROOT);
            if (lower.startsWith("context.domain") || lower.equals("method.request.header.host")) {
                return true;
            }
        }
        return false;
    }

    private static String text(Object value) {
        return value == null ? "\u0000" : value.toString();
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
                    sources.add(methodRequestForm(source.trim()));
                }
            }
        });
        return sources;
    }

    /** HTTP API's {@code $request.header.X} spelling of an identity source as {@code method.request.header.X}. */
    private static String methodRequestForm(String source) {
        return source.startsWith("$request.") ? "method.request." + source.substring("$request.".length()) : source;
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
