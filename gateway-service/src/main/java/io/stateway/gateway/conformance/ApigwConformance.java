package io.stateway.gateway.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs API Gateway conformance cases against a running gateway: for each case, stands up its backend,
 * imports and deploys its API (and API keys), sends its requests as written and compares the answers.
 * Every case leaves nothing behind. Nothing here knows any case: only the corpus's vocabulary.
 */
public final class ApigwConformance {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BACKEND_HOST = "backend.example";

    private final AdminClient admin;
    private final FunctionHost functions;
    private final RawHttpClient http;
    private final int port;

    /**
     * @param functions the function host the gateway's {@code stateway.gateway.functions.url-template} points at
     */
    public ApigwConformance(AdminClient admin, FunctionHost functions, int dataPlanePort) {
        this.admin = admin;
        this.functions = functions;
        this.port = dataPlanePort;
        this.http = new RawHttpClient("127.0.0.1", dataPlanePort, 60_000);
    }

    public List<CaseResult> run(List<ApigwCase> cases) {
        List<CaseResult> results = new ArrayList<>();
        for (ApigwCase testCase : cases) {
            results.add(run(testCase));
        }
        return results;
    }

    public CaseResult run(ApigwCase testCase) {
        List<String> failures = new ArrayList<>();
        JsonNode backend = testCase.backend();
        String type = backend.path("type").asString("");
        HttpBackendServer server = type.equals("http")
                ? HttpBackendServer.start(
                        backend.path("behavior").asString(),
                        backend.path("trimXHeaders").asBoolean(false))
                : null;
        String function = type.equals("lambda") ? backend.path("function").asString() : null;
        if (function != null) {
            functions.register(function, LambdaBehaviors.of(backend));
        }
        String apiId = null;
        List<String> keyIds = new ArrayList<>();
        List<String> planIds = new ArrayList<>();
        try {
            Map<String, String> variables = new LinkedHashMap<>(testCase.stageVariables());
            String document = document(testCase, server, variables);
            apiId = admin.importApi(document, testCase.endpointType(), null);
            admin.deploy(apiId, testCase.stageName(), variables);
            for (JsonNode key : testCase.apiKeys()) {
                keyIds.add(createKey(key, apiId, testCase.stageName(), planIds));
            }
            for (ApigwCase.Request request : testCase.requests()) {
                failures.addAll(send(apiId, request));
            }
        } catch (AdminClient.AdminCallFailed e) {
            failures.add("setup refused: " + Expectations.shorten(e.getMessage()));
        } catch (RuntimeException e) {
            failures.add("setup failed: " + e);
        } finally {
            cleanUp(apiId, keyIds, planIds);
            if (server != null) {
                server.close();
            }
            if (function != null) {
                functions.unregister(function);
            }
        }
        return new CaseResult(testCase, failures);
    }

    /**
     * The case's API with the backend's place filled in: {@code https://backend.example} becomes the local
     * backend's URL, a stage variable {@code backend.example} its host and port, and URIs built from stage
     * variables then use plain http (the local backend has no TLS), as the corpus allows.
     */
    private static String document(ApigwCase testCase, HttpBackendServer server, Map<String, String> variables) {
        String text = JSON.writeValueAsString(testCase.api());
        if (server == null) {
            return text;
        }
        text = text.replace("https://" + BACKEND_HOST, server.baseUrl())
                .replace("http://" + BACKEND_HOST, server.baseUrl());
        boolean replacedVariable = false;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            if (variable.getValue().contains(BACKEND_HOST)) {
                variable.setValue(variable.getValue().replace(BACKEND_HOST, server.hostAndPort()));
                replacedVariable = true;
            }
        }
        if (replacedVariable) {
            text = text.replace("https://${stageVariables.", "http://${stageVariables.");
        }
        return text;
    }

    private String createKey(JsonNode key, String apiId, String stage, List<String> planIds) {
        String keyId = admin.createKey(
                key.path("name").asString("key"),
                key.path("value").asString(),
                key.path("enabled").asBoolean(true));
        JsonNode plan = key.path("usagePlan");
        if (!plan.isMissingNode()) {
            ObjectNode body = JSON.createObjectNode();
            body.put("name", plan.path("name").asString("plan"));
            if (plan.has("throttle")) {
                body.putObject("throttle")
                        .put(
                                "rateLimit",
                                plan.path("throttle").path("rateLimit").asDouble())
                        .put(
                                "burstLimit",
                                plan.path("throttle").path("burstLimit").asInt());
            }
            if (plan.has("quota")) {
                body.putObject("quota")
                        .put("limit", plan.path("quota").path("limit").asInt())
                        .put("period", plan.path("quota").path("period").asString("DAY"))
                        .put("offset", plan.path("quota").path("offset").asInt());
            }
            var stages = body.putArray("apiStages");
            for (JsonNode name : plan.path("stages")) {
                stages.addObject().put("apiId", apiId).put("stage", name.asString());
            }
            if (plan.path("stages").isEmpty()) {
                stages.addObject().put("apiId", apiId).put("stage", stage);
            }
            String planId = admin.createPlan(JSON.convertValue(body, Map.class));
            planIds.add(planId);
            admin.addKeyToPlan(planId, keyId);
        }
        return keyId;
    }

    private List<String> send(String apiId, ApigwCase.Request request) {
        List<String> failures = new ArrayList<>();
        try {
            RawHttpClient.Response response = http.send(
                    apiId + ".execute-api.localhost:" + port,
                    request.method(),
                    request.path(),
                    request.query(),
                    request.headers(),
                    request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8));
            for (String difference : Expectations.compare(request.expected(), response)) {
                failures.add(request.name() + ": " + difference);
            }
        } catch (IOException | RuntimeException e) {
            failures.add(request.name() + ": request failed: " + e);
        }
        return failures;
    }

    private void cleanUp(String apiId, List<String> keyIds, List<String> planIds) {
        planIds.forEach(admin::deletePlan);
        keyIds.forEach(admin::deleteKey);
        if (apiId != null) {
            admin.deleteApi(apiId);
        }
    }
}
