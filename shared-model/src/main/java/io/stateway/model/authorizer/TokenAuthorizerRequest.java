package io.stateway.model.authorizer;

import java.util.Objects;

/**
 * A {@code TOKEN} authorizer event: {@code {"type": "TOKEN", "authorizationToken": "...",
 * "methodArn": "..."}}.
 *
 * @param type always {@link AuthorizerType#TOKEN}
 * @param authorizationToken the value of the identity source header, as the caller sent it
 * @param methodArn see {@link AuthorizerRequest#methodArn()}
 */
public record TokenAuthorizerRequest(AuthorizerType type, String authorizationToken, String methodArn)
        implements AuthorizerRequest {

    public TokenAuthorizerRequest {
        if (type != AuthorizerType.TOKEN) {
            throw new IllegalArgumentException("a TOKEN authorizer event has type TOKEN, not " + type);
        }
        Objects.requireNonNull(authorizationToken, "authorizationToken");
        Objects.requireNonNull(methodArn, "methodArn");
    }

    public TokenAuthorizerRequest(String authorizationToken, String methodArn) {
        this(AuthorizerType.TOKEN, authorizationToken, methodArn);
    }
}
