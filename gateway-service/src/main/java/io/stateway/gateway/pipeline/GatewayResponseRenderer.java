package io.stateway.gateway.pipeline;

import io.stateway.gateway.GatewayProperties;
import io.stateway.gateway.api.GatewayResponseType;
import io.stateway.gateway.routing.CompiledApi;
import io.stateway.gateway.routing.CompiledGatewayResponse;
import io.stateway.gateway.vtl.TemplateRenderException;
import io.stateway.gateway.vtl.VtlTemplate;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link GatewayError} into the response AWS sends: the type's status (or the API's customised
 * one), {@code x-amzn-ErrorType}, the customised response parameters, and the body: the API's template
 * for the type (or for DEFAULT_4XX/DEFAULT_5XX) or {@code {"message": ...}}.
 */
@Component
public class GatewayResponseRenderer {

    private static final Logger log = LoggerFactory.getLogger(GatewayResponseRenderer.class);

    /** Execution failures, whose default body AWS writes with a space after the colon. */
    private static final Set<GatewayResponseType> EXECUTION_FAILURES = EnumSet.of(
            GatewayResponseType.API_CONFIGURATION_ERROR,
            GatewayResponseType.INTEGRATION_FAILURE,
            GatewayResponseType.INTEGRATION_TIMEOUT,
            GatewayResponseType.DEFAULT_5XX);

    private final String accountId;

    GatewayResponseRenderer(GatewayProperties properties) {
        this.accountId = properties.accountId();
    }

    public MethodResponse render(Invocation invocation, GatewayError error) {
        Optional<CompiledGatewayResponse> custom = customisation(invocation, error);
        int status = custom.flatMap(c -> c.definition().statusCode()).orElse(error.status());
        HeaderList headers = new HeaderList();
        headers.add("Content-Type", "application/json");
        headers.add("x-amzn-ErrorType", error.type().errorType());
        byte[] body = defaultBody(error);
        if (custom.isPresent()) {
            Map<String, Object> context = ContextVariables.forTemplates(invocation, accountId);
            context.put("error", ContextVariables.error(error));
            Map<String, String> stageVariables =
                    invocation.stage().map(s -> s.settings().variables()).orElse(Map.of());
            custom.get().definition().responseParameters().forEach((target, source) -> {
                Object value = ParameterSources.request(source, invocation, context, stageVariables);
                if (value != null) {
                    headers.set(target.substring("gatewayresponse.header.".length()), value.toString());
                }
            });
            Optional<Map.Entry<String, VtlTemplate>> template = template(custom.get());
            if (template.isPresent()) {
                try {
                    body = template.get()
                            .getValue()
                            .render(TemplateVariables.of(invocation, "", context))
                            .getBytes(StandardCharsets.UTF_8);
                    headers.set("Content-Type", template.get().getKey());
                } catch (TemplateRenderException e) {
                    log.warn(
                            "Gateway response template of {} failed, sending the default body: {}",
                            error.type(),
                            e.getMessage());
                }
            }
        }
        return new MethodResponse(status, headers, body);
    }

    private static Optional<CompiledGatewayResponse> customisation(Invocation invocation, GatewayError error) {
        Optional<CompiledApi> api = invocation.stage().map(s -> s.api());
        Optional<CompiledGatewayResponse> own = api.flatMap(a -> a.gatewayResponse(error.type()));
        if (own.isPresent()
                || error.type() == GatewayResponseType.DEFAULT_4XX
                || error.type() == GatewayResponseType.DEFAULT_5XX) {
            return own;
        }
        return api.flatMap(a -> a.gatewayResponse(error.type().fallback(error.status())));
    }

    private static Optional<Map.Entry<String, VtlTemplate>> template(CompiledGatewayResponse response) {
        Map<String, VtlTemplate> templates = response.templates();
        if (templates.containsKey("application/json")) {
            return Optional.of(Map.entry("application/json", templates.get("application/json")));
        }
        return templates.entrySet().stream().findFirst();
    }

    private static byte[] defaultBody(GatewayError error) {
        String separator = EXECUTION_FAILURES.contains(error.type()) ? ": " : ":";
        return ("{\"message\"" + separator + ContextVariables.quoted(error.getMessage()) + "}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
