package io.stateway.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.integration.lambda.FunctionEndpoints;
import io.stateway.testsupport.SpringTestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The resource-style REST API under /v1 with a plain HTTP client: the same actions as the AWS JSON
 * face, resource statuses (201, 204, 404, 409), ISO-8601 timestamps, the function registry, and the
 * OpenAPI document.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "stateway.orchestrator.functions.endpoints[0].function=configured",
            "stateway.orchestrator.functions.endpoints[0].url=http://functions.internal:9000/configured",
            "stateway.orchestrator.functions.endpoints[0].timeout=5s"
        })
@SpringTestServers
class RestApiTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String ROLE = "arn:aws:iam::123456789012:role/stateway";
    static final String MACHINES = "arn:aws:states:us-east-1:123456789012:stateMachine:";

    @LocalServerPort
    int port;

    @Autowired
    FunctionEndpoints registry;

    @Test
    void stateMachine_createDescribeUpdateVersionAliasDelete_overRest() throws Exception {
        HttpResponse<String> created = send("POST", "/v1/state-machines", """
                {"name":"rest-machine","roleArn":"%s",
                 "definition":{"StartAt":"P","States":{"P":{"Type":"Pass","Result":1,"End":true}}}}""".formatted(ROLE));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = Json.parse(created.body());
        assertThat(body.path("stateMachineArn").asString()).isEqualTo(MACHINES + "rest-machine");
        assertThat(Instant.parse(body.path("creationDate").asString()))
                .as("ISO-8601")
                .isNotNull();

        JsonNode described = json(send("GET", "/v1/state-machines/rest-machine", null), 200);
        assertThat(Json.parse(described.path("definition").asString()))
                .isEqualTo(Json.parse(
                        "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":1,\"End\":true}}}"));
        assertThat(described.path("type").asString()).isEqualTo("STANDARD");

        JsonNode updated = json(send("PATCH", "/v1/state-machines/rest-machine", """
                {"definition":"{\\"StartAt\\":\\"P\\",\\"States\\":{\\"P\\":{\\"Type\\":\\"Pass\\",\\"Result\\":2,\\"End\\":true}}}",
                 "publish":true}"""), 200);
        assertThat(updated.path("stateMachineVersionArn").asString()).isEqualTo(MACHINES + "rest-machine:1");
        assertThat(json(send("GET", "/v1/state-machines/rest-machine:1", null), 200)
                        .path("stateMachineArn")
                        .asString())
                .isEqualTo(MACHINES + "rest-machine:1");
        assertThat(json(send("GET", "/v1/state-machines/rest-machine/versions", null), 200)
                        .path("stateMachineVersions")
                        .size())
                .isEqualTo(1);

        HttpResponse<String> alias =
                send("POST", "/v1/state-machines/rest-machine/aliases", """
                {"name":"live","routingConfiguration":[{"stateMachineVersionArn":"%s:1","weight":100}]}""".formatted(MACHINES + "rest-machine"));
        assertThat(alias.statusCode()).isEqualTo(201);
        assertThat(json(send("GET", "/v1/state-machines/rest-machine/aliases/live", null), 200)
                        .path("routingConfiguration")
                        .get(0)
                        .path("weight")
                        .asInt())
                .isEqualTo(100);
        assertThat(json(send("GET", "/v1/state-machines?maxResults=10", null), 200)
                        .path("stateMachines")
                        .toString())
                .contains("rest-machine");

        assertThat(send("DELETE", "/v1/state-machines/rest-machine", null).statusCode())
                .isEqualTo(204);
        HttpResponse<String> gone = send("GET", "/v1/state-machines/" + MACHINES + "rest-machine", null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(Json.parse(gone.body()).path("__type").asString()).isEqualTo("StateMachineDoesNotExist");
    }

    @Test
    void execution_startDescribeHistoryListStop_overRest() throws Exception {
        send("POST", "/v1/state-machines", """
                {"name":"rest-runs","roleArn":"%s",
                 "definition":{"StartAt":"P","States":{"P":{"Type":"Pass","ResultPath":"$.seen","End":true}}}}""".formatted(ROLE));
        send("POST", "/v1/state-machines", """
                {"name":"rest-waits","roleArn":"%s",
                 "definition":{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}}""".formatted(ROLE));

        HttpResponse<String> started =
                send("POST", "/v1/state-machines/rest-runs/executions", "{\"name\":\"r1\",\"input\":{\"a\":1}}");
        assertThat(started.statusCode()).isEqualTo(201);
        String arn = Json.parse(started.body()).path("executionArn").asString();
        assertThat(arn).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:rest-runs:r1");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> json(send("GET", "/v1/executions/rest-runs:r1", null), 200)
                        .path("status")
                        .asString()
                        .equals("SUCCEEDED"));
        JsonNode execution = json(send("GET", "/v1/executions/" + arn, null), 200);
        assertThat(Json.parse(execution.path("output").asString()))
                .isEqualTo(Json.parse("{\"a\":1,\"seen\":{\"a\":1}}"));
        JsonNode history = json(send("GET", "/v1/executions/rest-runs:r1/history?reverseOrder=true", null), 200);
        assertThat(history.path("events").get(0).path("type").asString()).isEqualTo("ExecutionSucceeded");
        assertThat(Instant.parse(history.path("events").get(0).path("timestamp").asString()))
                .isNotNull();
        assertThat(json(send("GET", "/v1/state-machines/rest-runs/executions?statusFilter=SUCCEEDED", null), 200)
                        .path("executions")
                        .size())
                .isEqualTo(1);
        assertThat(json(send("GET", "/v1/executions/rest-runs:r1/state-machine", null), 200)
                        .path("roleArn")
                        .asString())
                .isEqualTo(ROLE);

        String waiting = Json.parse(send("POST", "/v1/state-machines/rest-waits/executions", null)
                        .body())
                .path("executionArn")
                .asString();
        JsonNode stopped = json(send("POST", "/v1/executions/" + waiting + "/stop", "{\"error\":\"Stop\"}"), 200);
        assertThat(Instant.parse(stopped.path("stopDate").asString())).isNotNull();
        assertThat(json(send("GET", "/v1/executions/" + waiting, null), 200)
                        .path("status")
                        .asString())
                .isEqualTo("ABORTED");
        HttpResponse<String> notRedrivable = send("POST", "/v1/executions/rest-runs:r1/redrive", null);
        assertThat(notRedrivable.statusCode()).isEqualTo(400);
        assertThat(Json.parse(notRedrivable.body()).path("__type").asString()).isEqualTo("ExecutionNotRedrivable");
        assertThat(send("GET", "/v1/executions/rest-runs:nobody", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void badRequests_areAwsShaped4xx_neverA500() throws Exception {
        send("POST", "/v1/state-machines", """
                {"name":"rest-taken","roleArn":"%s","definition":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}""".formatted(ROLE));

        assertError(send("POST", "/v1/state-machines", "{\"name\":"), 400, "SerializationException");
        assertError(send("POST", "/v1/state-machines", "{\"name\":[1]}"), 400, "SerializationException");
        assertError(send("GET", "/v1/state-machines?maxResults=abc", null), 400, "ValidationException");
        assertError(send("GET", "/v1/state-machines?maxResults=5000", null), 400, "ValidationException");
        assertError(send("GET", "/v1/nothing-here", null), 404, "UnknownOperationException");
        assertError(send("PUT", "/v1/state-machines", "{}"), 405, "MethodNotAllowed");
        assertError(send("POST", "/v1/state-machines", """
                        {"name":"rest-taken","roleArn":"%s","definition":{"StartAt":"Q","States":{"Q":{"Type":"Pass","End":true}}}}""".formatted(ROLE)), 409, "StateMachineAlreadyExists");
        assertError(
                send(
                        "POST",
                        "/v1/state-machines",
                        "{\"name\":\"rest-bad\",\"roleArn\":\"" + ROLE + "\",\"definition\":{\"StartAt\":\"X\"}}"),
                400,
                "InvalidDefinition");
        assertError(send("DELETE", "/v1/tags/" + MACHINES + "rest-taken", null), 400, "ValidationException");
    }

    @Test
    void validate_definitionAsJson_reportsResultAndDiagnostics() throws Exception {
        JsonNode ok = json(send("POST", "/v1/validate", """
                {"definition":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}"""), 200);
        JsonNode fail = json(send("POST", "/v1/validate", "{\"definition\":{\"StartAt\":\"P\"}}"), 200);

        assertThat(ok.path("result").asString()).isEqualTo("OK");
        assertThat(fail.path("result").asString()).isEqualTo("FAIL");
        assertThat(fail.path("diagnostics").get(0).path("code").asString()).isEqualTo("SCHEMA_VALIDATION_FAILED");
    }

    @Test
    void tagsAndActivities_overRest() throws Exception {
        JsonNode activity = json(send("POST", "/v1/activities", "{\"name\":\"rest-queue\"}"), 201);
        String arn = activity.path("activityArn").asString();

        assertThat(send("POST", "/v1/tags/" + arn, "{\"tags\":[{\"key\":\"team\",\"value\":\"ops\"}]}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(json(send("GET", "/v1/tags/" + arn, null), 200)
                        .path("tags")
                        .get(0)
                        .path("value")
                        .asString())
                .isEqualTo("ops");
        assertThat(send("DELETE", "/v1/tags/" + arn + "?tagKeys=team", null).statusCode())
                .isEqualTo(204);
        assertThat(json(send("GET", "/v1/activities/rest-queue", null), 200)
                        .path("name")
                        .asString())
                .isEqualTo("rest-queue");
        assertThat(send("DELETE", "/v1/activities/rest-queue", null).statusCode())
                .isEqualTo(204);
        assertError(send("GET", "/v1/activities/rest-queue", null), 404, "ActivityDoesNotExist");
    }

    @Test
    void functionRegistry_registerListChangeDelete_andTheRuntimeFindsEntriesByArnOrName() throws Exception {
        HttpResponse<String> registered = send(
                "PUT", "/v1/functions/rest-fn", "{\"url\":\"http://fn.internal:8080/run\",\"timeoutSeconds\":2.5}");
        assertThat(registered.statusCode()).isEqualTo(201);
        JsonNode view = Json.parse(registered.body());
        assertThat(view.path("timeoutSeconds").asDouble()).isEqualTo(2.5);
        assertThat(view.path("source").asString()).isEqualTo("API");
        assertThat(send("PUT", "/v1/functions/rest-fn", "{\"url\":\"http://fn.internal:8080/v2\"}")
                        .statusCode())
                .isEqualTo(200);
        String specificArn = "arn:aws:lambda:us-east-1:123456789012:function:rest-fn";
        assertThat(send("PUT", "/v1/functions/" + specificArn, "{\"url\":\"http://specific.internal/run\"}")
                        .statusCode())
                .isEqualTo(201);

        assertThat(registry.find(specificArn + ":prod").orElseThrow().url())
                .as("the exact ARN wins; a qualifier is ignored")
                .isEqualTo(URI.create("http://specific.internal/run"));
        assertThat(registry.find("arn:aws:lambda:eu-west-1:111111111111:function:rest-fn")
                        .orElseThrow())
                .as("any other ARN of the name finds the name's entry")
                .isEqualTo(new FunctionEndpoints.Endpoint(URI.create("http://fn.internal:8080/v2"), null));
        assertThat(registry.find("arn:aws:lambda:us-east-1:123456789012:function:configured")
                        .orElseThrow())
                .isEqualTo(new FunctionEndpoints.Endpoint(
                        URI.create("http://functions.internal:9000/configured"), Duration.ofSeconds(5)));
        assertThat(registry.find("arn:aws:lambda:us-east-1:123456789012:function:unknown"))
                .isEmpty();

        JsonNode list = json(send("GET", "/v1/functions", null), 200).path("functions");
        assertThat(list.toString())
                .contains("\"configured\"")
                .contains("\"CONFIGURATION\"")
                .contains(specificArn);
        assertError(send("DELETE", "/v1/functions/configured", null), 409, "ConflictException");
        assertError(
                send("PUT", "/v1/functions/configured", "{\"url\":\"http://x.internal/\"}"), 409, "ConflictException");
        assertError(send("PUT", "/v1/functions/bad-url", "{\"url\":\"ftp://x/\"}"), 400, "ValidationException");
        assertError(
                send("PUT", "/v1/functions/bad%20name", "{\"url\":\"http://x.internal/\"}"),
                400,
                "ValidationException");
        assertError(
                send("PUT", "/v1/functions/slow", "{\"url\":\"http://x.internal/\",\"timeoutSeconds\":901}"),
                400,
                "ValidationException");
        assertThat(send("DELETE", "/v1/functions/rest-fn", null).statusCode()).isEqualTo(204);
        assertError(send("GET", "/v1/functions/rest-fn", null), 404, "ResourceNotFound");
        assertThat(registry.find("arn:aws:lambda:eu-west-1:111111111111:function:rest-fn"))
                .isEmpty();
    }

    @Test
    void openApiDocument_describesTheRestApi() throws Exception {
        JsonNode document = json(send("GET", "/v3/api-docs", null), 200);

        assertThat(document.path("paths").has("/v1/state-machines")).isTrue();
        assertThat(document.path("paths").has("/v1/state-machines/{stateMachine}/executions"))
                .isTrue();
        assertThat(document.path("paths").has("/v1/executions/{execution}/history"))
                .isTrue();
        assertThat(document.path("paths").has("/v1/functions/{function}")).isTrue();
        assertThat(document.path("paths").has("/v1/validate")).isTrue();
        assertThat(document.path("paths").has("/"))
                .as("the AWS protocol endpoint is not a REST resource")
                .isFalse();
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Json.parse(response.body()).path("__type").asString()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception:").doesNotContain("\tat ");
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return Json.parse(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
