package io.stateway.gateway.integration;

import io.stateway.gateway.pipeline.EndpointResponse;
import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.HeaderList;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.routing.CompiledIntegration;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * MOCK: no backend. The request template's output names the status ({@code {"statusCode": 200}}); the
 * integration responses do the rest. Like API Gateway, it reads that output leniently: unquoted and
 * single-quoted names are fine ({@code {statusCode: 200}}, as CDK writes it).
 */
@Component
final class MockBackend implements Backend {

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

    @Override
    public Mono<Void> call(ServerWebExchange exchange, Invocation invocation, CompiledIntegration integration) {
        byte[] output = invocation.integrationRequest().map(r -> r.body()).orElse(new byte[0]);
        int status = statusCode(new String(output == null ? new byte[0] : output, StandardCharsets.UTF_8))
                .orElseThrow(() -> GatewayError.internal("Execution failed due to configuration error: Unable to parse"
                        + " statusCode. It should be an integer that is defined in the request template."));
        invocation.endpointResponse(new EndpointResponse(status, new HeaderList(), new byte[0]));
        return Mono.empty();
    }

    static Optional<Integer> statusCode(String templateOutput) {
        try {
            JsonNode status = LENIENT.readTree(templateOutput).get("statusCode");
            if (status != null && status.isIntegralNumber() && status.intValue() >= 100 && status.intValue() <= 599) {
                return Optional.of(status.intValue());
            }
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
