package io.stateway.model.authorizer;

/** The two kinds of custom (Lambda) authorizer of a REST API, named as in the event's {@code type}. */
public enum AuthorizerType {
    /** The authorizer gets one token, taken from the identity source header. */
    TOKEN,
    /** The authorizer gets the request's headers, query string, path parameters, stage variables and context. */
    REQUEST
}
