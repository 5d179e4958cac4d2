package io.stateway.gateway.pipeline;

import io.stateway.gateway.routing.CompiledMethod;
import io.stateway.gateway.routing.DeployedStage;
import io.stateway.gateway.routing.RouteMatch;
import io.stateway.gateway.routing.StageRequest;
import io.stateway.model.apikey.KeySnapshot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;

/**
 * The state of one request as it passes the filters: what the client sent (in API Gateway's view), where
 * it was routed, what the mappings produced, what the backend answered and what the client gets. Created
 * by the request-context filter; each filter reads what earlier ones wrote.
 */
public final class Invocation {

    private static final String ATTRIBUTE = Invocation.class.getName();

    private final RequestIds ids;
    private final Instant startedAt;
    private final long startNanos;
    private final ClientRequest request;
    private final Map<String, Object> requestOverride = new LinkedHashMap<>();
    private final Map<String, Object> responseOverride = new LinkedHashMap<>();
    private StageRequest stageRequest;
    private RouteMatch match;
    private byte[] body;
    private IntegrationRequest integrationRequest;
    private EndpointResponse endpointResponse;
    private MethodResponse methodResponse;
    private boolean streamed;
    private boolean keepResponse;
    private GatewayError error;
    private long integrationLatencyMillis = -1;
    private int integrationStatus = -1;
    private long responseLength = -1;
    private int status;
    private String apiKey;
    private String apiKeyId;
    private KeySnapshot.Plan usagePlan;
    private Map<String, Object> authorizer;
    private String accessKey;
    private String usageIdentifierKey;
    private String cacheResult;

    Invocation(RequestIds ids, Instant startedAt, long startNanos, ClientRequest request) {
        this.ids = ids;
        this.startedAt = startedAt;
        this.startNanos = startNanos;
        this.request = request;
        requestOverride.put("header", new LinkedHashMap<String, Object>());
        requestOverride.put("querystring", new LinkedHashMap<String, Object>());
        requestOverride.put("path", new LinkedHashMap<String, Object>());
        responseOverride.put("header", new LinkedHashMap<String, Object>());
        responseOverride.put("status", 0);
    }

    public static Invocation of(ServerWebExchange exchange) {
        Invocation invocation = exchange.getAttribute(ATTRIBUTE);
        if (invocation == null) {
            throw new IllegalStateException("The request-context filter has not run");
        }
        return invocation;
    }

    public static Optional<Invocation> find(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }

    void attachTo(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, this);
    }

    public RequestIds ids() {
        return ids;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long startNanos() {
        return startNanos;
    }

    public ClientRequest request() {
        return request;
    }

    public Optional<StageRequest> stageRequest() {
        return Optional.ofNullable(stageRequest);
    }

    public void routedTo(StageRequest resolved) {
        this.stageRequest = resolved;
    }

    public Optional<DeployedStage> stage() {
        return stageRequest().map(StageRequest::stage);
    }

    public Optional<RouteMatch> match() {
        return Optional.ofNullable(match);
    }

    public void matched(RouteMatch route) {
        this.match = route;
    }

    /** The matched method; only for filters after the route filter. */
    public CompiledMethod method() {
        return match.method();
    }

    public Map<String, String> pathParameters() {
        return match == null ? Map.of() : match.pathParameters();
    }

    /** The request body, once the payload filter buffered it; empty array when there is none. */
    public Optional<byte[]> body() {
        return Optional.ofNullable(body);
    }

    public void bodyBuffered(byte[] bytes) {
        this.body = bytes;
    }

    /** {@code $context.requestOverride}: header, querystring and path maps a request template may write. */
    public Map<String, Object> requestOverride() {
        return requestOverride;
    }

    /** {@code $context.responseOverride}: header map and status a template may write. */
    public Map<String, Object> responseOverride() {
        return responseOverride;
    }

    @SuppressWarnings("unchecked") // created above as maps of strings; templates write strings or numbers into them
    public Map<String, Object> override(Map<String, Object> overrides, String part) {
        return (Map<String, Object>) overrides.get(part);
    }

    public Optional<IntegrationRequest> integrationRequest() {
        return Optional.ofNullable(integrationRequest);
    }

    public void integrationRequest(IntegrationRequest request) {
        this.integrationRequest = request;
    }

    public Optional<EndpointResponse> endpointResponse() {
        return Optional.ofNullable(endpointResponse);
    }

    public void endpointResponse(EndpointResponse response) {
        this.endpointResponse = response;
    }

    public Optional<MethodResponse> methodResponse() {
        return Optional.ofNullable(methodResponse);
    }

    public void methodResponse(MethodResponse response) {
        this.methodResponse = response;
    }

    /** Whether the response was streamed to the client directly (HTTP_PROXY). */
    public boolean streamed() {
        return streamed;
    }

    public void markStreamed() {
        this.streamed = true;
    }

    /** Whether a later filter needs the whole response (the cache stores it): HTTP_PROXY must not stream it. */
    public boolean keepsResponse() {
        return keepResponse;
    }

    public void keepResponse() {
        this.keepResponse = true;
    }

    public Optional<GatewayError> error() {
        return Optional.ofNullable(error);
    }

    void failed(GatewayError failure) {
        this.error = failure;
    }

    public void integrationDone(long latencyMillis, int backendStatus) {
        this.integrationLatencyMillis = latencyMillis;
        this.integrationStatus = backendStatus;
    }

    public long integrationLatencyMillis() {
        return integrationLatencyMillis;
    }

    public int integrationStatus() {
        return integrationStatus;
    }

    public void completed(int finalStatus, long length) {
        this.status = finalStatus;
        this.responseLength = length;
    }

    public int status() {
        return status;
    }

    public long responseLength() {
        return responseLength;
    }

    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    public Optional<String> apiKeyId() {
        return Optional.ofNullable(apiKeyId);
    }

    /**
     * {@code $context.authorizer}: what the method's authorizer said about the caller ({@code principalId} and
     * a Lambda authorizer's context, or a JWT's {@code claims}); empty when no authorizer ran.
     */
    public Optional<Map<String, Object>> authorizer() {
        return Optional.ofNullable(authorizer);
    }

    /**
     * @param principalId the caller, or null when the authorizer names none
     * @param values the rest of {@code $context.authorizer}
     */
    public void authorized(String principalId, Map<String, Object> values) {
        Map<String, Object> context = new LinkedHashMap<>();
        if (principalId != null) {
            context.put("principalId", principalId);
        }
        context.putAll(values);
        this.authorizer = java.util.Collections.unmodifiableMap(context);
    }

    /** The access key id of a verified SigV4 signature ({@code $context.identity.accessKey}); empty otherwise. */
    public Optional<String> accessKey() {
        return Optional.ofNullable(accessKey);
    }

    public void signedWith(String accessKeyId) {
        this.accessKey = accessKeyId;
    }

    /** The API key a custom authorizer named ({@code usageIdentifierKey}), for APIs that take keys from it. */
    public Optional<String> usageIdentifierKey() {
        return Optional.ofNullable(usageIdentifierKey);
    }

    public void usageIdentifierKey(String key) {
        this.usageIdentifierKey = key;
    }

    /** The usage plan the accepted key is metered against on this stage; empty without a key. */
    public Optional<KeySnapshot.Plan> usagePlan() {
        return Optional.ofNullable(usagePlan);
    }

    public void apiKeyAccepted(String key, String keyId, KeySnapshot.Plan plan) {
        this.apiKey = key;
        this.apiKeyId = keyId;
        this.usagePlan = plan;
    }

    public Optional<String> cacheResult() {
        return Optional.ofNullable(cacheResult);
    }

    public void cacheResult(String result) {
        this.cacheResult = result;
    }

    /**
     * What the client sent, in API Gateway's view: the headers API Gateway drops on arrival are gone.
     *
     * @param httpMethod the method
     * @param host the Host header
     * @param rawPath the path as sent
     * @param rawQuery the query string as sent, empty if none
     * @param query decoded query parameters, in order
     * @param headers the headers
     * @param sourceIp the client's address
     * @param serverPort the port the request arrived on
     * @param scheme http or https
     */
    public record ClientRequest(
            String httpMethod,
            String host,
            String rawPath,
            String rawQuery,
            Map<String, List<String>> query,
            HeaderList headers,
            String sourceIp,
            int serverPort,
            String scheme) {

        /** The last value of each query parameter (API Gateway's single-value view). */
        public Map<String, String> singleQuery() {
            Map<String, String> single = new LinkedHashMap<>();
            query.forEach((name, values) -> single.put(name, values.getLast()));
            return single;
        }
    }
}
