package io.stateway.model.authorizer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code REQUEST} authorizer event, with the method request's parameters as AWS passes them to a
 * Lambda authorizer of a REST API. Absent maps are empty, never null.
 *
 * @param type always {@link AuthorizerType#REQUEST}
 * @param methodArn see {@link AuthorizerRequest#methodArn()}
 * @param resource the resource path template, e.g. {@code /pets/{id}}
 * @param path the request path, e.g. {@code /pets/7}
 * @param httpMethod e.g. {@code GET}
 * @param headers the last value of each header
 * @param multiValueHeaders every value of each header
 * @param queryStringParameters the last value of each query string parameter
 * @param multiValueQueryStringParameters every value of each query string parameter
 * @param pathParameters the values of the resource's path parameters
 * @param stageVariables the stage's variables
 * @param requestContext where and by whom the request was made
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestAuthorizerRequest(
        AuthorizerType type,
        String methodArn,
        String resource,
        String path,
        String httpMethod,
        Map<String, String> headers,
        Map<String, List<String>> multiValueHeaders,
        Map<String, String> queryStringParameters,
        Map<String, List<String>> multiValueQueryStringParameters,
        Map<String, String> pathParameters,
        Map<String, String> stageVariables,
        RequestContext requestContext)
        implements AuthorizerRequest {

    public RequestAuthorizerRequest {
        if (type != AuthorizerType.REQUEST) {
            throw new IllegalArgumentException("a REQUEST authorizer event has type REQUEST, not " + type);
        }
        Objects.requireNonNull(methodArn, "methodArn");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        multiValueHeaders = multiValueHeaders == null ? Map.of() : Map.copyOf(multiValueHeaders);
        queryStringParameters = queryStringParameters == null ? Map.of() : Map.copyOf(queryStringParameters);
        multiValueQueryStringParameters =
                multiValueQueryStringParameters == null ? Map.of() : Map.copyOf(multiValueQueryStringParameters);
        pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        stageVariables = stageVariables == null ? Map.of() : Map.copyOf(stageVariables);
    }

    /**
     * The request context of the event (a subset of API Gateway's {@code $context}).
     *
     * @param accountId the API owner's account
     * @param apiId the API's id
     * @param stage the stage name
     * @param requestId the id of this request
     * @param resourceId the id of the matched resource
     * @param resourcePath the resource path template
     * @param httpMethod the method
     * @param path the full request path, stage included
     * @param identity who made the request
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestContext(
            String accountId,
            String apiId,
            String stage,
            String requestId,
            String resourceId,
            String resourcePath,
            String httpMethod,
            String path,
            Identity identity) {}

    /**
     * The caller, as far as the gateway knows it before authorization.
     *
     * @param sourceIp the client's address
     * @param userAgent the {@code User-Agent} header
     * @param apiKey the API key sent in {@code x-api-key}, if any
     * @param apiKeyId the id of that key, if it is known
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Identity(String sourceIp, String userAgent, String apiKey, String apiKeyId) {}
}
