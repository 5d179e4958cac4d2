package io.stateway.model.authorizer;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The event the gateway sends a custom authorizer, in the shape AWS API Gateway sends a Lambda
 * authorizer, so that existing authorizer functions work unchanged. Which one it is follows from
 * {@code type}.
 */
@JsonTypeInfo(
        use = JsonTypeInfo.Id.NAME,
        include = JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "type",
        visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(value = TokenAuthorizerRequest.class, name = "TOKEN"),
    @JsonSubTypes.Type(value = RequestAuthorizerRequest.class, name = "REQUEST")
})
public sealed interface AuthorizerRequest permits TokenAuthorizerRequest, RequestAuthorizerRequest {

    AuthorizerType type();

    /**
     * The method being called, {@code
     * arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{httpMethod}/{resourcePath}}: the
     * authorizer's policy is evaluated against it.
     */
    String methodArn();
}
