package io.stateway.orchestrator.conformance;

import io.stateway.orchestrator.asl.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * One case of an ASL conformance corpus (see the corpus README): a definition, an input, and what
 * AWS answered.
 *
 * @param definition the definition as sent; a string when the case sent text that is not an object
 * @param functions the Lambda functions the definition calls, or {@code null}
 */
record AslCase(
        String id,
        String category,
        JsonNode definition,
        JsonNode input,
        String stateMachineType,
        JsonNode functions,
        JsonNode validationParameters,
        JsonNode expected) {

    boolean express() {
        return "EXPRESS".equals(stateMachineType);
    }

    /** The definition's text as the client sent it. */
    String definitionText() {
        return definition.isString() ? definition.stringValue() : Json.text(definition);
    }

    static AslCase read(Path file) {
        try {
            JsonNode json = Json.MAPPER.readTree(Files.readAllBytes(file));
            return new AslCase(
                    json.path("id").asString(),
                    json.path("category").asString(),
                    json.get("definition"),
                    json.has("input") ? json.get("input") : Json.NODES.objectNode(),
                    json.path("stateMachineType").asString("STANDARD"),
                    json.get("functions"),
                    json.get("validationParameters"),
                    json.get("expected"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read case " + file, e);
        }
    }

    /** Every case under {@code corpus/cases}, in a stable order. */
    static List<AslCase> readAll(Path corpus) {
        Path cases = corpus.resolve("cases");
        if (!Files.isDirectory(cases)) {
            cases = corpus;
        }
        try (Stream<Path> files = Files.walk(cases)) {
            List<AslCase> all = new ArrayList<>();
            files.filter(f -> f.toString().endsWith(".json"))
                    .sorted(Comparator.comparing(Path::toString))
                    .forEach(f -> all.add(read(f)));
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list cases under " + corpus, e);
        }
    }
}
