package io.stateway.orchestrator.asl.validation;

import io.stateway.orchestrator.asl.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The ASL conformance corpus ({@code shared/asl-conformance}), read in place: never copied into the
 * project. Found through {@code -Dasl.conformance.dir}, {@code ASL_CONFORMANCE_DIR}, or by walking
 * up from the working directory.
 */
final class AslCorpus {

    /** One case file: its id, category, definition as sent, machine type and expectation. */
    record Case(
            String id, String category, String definitionText, String type, JsonNode expected, JsonNode parameters) {}

    private AslCorpus() {}

    static Optional<Path> locate() {
        String configured = Optional.ofNullable(System.getProperty("asl.conformance.dir"))
                .orElse(System.getenv("ASL_CONFORMANCE_DIR"));
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(Files::isDirectory);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("asl-conformance");
            if (Files.isDirectory(candidate.resolve("cases"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static List<Case> cases(Path corpus) {
        try (Stream<Path> files = Files.walk(corpus.resolve("cases"))) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .sorted()
                    .map(AslCorpus::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Case read(Path file) {
        try {
            JsonNode node = Json.parse(Files.readString(file));
            JsonNode definition = node.get("definition");
            // A definition stored as a string is text that was sent as is; an object was sent as Python's json.dumps.
            String text = definition.isString() ? definition.stringValue() : PythonJson.dumps(definition);
            return new Case(
                    node.get("id").stringValue(),
                    node.get("category").stringValue(),
                    text,
                    node.has("stateMachineType") ? node.get("stateMachineType").stringValue() : "STANDARD",
                    node.get("expected"),
                    node.get("validationParameters"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
