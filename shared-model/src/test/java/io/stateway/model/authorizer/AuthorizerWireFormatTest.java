package io.stateway.model.authorizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stateway.model.authorizer.PolicyStatement.Effect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shapes AWS documents for Lambda authorizers' input and output. */
class AuthorizerWireFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request";

    @Test
    void request_tokenEvent_readsAsTokenRequest() {
        AuthorizerRequest request = JSON.readValue("""
                {"type": "TOKEN", "authorizationToken": "allow", "methodArn": "%s"}""".formatted(METHOD_ARN), AuthorizerRequest.class);

        assertThat(request).isEqualTo(new TokenAuthorizerRequest("allow", METHOD_ARN));
    }

    @Test
    void request_tokenRequest_writesAwsShape() {
        JsonNode json = JSON.valueToTree(new TokenAuthorizerRequest("allow", METHOD_ARN));

        assertThat(json.propertyNames()).containsExactlyInAnyOrder("type", "authorizationToken", "methodArn");
        assertThat(json.get("type").asString()).isEqualTo("TOKEN");
    }

    @Test
    void request_requestEvent_readsParametersAndContextIgnoringFieldsWeDoNotModel() {
        AuthorizerRequest request = JSON.readValue("""
                {
                  "type": "REQUEST",
                  "methodArn": "%s",
                  "resource": "/request",
                  "path": "/request",
                  "httpMethod": "GET",
                  "headers": {"HeaderAuth1": "headerValue1"},
                  "multiValueHeaders": {"HeaderAuth1": ["headerValue1"]},
                  "queryStringParameters": {"QueryString1": "queryValue1"},
                  "multiValueQueryStringParameters": {"QueryString1": ["queryValue1"]},
                  "pathParameters": {},
                  "stageVariables": {"StageVar1": "stageValue1"},
                  "requestContext": {
                    "path": "/request",
                    "accountId": "123456789012",
                    "resourceId": "05c7jb",
                    "stage": "test",
                    "requestId": "...",
                    "identity": {"apiKey": "...", "sourceIp": "203.0.113.7", "clientCert": {"subjectDN": "x"}},
                    "resourcePath": "/request",
                    "httpMethod": "GET",
                    "apiId": "abcdef123"
                  }
                }""".formatted(METHOD_ARN), AuthorizerRequest.class);

        assertThat(request).isInstanceOfSatisfying(RequestAuthorizerRequest.class, r -> {
            assertThat(r.type()).isEqualTo(AuthorizerType.REQUEST);
            assertThat(r.headers()).containsEntry("HeaderAuth1", "headerValue1");
            assertThat(r.multiValueQueryStringParameters()).containsEntry("QueryString1", List.of("queryValue1"));
            assertThat(r.stageVariables()).containsEntry("StageVar1", "stageValue1");
            assertThat(r.requestContext().apiId()).isEqualTo("abcdef123");
            assertThat(r.requestContext().identity().sourceIp()).isEqualTo("203.0.113.7");
        });
    }

    @Test
    void request_requestEventWithoutParameters_hasEmptyMaps() {
        RequestAuthorizerRequest request =
                (RequestAuthorizerRequest) JSON.readValue("""
                {"type": "REQUEST", "methodArn": "%s", "headers": null}""".formatted(METHOD_ARN), AuthorizerRequest.class);

        assertThat(request.headers()).isEmpty();
        assertThat(request.queryStringParameters()).isEmpty();
    }

    @Test
    void response_singleStringActionAndResource_readAsLists() {
        AuthorizerResponse response = JSON.readValue("""
                {
                  "principalId": "user|a1b2c3d4",
                  "policyDocument": {
                    "Version": "2012-10-17",
                    "Statement": [{"Action": "execute-api:Invoke", "Effect": "Allow", "Resource": "%s"}]
                  },
                  "context": {"stringKey": "value", "numberKey": 1, "booleanKey": true},
                  "usageIdentifierKey": "{api-key}"
                }""".formatted(METHOD_ARN), AuthorizerResponse.class);

        PolicyStatement statement = response.policyDocument().statement().getFirst();
        assertThat(statement.action()).containsExactly("execute-api:Invoke");
        assertThat(statement.effect()).isEqualTo(Effect.ALLOW);
        assertThat(statement.resource()).containsExactly(METHOD_ARN);
        assertThat(response.context()).containsEntry("numberKey", 1).containsEntry("booleanKey", true);
        assertThat(response.usageIdentifierKey()).isEqualTo("{api-key}");
    }

    @Test
    void response_written_usesAwsCapitalisedPolicyNames() {
        AuthorizerResponse response = new AuthorizerResponse(
                "user",
                new PolicyDocument(
                        PolicyDocument.VERSION,
                        List.of(new PolicyStatement(List.of("execute-api:Invoke"), Effect.DENY, List.of("*")))),
                Map.of(),
                null);

        JsonNode policy = JSON.valueToTree(response).get("policyDocument");

        assertThat(policy.get("Version").asString()).isEqualTo("2012-10-17");
        assertThat(policy.get("Statement").get(0).get("Effect").asString()).isEqualTo("Deny");
        assertThat(policy.get("Statement").get(0).get("Resource").get(0).asString())
                .isEqualTo("*");
    }

    @Test
    void response_contextWithAnObject_isRejectedAsAwsDoes() {
        PolicyDocument policy = new PolicyDocument(
                PolicyDocument.VERSION,
                List.of(new PolicyStatement(List.of("execute-api:Invoke"), Effect.ALLOW, List.of("*"))));

        assertThatThrownBy(() -> new AuthorizerResponse("user", policy, Map.of("nested", Map.of()), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nested' must be a string, number or boolean");
    }

    @Test
    void policy_withoutStatements_isRejected() {
        assertThatThrownBy(() -> new PolicyDocument(PolicyDocument.VERSION, List.of()))
                .hasMessageContaining("at least one Statement");
    }

    @Test
    void tokenRequest_withAnotherType_isRejected() {
        assertThatThrownBy(() -> new TokenAuthorizerRequest(AuthorizerType.REQUEST, "t", METHOD_ARN))
                .hasMessageContaining("type TOKEN");
    }
}
