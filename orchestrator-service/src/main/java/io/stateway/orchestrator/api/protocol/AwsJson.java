package io.stateway.orchestrator.api.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.JsonProblems;
import java.math.BigDecimal;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON as the AWS JSON 1.0 protocol writes it: timestamps as epoch seconds (with milliseconds as
 * a fraction), no null members; and read strictly, as AWS reads it: a member of the wrong type (a
 * number where a string belongs, {@code "true"} where a boolean belongs) is a {@code
 * SerializationException}, never coerced. Unknown members are ignored, so newer SDKs keep working.
 */
final class AwsJson {

    private final JsonMapper mapper;

    AwsJson() {
        SimpleModule timestamps = new SimpleModule("aws-timestamps").addSerializer(Instant.class, new EpochSeconds());
        this.mapper = JsonMapper.builder()
                .addModule(timestamps)
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(
                        LogicalType.Textual,
                        config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfigDefaults(
                        config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .build();
    }

    /** Reads a request body into an action's input; an empty body is an empty input. */
    <T> T read(byte[] body, Class<T> type) {
        byte[] json = body.length == 0 ? "{}".getBytes() : body;
        try {
            T input = mapper.readValue(json, type);
            if (input == null) {
                throw serialization("The request body must be a JSON object");
            }
            return input;
        } catch (JacksonException unreadable) {
            throw serialization(JsonProblems.describe(unreadable));
        }
    }

    byte[] write(Object value) {
        return mapper.writeValueAsBytes(value);
    }

    static StepFunctionsException serialization(String message) {
        return new StepFunctionsException("SerializationException", message);
    }

    /** AWS JSON 1.0 timestamps: seconds since the epoch, milliseconds as the fraction. */
    private static final class EpochSeconds extends ValueSerializer<Instant> {

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
            generator.writeNumber(BigDecimal.valueOf(value.toEpochMilli(), 3).stripTrailingZeros());
        }
    }
}
