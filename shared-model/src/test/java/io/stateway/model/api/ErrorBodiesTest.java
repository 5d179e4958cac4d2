package io.stateway.model.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ErrorBodiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void apiError_serialized_isApiGatewaysMessageBody() {
        assertThat(JSON.writeValueAsString(new ApiError("Forbidden"))).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @Test
    void awsJsonError_serialized_carriesTheCodeInDoubleUnderscoreType() {
        String json = JSON.writeValueAsString(new AwsJsonError("ExecutionDoesNotExist", "Execution Does Not Exist"));

        assertThat(json).isEqualTo("{\"__type\":\"ExecutionDoesNotExist\",\"message\":\"Execution Does Not Exist\"}");
        assertThat(JSON.readValue(json, AwsJsonError.class).type()).isEqualTo("ExecutionDoesNotExist");
    }
}
