package io.stateway.gateway.pipeline;

/**
 * The order of the gateway's filters, all in one place. A request passes them top to bottom; their
 * post-processing runs bottom to top. Authentication (SigV4, JWT, custom authorizer: a method uses at most
 * one) comes before {@link #API_KEY}, which may take its key from the custom authorizer. Throttling is decided
 * once per request, as early as its buckets are known: a method without an API key before authentication
 * ({@link #THROTTLE_BEFORE_AUTHENTICATION}: account and stage limits, so a flood of bad credentials is
 * throttled before it costs a signature check), a method with one right after the key, whose usage plan's
 * buckets and quota join the same Redis call ({@link #THROTTLE}).
 */
public final class FilterOrder {

    /** Access log line, written once the response is complete. */
    public static final int ACCESS_LOG = -1100;

    /** Latency, status and cache metrics per API, stage and route. */
    public static final int METRICS = -1050;

    /** Request id and context; turns every failure into a gateway response; writes the final response. */
    public static final int REQUEST_CONTEXT = -1000;

    /** CORS preflight answers and CORS response headers. */
    public static final int CORS = -900;

    /** Finds the API, stage, resource and method, or answers 403 Missing Authentication Token. */
    public static final int ROUTE = -800;

    /** Enforces the request size limit on the streamed bytes; buffers bodies the pipeline must read. */
    public static final int PAYLOAD = -700;

    /**
     * Throttling of methods without an API key: the account's and the stage's or method's buckets. After the
     * payload filter, which has subscribed to a body it reads by then (a malformed body's error reaches it).
     */
    public static final int THROTTLE_BEFORE_AUTHENTICATION = -680;

    /** SigV4 (AWS_IAM): the signature and the access key's policies, checked by the authorizer-service. */
    public static final int SIGV4 = -660;

    /** JWT authorizers (jwt, cognito_user_pools): a valid token from the authorizer's issuer and keys. */
    public static final int JWT = -650;

    /** Custom (Lambda) authorizers: the function's cached policy, evaluated against the method ARN. */
    public static final int CUSTOM_AUTHORIZER = -640;

    /** Requires a valid, enabled API key of a usage plan covering the stage, where the method asks for one. */
    public static final int API_KEY = -600;

    /** Throttling and quotas of methods with an API key: account, stage/method and usage-plan buckets, one call. */
    public static final int THROTTLE = -550;

    /** Required parameters and request body models. */
    public static final int VALIDATION = -500;

    /** Answers from the response cache, and stores what the integration answered. */
    public static final int CACHE = -400;

    /** Integration response selection, response templates and parameters (runs after the integration). */
    public static final int RESPONSE_MAPPING = -300;

    /** Request parameters and templates: builds the integration request. */
    public static final int REQUEST_MAPPING = -200;

    /** Calls the backend. Last: nothing after it in the chain. */
    public static final int INTEGRATION = -100;

    private FilterOrder() {}
}
