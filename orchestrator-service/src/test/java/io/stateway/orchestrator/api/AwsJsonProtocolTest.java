package io.stateway.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.orchestrator.asl.json.Json;
import io.stateway.testsupport.SpringTestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The AWS JSON 1.0 protocol on the wire, with a plain HTTP client: AWS's headers, error shape and
 * status codes, epoch-second timestamps, and bad input answered with AWS's errors, never a 500.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "stateway.orchestrator.api.max-request-size=64KB")
@SpringTestServers
class AwsJsonProtocolTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String ROLE = "arn:aws:iam::123456789012:role/stateway";

    @LocalServerPort
    int port;

    @Test
    void action_answered_withAwsHeadersAndEpochSecondTimestamps() throws Exception {
        HttpResponse<String> response = call("CreateStateMachine", """
                {"name":"wire","roleArn":"%s","definition":"{\\"StartAt\\":\\"P\\",\\"States\\":{\\"P\\":{\\"Type\\":\\"Pass\\",\\"End\\":true}}}"}""".formatted(ROLE));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        JsonNode body = Json.parse(response.body());
        assertThat(body.path("stateMachineArn").asString())
                .isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:wire");
        assertThat(body.path("creationDate").isNumber()).as("epoch seconds").isTrue();
        assertThat(body.path("creationDate").asDouble()).isGreaterThan(1.7e9);
        assertThat(body.has("stateMachineVersionArn"))
                .as("absent members are left out")
                .isFalse();
    }

    @Test
    void unknownOrMissingTarget_isUnknownOperationException() throws Exception {
        HttpResponse<String> unknown = call("DoSomethingElse", "{}");
        HttpResponse<String> missing = post(null, "{}");
        HttpResponse<String> otherService = post("DynamoDB_20120810.ListTables", "{}");

        for (HttpResponse<String> response : java.util.List.of(unknown, missing, otherService)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
            assertThat(Json.parse(response.body()).path("__type").asString()).isEqualTo("UnknownOperationException");
        }
        assertThat(Json.parse(unknown.body()).path("message").asString())
                .isEqualTo("Unknown operation: AWSStepFunctions.DoSomethingElse");
    }

    /** Every operation of AWS's Step Functions API (2016-11-23), as of this writing. */
    static final java.util.List<String> AWS_OPERATIONS = java.util.List.of(
            "CreateActivity",
            "CreateStateMachine",
            "CreateStateMachineAlias",
            "DeleteActivity",
            "DeleteStateMachine",
            "DeleteStateMachineAlias",
            "DeleteStateMachineVersion",
            "DescribeActivity",
            "DescribeExecution",
            "DescribeMapRun",
            "DescribeStateMachine",
            "DescribeStateMachineAlias",
            "DescribeStateMachineForExecution",
            "GetActivityTask",
            "GetExecutionHistory",
            "ListActivities",
            "ListExecutions",
            "ListMapRuns",
            "ListStateMachineAliases",
            "ListStateMachineVersions",
            "ListStateMachines",
            "ListTagsForResource",
            "PublishStateMachineVersion",
            "RedriveExecution",
            "SendTaskFailure",
            "SendTaskHeartbeat",
            "SendTaskSuccess",
            "StartExecution",
            "StartSyncExecution",
            "StopExecution",
            "TagResource",
            "TestState",
            "UntagResource",
            "UpdateMapRun",
            "UpdateStateMachine",
            "UpdateStateMachineAlias",
            "ValidateStateMachineDefinition");

    @Test
    void everyAwsOperation_isServedOrAnsweredAsUnsupported_neverUnknown() throws Exception {
        java.util.List<String> unsupported = new java.util.ArrayList<>();
        for (String operation : AWS_OPERATIONS) {
            HttpResponse<String> response = call(operation, "{}");
            String code = response.statusCode() == 200
                    ? ""
                    : Json.parse(response.body()).path("__type").asString();
            assertThat(code).as(operation).isNotEqualTo("UnknownOperationException");
            assertThat(response.statusCode()).as(operation).isLessThan(500);
            if (code.equals("InvalidAction")) {
                unsupported.add(operation);
            }
        }
        assertThat(unsupported)
                .containsExactlyInAnyOrder(
                        "DescribeMapRun", "ListMapRuns", "UpdateMapRun", "TestState", "GetActivityTask");
    }

    @Test
    void unsupportedAction_isInvalidActionSayingSo() throws Exception {
        HttpResponse<String> response = call("DescribeMapRun", "{\"mapRunArn\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).path("__type").asString()).isEqualTo("InvalidAction");
        assertThat(Json.parse(response.body()).path("message").asString()).contains("DescribeMapRun");
    }

    @Test
    void malformedOrNonObjectBody_isSerializationException() throws Exception {
        for (String body : java.util.List.of("{\"name\":", "[1,2]", "\"text\"", "{} {}", "null")) {
            HttpResponse<String> response = call("ListStateMachines", body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(Json.parse(response.body()).path("__type").asString())
                    .as(body)
                    .isEqualTo("SerializationException");
            assertThat(response.body()).doesNotContain("io.stateway").doesNotContain("tools.jackson");
        }
    }

    @Test
    void memberOfTheWrongType_isSerializationExceptionNamingIt_neverCoerced() throws Exception {
        HttpResponse<String> number = call("CreateStateMachine", "{\"name\":5,\"roleArn\":\"r\",\"definition\":\"d\"}");
        HttpResponse<String> stringBoolean = call(
                "CreateStateMachine", "{\"name\":\"n\",\"roleArn\":\"r\",\"definition\":\"d\",\"publish\":\"true\"}");
        HttpResponse<String> objectForString = call("DescribeStateMachine", "{\"stateMachineArn\":{\"a\":1}}");
        HttpResponse<String> stringInt = call("ListStateMachines", "{\"maxResults\":\"10\"}");
        HttpResponse<String> nestedList = call("TagResource", "{\"resourceArn\":\"a\",\"tags\":[{\"key\":1}]}");

        assertSerialization(number, "Unexpected value type at 'name': expected a string");
        assertSerialization(stringBoolean, "Unexpected value type at 'publish': expected a boolean");
        assertSerialization(objectForString, "Unexpected value type at 'stateMachineArn': expected a string");
        assertSerialization(stringInt, "Unexpected value type at 'maxResults': expected an integer");
        assertSerialization(nestedList, "Unexpected value type at 'tags[0].key': expected a string");
    }

    @Test
    void emptyBodyAndUnknownMembers_areAccepted() throws Exception {
        HttpResponse<String> empty = post("AWSStepFunctions.ListStateMachines", "");
        HttpResponse<String> extra = call("ListActivities", "{\"someFutureMember\":true,\"maxResults\":null}");

        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(Json.parse(empty.body()).path("stateMachines").isArray()).isTrue();
        assertThat(extra.statusCode()).isEqualTo(200);
    }

    @Test
    void missingRequiredMember_isValidationException() throws Exception {
        HttpResponse<String> response = call("DescribeExecution", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).path("__type").asString()).isEqualTo("ValidationException");
        assertThat(Json.parse(response.body()).path("message").asString())
                .isEqualTo("1 validation error detected: Value null at 'executionArn' failed to satisfy constraint:"
                        + " Member must not be null");
    }

    @Test
    void bodyBeyondTheConfiguredSize_isRefusedWith413() throws Exception {
        String definition = "x".repeat(70 * 1024);
        HttpResponse<String> response =
                call("ValidateStateMachineDefinition", "{\"definition\":\"" + definition + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Json.parse(response.body()).path("__type").asString()).isEqualTo("RequestEntityTooLargeException");
    }

    @Test
    void actionError_hasAwsShapeAndStatus() throws Exception {
        HttpResponse<String> response = call(
                "DescribeStateMachine",
                "{\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:absent\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = Json.parse(response.body());
        assertThat(body.path("__type").asString()).isEqualTo("StateMachineDoesNotExist");
        assertThat(body.path("message").asString())
                .isEqualTo("State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:absent'");
        assertThat(body.size()).isEqualTo(2);
    }

    private static void assertSerialization(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = Json.parse(response.body());
        assertThat(body.path("__type").asString()).isEqualTo("SerializationException");
        assertThat(body.path("message").asString()).isEqualTo(message);
    }

    private HttpResponse<String> call(String action, String body) throws Exception {
        return post("AWSStepFunctions." + action, body);
    }

    private HttpResponse<String> post(String target, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
