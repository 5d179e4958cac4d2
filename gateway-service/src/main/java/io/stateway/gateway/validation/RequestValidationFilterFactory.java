package io.stateway.gateway.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import io.stateway.gateway.api.GatewayResponseType;
import io.stateway.gateway.api.RequestValidator;
import io.stateway.gateway.pipeline.FilterOrder;
import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.routing.CompiledMethod;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request validation as a method's validator asks: required parameters (400 {@code BAD_REQUEST_PARAMETERS},
 * "Missing required request parameters: [a, b]") first, then the body against the request model of its
 * content type (400 {@code BAD_REQUEST_BODY}, "Invalid request body"); an empty body is validated as
 * {@code {}}, as on AWS.
 */
@Component
public class RequestValidationFilterFactory
        extends AbstractGatewayFilterFactory<RequestValidationFilterFactory.Config> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public RequestValidationFilterFactory() {
        super(Config.class);
    }

    @Override
    public GatewayFilter apply(Config config) {
        return new OrderedGatewayFilter(
                (exchange, chain) -> {
                    Invocation invocation = Invocation.of(exchange);
                    CompiledMethod method = invocation.method();
                    Optional<RequestValidator> validator = method.validator();
                    if (validator.isEmpty()) {
                        return chain.filter(exchange);
                    }
                    if (validator.get().validateRequestParameters()) {
                        List<String> missing = missingParameters(method, invocation);
                        if (!missing.isEmpty()) {
                            return Mono.error(new GatewayError(
                                    GatewayResponseType.BAD_REQUEST_PARAMETERS,
                                    400,
                                    "Missing required request parameters: [" + String.join(", ", missing) + "]"));
                        }
                    }
                    if (validator.get().validateRequestBody()) {
                        Optional<Schema> schema = schemaFor(method, invocation);
                        if (schema.isPresent()
                                && !valid(schema.get(), invocation.body().orElse(new byte[0]))) {
                            return Mono.error(new GatewayError(
                                    GatewayResponseType.BAD_REQUEST_BODY, 400, "Invalid request body"));
                        }
                    }
                    return chain.filter(exchange);
                },
                FilterOrder.VALIDATION);
    }

    private static List<String> missingParameters(CompiledMethod method, Invocation invocation) {
        List<String> missing = new ArrayList<>();
        for (String parameter : method.requiredParameters()) {
            String expression = parameter.substring("method.request.".length());
            int dot = expression.indexOf('.');
            String location = expression.substring(0, dot);
            String name = expression.substring(dot + 1);
            boolean present = switch (location) {
                case "header" -> invocation.request().headers().contains(name);
                case "path" -> invocation.pathParameters().containsKey(name);
                case "querystring" -> invocation.request().query().containsKey(name);
                default -> true;
            };
            if (!present) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** The model of the request's content type (application/json when it has none), or the $default one. */
    private static Optional<Schema> schemaFor(CompiledMethod method, Invocation invocation) {
        String contentType = invocation
                .request()
                .headers()
                .last("Content-Type")
                .map(type -> type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .filter(type -> !type.isEmpty())
                .orElse("application/json");
        Schema schema = method.bodySchemas().get(contentType);
        return Optional.ofNullable(
                schema != null ? schema : method.bodySchemas().get("$default"));
    }

    private static boolean valid(Schema schema, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode instance;
        try {
            instance = JSON.readTree(text.isBlank() ? "{}" : text);
        } catch (JacksonException e) {
            return false;
        }
        List<Error> errors = schema.validate(instance);
        return errors.isEmpty();
    }

    /** No settings: validators and models come from the API's document. */
    public static final class Config {}
}
