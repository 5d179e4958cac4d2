package io.stateway.gateway.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One case of an API Gateway conformance corpus ({@code cases/<category>/<id>.json}): an API, a stage,
 * optionally a backend and API keys, and requests with the responses AWS gave.
 *
 * @param id the case's id
 * @param category its category (the folder)
 * @param endpointType EDGE or REGIONAL
 * @param api the OpenAPI document to import
 * @param stageName the stage to deploy to
 * @param stageVariables the stage's variables
 * @param backend what the integration talks to; a missing node if none
 * @param apiKeys API keys to create before the requests
 * @param requests the requests, in order
 */
public record ApigwCase(
        String id,
        String category,
        String endpointType,
        JsonNode api,
        String stageName,
        Map<String, String> stageVariables,
        JsonNode backend,
        List<JsonNode> apiKeys,
        List<Request> requests) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param name the request's name
     * @param method the method
     * @param path the raw path, stage included
     * @param query the raw query string, null if none
     * @param headers the headers to send, in order, names as written
     * @param body the body text, null if none
     * @param expected what AWS answered
     */
    public record Request(
            String name,
            String method,
            String path,
            String query,
            Map<String, String> headers,
            String body,
            JsonNode expected) {}

    /** Every case under {@code <corpus>/cases}, sorted by category and id. */
    public static List<ApigwCase> readAll(Path corpus) {
        Path cases = corpus.resolve("cases");
        if (!Files.isDirectory(cases)) {
            cases = corpus;
        }
        try (Stream<Path> files = Files.walk(cases)) {
            List<ApigwCase> all = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json"))
                    .sorted(Comparator.naturalOrder())
                    .toList()) {
                all.add(read(file));
            }
            all.sort(Comparator.comparing(ApigwCase::category).thenComparing(ApigwCase::id));
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the corpus at " + corpus, e);
        }
    }

    static ApigwCase read(Path file) throws IOException {
        JsonNode node = JSON.readTree(Files.readString(file));
        Map<String, String> variables = new LinkedHashMap<>();
        node.path("stage")
                .path("variables")
                .properties()
                .forEach(e -> variables.put(e.getKey(), e.getValue().asString()));
        List<Request> requests = new ArrayList<>();
        for (JsonNode request : node.path("requests")) {
            Map<String, String> headers = new LinkedHashMap<>();
            request.path("headers")
                    .properties()
                    .forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
            requests.add(new Request(
                    request.path("name").asString(),
                    request.path("method").asString(),
                    request.path("path").asString(),
                    request.hasNonNull("query") ? request.get("query").asString() : null,
                    headers,
                    request.hasNonNull("body") ? request.get("body").asString() : null,
                    request.get("expected")));
        }
        List<JsonNode> keys = new ArrayList<>();
        node.path("apiKeys").forEach(keys::add);
        String category = node.hasNonNull("category")
                ? node.get("category").asString()
                : file.getParent().getFileName().toString();
        return new ApigwCase(
                node.path("id").asString(file.getFileName().toString().replace(".json", "")),
                category,
                node.path("endpointType").asString("REGIONAL"),
                node.get("api"),
                node.path("stage").path("name").asString("dev"),
                variables,
                node.path("backend"),
                keys,
                requests);
    }
}
