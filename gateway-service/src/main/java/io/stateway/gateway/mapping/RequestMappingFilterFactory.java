package io.stateway.gateway.mapping;

import io.stateway.gateway.GatewayProperties;
import io.stateway.gateway.api.GatewayResponseType;
import io.stateway.gateway.api.Integration;
import io.stateway.gateway.api.IntegrationType;
import io.stateway.gateway.api.PassthroughBehavior;
import io.stateway.gateway.pipeline.ContextVariables;
import io.stateway.gateway.pipeline.FilterOrder;
import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.HeaderList;
import io.stateway.gateway.pipeline.IntegrationRequest;
import io.stateway.gateway.pipeline.IntegrationUris;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.pipeline.ParameterSources;
import io.stateway.gateway.pipeline.TemplateVariables;
import io.stateway.gateway.routing.CompiledIntegration;
import io.stateway.gateway.vtl.TemplateRenderException;
import io.stateway.gateway.vtl.VtlTemplate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;

/**
 * Builds the integration request: {@code requestParameters}, the request template (chosen by the
 * request's Content-Type, with the passthrough behaviour when none matches), {@code $context.requestOverride},
 * the URI with path parameters and stage variables, and the headers API Gateway adds or drops. Proxy
 * integrations take no template; HTTP_PROXY still applies {@code requestParameters}, AWS_PROXY applies
 * nothing, and both refuse reserved header mappings as AWS does.
 */
@Component
public class RequestMappingFilterFactory extends AbstractGatewayFilterFactory<RequestMappingFilterFactory.Config> {

    private final String accountId;

    public RequestMappingFilterFactory(GatewayProperties properties) {
        super(Config.class);
        this.accountId = properties.accountId();
    }

    @Override
    public GatewayFilter apply(Config config) {
        return new OrderedGatewayFilter(
                (exchange, chain) -> {
                    Invocation invocation = Invocation.of(exchange);
                    CompiledIntegration integration = invocation
                            .method()
                            .integration()
                            .orElseThrow(() -> GatewayError.configuration("No integration defined for method"));
                    map(invocation, integration);
                    return chain.filter(exchange);
                },
                FilterOrder.REQUEST_MAPPING);
    }

    private void map(Invocation invocation, CompiledIntegration integration) {
        Integration definition = integration.definition();
        IntegrationType type = definition.type();
        // Proxies without parameter mappings read no $context: skip building it on their hot path.
        Map<String, Object> context =
                type.isProxy() && definition.requestParameters().isEmpty()
                        ? Map.of()
                        : ContextVariables.forTemplates(invocation, accountId);
        Map<String, String> stageVariables =
                invocation.stage().orElseThrow().settings().variables();
        Mapped mapped = mapParameters(definition, invocation, context, stageVariables);
        if (type == IntegrationType.AWS_PROXY) {
            refuseReserved(mapped.headers.keySet(), type);
            return;
        }
        HeaderList headers;
        Map<String, List<String>> query;
        byte[] body;
        if (type == IntegrationType.HTTP_PROXY) {
            headers = new HeaderList(invocation.request().headers());
            headers.remove("Host");
            headers.remove("Content-Encoding");
            mapped.headers.forEach(headers::set);
            query = new LinkedHashMap<>();
            invocation.request().query().forEach((name, values) -> query.put(name, new ArrayList<>(values)));
            mapped.query.forEach((name, values) ->
                    query.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values));
            body = invocation.body().orElse(null);
        } else {
            body = render(invocation, integration, context);
            mergeOverrides(invocation, mapped);
            headers = new HeaderList();
            mapped.headers.forEach(headers::set);
            query = mapped.query;
        }
        refuseReserved(mapped.headers.keySet(), type);
        HeaderRules.prepareForBackend(
                headers,
                type,
                invocation.stage().orElseThrow().api().apiId(),
                invocation.ids().traceId(),
                invocation.request().httpMethod(),
                invocation.request().headers().last("Content-Type"));
        String method = definition
                .httpMethod()
                .filter(m -> !m.equals("ANY"))
                .orElse(invocation.request().httpMethod());
        String uri = definition
                .uri()
                .map(u -> IntegrationUris.render(u, mapped.path, stageVariables))
                .orElse("");
        invocation.integrationRequest(new IntegrationRequest(method, uri, query, headers, body));
    }

    /** What {@code requestParameters} produce: headers, query string and path values. */
    private record Mapped(Map<String, String> headers, Map<String, List<String>> query, Map<String, String> path) {}

    private static Mapped mapParameters(
            Integration definition,
            Invocation invocation,
            Map<String, Object> context,
            Map<String, String> stageVariables) {
        Mapped mapped = new Mapped(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        definition.requestParameters().forEach((target, source) -> {
            Object value = ParameterSources.request(source, invocation, context, stageVariables);
            if (value == null || value.toString().isEmpty()) {
                return;
            }
            String expression = target.substring("integration.request.".length());
            int dot = expression.indexOf('.');
            String name = expression.substring(dot + 1);
            switch (expression.substring(0, dot)) {
                case "header" -> mapped.headers.put(name, value.toString());
                case "querystring" ->
                    mapped.query.put(
                            name,
                            value instanceof List<?> list
                                    ? new ArrayList<>(
                                            list.stream().map(Object::toString).toList())
                                    : new ArrayList<>(List.of(value.toString())));
                case "path" -> mapped.path.put(name, value.toString());
                default -> throw new IllegalStateException("unreachable: the importer checked " + target);
            }
        });
        return mapped;
    }

    /** The request template's output, or the body passed through, or 415 as the passthrough behaviour says. */
    private static byte[] render(Invocation invocation, CompiledIntegration integration, Map<String, Object> context) {
        Integration definition = integration.definition();
        byte[] body = invocation.body().orElse(new byte[0]);
        List<String> binaryTypes = invocation.stage().orElseThrow().api().api().binaryMediaTypes();
        Optional<String> contentType = invocation.request().headers().last("Content-Type");
        boolean binary = BinaryPayloads.isBinary(contentType, binaryTypes);
        byte[] converted = BinaryPayloads.convert(body, binary, definition.contentHandling());
        Optional<Map.Entry<String, VtlTemplate>> template =
                TemplateSelection.forRequest(integration.requestTemplates(), contentType);
        if (template.isEmpty()) {
            PassthroughBehavior behavior = definition.passthroughBehavior();
            boolean refused = behavior == PassthroughBehavior.NEVER
                    || (behavior == PassthroughBehavior.WHEN_NO_TEMPLATES
                            && !integration.requestTemplates().isEmpty());
            if (refused) {
                throw new GatewayError(GatewayResponseType.UNSUPPORTED_MEDIA_TYPE, 415, "Unsupported Media Type");
            }
            return converted;
        }
        try {
            String output = template.get()
                    .getValue()
                    .render(TemplateVariables.of(invocation, new String(converted, StandardCharsets.UTF_8), context));
            return output.getBytes(StandardCharsets.UTF_8);
        } catch (TemplateRenderException e) {
            throw GatewayError.internal("request template: " + e.getMessage());
        }
    }

    /** {@code $context.requestOverride} written by the template wins over the parameter mappings. */
    private static void mergeOverrides(Invocation invocation, Mapped mapped) {
        Map<String, Object> overrides = invocation.requestOverride();
        invocation.override(overrides, "header").forEach((name, value) -> {
            if (value != null) {
                mapped.headers.put(name, value.toString());
            }
        });
        invocation.override(overrides, "querystring").forEach((name, value) -> {
            if (value != null) {
                mapped.query.put(name, new ArrayList<>(List.of(value.toString())));
            }
        });
        invocation.override(overrides, "path").forEach((name, value) -> {
            if (value != null) {
                mapped.path.put(name, value.toString());
            }
        });
    }

    private static void refuseReserved(Iterable<String> mappedHeaders, IntegrationType type) {
        HeaderRules.reserved(mappedHeaders, type).ifPresent(name -> {
            throw GatewayError.internal("Execution failed due to configuration error: the header " + name
                    + " cannot be mapped for a " + type + " integration");
        });
    }

    /** No settings: mappings come from the API's document. */
    public static final class Config {}
}
