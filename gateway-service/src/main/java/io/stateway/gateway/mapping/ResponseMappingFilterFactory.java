package io.stateway.gateway.mapping;

import io.stateway.gateway.GatewayProperties;
import io.stateway.gateway.api.IntegrationType;
import io.stateway.gateway.pipeline.ContextVariables;
import io.stateway.gateway.pipeline.EndpointResponse;
import io.stateway.gateway.pipeline.FilterOrder;
import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.HeaderList;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.pipeline.MethodResponse;
import io.stateway.gateway.pipeline.ParameterSources;
import io.stateway.gateway.pipeline.TemplateVariables;
import io.stateway.gateway.routing.CompiledIntegration;
import io.stateway.gateway.routing.CompiledIntegrationResponse;
import io.stateway.gateway.vtl.JsonValues;
import io.stateway.gateway.vtl.TemplateRenderException;
import io.stateway.gateway.vtl.VtlTemplate;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * After the integration: for non-proxy integrations, selects the integration response (its selection
 * pattern matched against the backend's status, or against a Lambda function's {@code errorMessage}), maps
 * {@code responseParameters}, renders the response template and applies {@code $context.responseOverride};
 * for AWS_PROXY, passes the function's response. Either way the headers API Gateway reserves come back as
 * {@code x-amzn-Remapped-*}.
 */
@Component
public class ResponseMappingFilterFactory extends AbstractGatewayFilterFactory<ResponseMappingFilterFactory.Config> {

    private final String accountId;

    public ResponseMappingFilterFactory(GatewayProperties properties) {
        super(Config.class);
        this.accountId = properties.accountId();
    }

    @Override
    public GatewayFilter apply(Config config) {
        return new OrderedGatewayFilter(
                (exchange, chain) -> streamedProxy(Invocation.of(exchange))
                        ? chain.filter(exchange)
                        : chain.filter(exchange).then(Mono.fromRunnable(() -> {
                            Invocation invocation = Invocation.of(exchange);
                            if (invocation.streamed()
                                    || invocation.methodResponse().isPresent()
                                    || invocation.endpointResponse().isEmpty()) {
                                return;
                            }
                            CompiledIntegration integration =
                                    invocation.method().integration().orElseThrow();
                            EndpointResponse endpoint =
                                    invocation.endpointResponse().get();
                            IntegrationType type = integration.definition().type();
                            if (type.isProxy()) {
                                HeaderList headers = new HeaderList(endpoint.headers());
                                HeaderRules.remapForClient(headers, type);
                                invocation.methodResponse(
                                        new MethodResponse(endpoint.status(), headers, endpoint.body()));
                            } else {
                                invocation.methodResponse(map(invocation, integration, endpoint));
                            }
                        })),
                FilterOrder.RESPONSE_MAPPING);
    }

    /** An HTTP_PROXY response that nothing keeps goes to the client as it arrives: nothing to map after it. */
    private static boolean streamedProxy(Invocation invocation) {
        return !invocation.keepsResponse()
                && invocation
                        .method()
                        .integration()
                        .map(i -> i.definition().type() == IntegrationType.HTTP_PROXY)
                        .orElse(false);
    }

    private MethodResponse map(Invocation invocation, CompiledIntegration integration, EndpointResponse endpoint) {
        IntegrationType type = integration.definition().type();
        CompiledIntegrationResponse selected = select(integration, selectionValue(integration, endpoint));
        Map<String, Object> context = ContextVariables.forTemplates(invocation, accountId);
        Map<String, String> stageVariables =
                invocation.stage().orElseThrow().settings().variables();
        HeaderList headers = new HeaderList();
        selected.definition().responseParameters().forEach((target, source) -> {
            String value = ParameterSources.response(source, endpoint, context, stageVariables);
            if (value != null && !value.isEmpty()) {
                headers.set(target.substring("method.response.header.".length()), value);
            }
        });
        java.util.List<String> binaryTypes =
                invocation.stage().orElseThrow().api().api().binaryMediaTypes();
        boolean binary = BinaryPayloads.isBinary(endpoint.headers().last("Content-Type"), binaryTypes);
        byte[] body = BinaryPayloads.convert(
                endpoint.body(), binary, selected.definition().contentHandling());
        Optional<Map.Entry<String, VtlTemplate>> template = TemplateSelection.forResponse(
                selected.templates(), invocation.request().headers().last("Accept"));
        String contentType = "application/json";
        if (template.isPresent()) {
            try {
                String output = template.get()
                        .getValue()
                        .render(TemplateVariables.of(invocation, new String(body, StandardCharsets.UTF_8), context));
                body = output.getBytes(StandardCharsets.UTF_8);
                contentType = template.get().getKey();
            } catch (TemplateRenderException e) {
                throw GatewayError.internal("response template: " + e.getMessage());
            }
        }
        int status = Integer.parseInt(selected.definition().statusCode());
        Object override = invocation.responseOverride().get("status");
        if (override instanceof Number number && number.intValue() >= 100 && number.intValue() <= 599) {
            status = number.intValue();
        }
        invocation.override(invocation.responseOverride(), "header").forEach((name, value) -> {
            if (value != null) {
                headers.set(name, value.toString());
            }
        });
        headers.setIfAbsent("Content-Type", contentType);
        HeaderRules.remapForClient(headers, type);
        return new MethodResponse(status, headers, body);
    }

    /** Lambda integrations select on the function's errorMessage; everything else on the status code. */
    private static String selectionValue(CompiledIntegration integration, EndpointResponse endpoint) {
        boolean lambda = integration
                .definition()
                .uri()
                .map(u -> u.contains(":lambda:path/"))
                .orElse(false);
        if (!lambda) {
            return Integer.toString(endpoint.status());
        }
        Object parsed = JsonValues.parse(new String(endpoint.body(), StandardCharsets.UTF_8));
        if (parsed instanceof Map<?, ?> map && map.get("errorMessage") != null) {
            return map.get("errorMessage").toString();
        }
        return "";
    }

    /** The first response (in document order) whose pattern matches, else the default one. */
    private static CompiledIntegrationResponse select(CompiledIntegration integration, String value) {
        for (CompiledIntegrationResponse response : integration.responses()) {
            if (response.matches(value)) {
                return response;
            }
        }
        return integration.responses().stream()
                .filter(r -> r.definition().isDefault())
                .findFirst()
                .orElseThrow(() -> GatewayError.configuration(
                        "No match for output mapping and no default output mapping configured. Endpoint Response Status Code: "
                                + value));
    }

    /** No settings: responses come from the API's document. */
    public static final class Config {}
}
