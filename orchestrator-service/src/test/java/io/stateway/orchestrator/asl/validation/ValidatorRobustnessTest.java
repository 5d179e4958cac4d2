package io.stateway.orchestrator.asl.validation;

import static io.stateway.orchestrator.asl.validation.ValidationFixtures.VALIDATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.stateway.model.StateMachineType;
import io.stateway.orchestrator.asl.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The validator must answer every text with findings, never an exception: mutated fixture
 * definitions (seeded, so failures reproduce) are validated for both machine types and rendered
 * for both APIs.
 */
class ValidatorRobustnessTest {

    private static final List<String> FIXTURES = List.of(
            "complete-jsonpath-machine",
            "complete-jsonata-machine",
            "several-problems",
            "map-result-writer-jsonata-parameters",
            "choice-nested-next",
            "task-credentials-role-path",
            "template-intrinsic-valid-escape",
            "map-iterator-with-parameters");

    private static final JsonNode[] REPLACEMENTS = {
        Json.NODES.nullNode(),
        Json.NODES.numberNode(-1),
        Json.NODES.numberNode(1.5),
        Json.NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890")),
        Json.NODES.numberNode(new java.math.BigDecimal("1E+400")),
        Json.NODES.numberNode(new java.math.BigDecimal("-1E+400")),
        Json.NODES.booleanNode(true),
        Json.NODES.stringNode(""),
        Json.NODES.stringNode("$.x"),
        Json.NODES.stringNode("$$"),
        Json.NODES.stringNode("{% $states.input. %}"),
        Json.NODES.stringNode("{%%}"),
        Json.NODES.stringNode("States.Format('{}', $.a"),
        Json.NODES.stringNode("arn:aws:states:::lambda:invoke.sync"),
        Json.NODES.stringNode("Map"),
        Json.NODES.stringNode("JSONata"),
        Json.NODES.arrayNode(),
        Json.NODES.objectNode(),
    };

    private final Random random = new Random(20_240_611L);

    @Test
    void mutatedDefinitions_alwaysYieldFindingsNeverExceptions() {
        for (String fixture : FIXTURES) {
            JsonNode original = Json.parse(ValidationFixtures.text(fixture));
            for (int round = 0; round < 250; round++) {
                JsonNode mutant = original.deepCopy();
                for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                    mutate(mutant);
                }
                String text = random.nextInt(4) == 0 ? mutateText(Json.text(mutant)) : Json.text(mutant);
                assertThatCode(() -> exercise(text)).as("definition %s", text).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void legacySyntaxScanner_rejectsExactlyWhatTheParserRejects() {
        var lenient = Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (String fixture : FIXTURES) {
            String original = ValidationFixtures.text(fixture);
            for (int round = 0; round < 250; round++) {
                String text = mutateText(original);
                boolean parserRejects;
                try {
                    lenient.readTree(text);
                    parserRejects = false;
                } catch (JacksonException e) {
                    parserRejects = true;
                }
                assertThat(LegacyJsonSyntax.firstError(text).isPresent())
                        .as("text %s", text)
                        .isEqualTo(parserRejects);
            }
        }
    }

    private static void exercise(String text) {
        for (StateMachineType type : StateMachineType.values()) {
            VALIDATOR.rejectionOnCreate(text, type);
            VALIDATOR.validate(text, type, Severity.WARNING, 3);
        }
    }

    private void mutate(JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>(object.propertyNames());
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(3)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, REPLACEMENTS[random.nextInt(REPLACEMENTS.length)].deepCopy());
                default -> object.set(name + (random.nextBoolean() ? ".$" : "Path"), object.get(name));
            }
        } else if (target instanceof ArrayNode array && !array.isEmpty()) {
            array.set(random.nextInt(array.size()), REPLACEMENTS[random.nextInt(REPLACEMENTS.length)].deepCopy());
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainer()) {
            containers.add(node);
            node.values().forEach(child -> collect(child, containers));
        }
    }

    private String mutateText(String text) {
        StringBuilder out = new StringBuilder(text);
        int position = random.nextInt(out.length());
        String noise = "{}[]:,\"'\\/-0.eE tnfu\u0001\n";
        switch (random.nextInt(3)) {
            case 0 -> out.deleteCharAt(position);
            case 1 -> out.insert(position, noise.charAt(random.nextInt(noise.length())));
            default -> out.setCharAt(position, noise.charAt(random.nextInt(noise.length())));
        }
        return out.toString();
    }
}
