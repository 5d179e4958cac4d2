package io.stateway.orchestrator.asl.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stateway.model.StateMachineType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Runs the validator on the ASL conformance corpus: every case recorded as a CreateStateMachine
 * error or a ValidateStateMachineDefinition answer must be reproduced exactly, and every
 * definition AWS executed must be accepted. Skipped, saying so, when the corpus is absent.
 */
class DefinitionCorpusConformanceTest {

    /** Raise as the validator improves; never lower. */
    private static final int CREATION_AND_VALIDATION_FLOOR = 87;

    private static final int ACCEPTED_EXECUTIONS_FLOOR = 682;

    private static List<AslCorpus.Case> cases;
    private final DefinitionValidator validator = new DefinitionValidator();

    @BeforeAll
    static void loadCorpus() {
        Optional<Path> corpus = AslCorpus.locate();
        assumeTrue(
                corpus.isPresent(),
                "ASL conformance corpus not found (looked for shared/asl-conformance above the working directory,"
                        + " -Dasl.conformance.dir and ASL_CONFORMANCE_DIR): skipping the corpus run");
        cases = AslCorpus.cases(corpus.get());
    }

    @Test
    void creationErrorAndValidationCases_reproduceAwsAnswersExactly() {
        Map<String, int[]> byCategory = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int passed = 0;
        for (AslCorpus.Case c : cases) {
            Optional<String> problem;
            if (c.expected().has("creationError")) {
                problem = creationProblem(c);
            } else if (c.expected().has("validation")) {
                problem = validationProblem(c);
            } else {
                continue;
            }
            int[] counts = byCategory.computeIfAbsent(c.category(), k -> new int[2]);
            if (problem.isEmpty()) {
                passed++;
                counts[0]++;
            } else {
                counts[1]++;
                failures.add(c.id() + ": " + problem.get());
            }
        }
        report("creation errors and validations", byCategory, failures, passed);
        assertThat(passed)
                .as("cases reproduced; failures: %s", failures)
                .isGreaterThanOrEqualTo(CREATION_AND_VALIDATION_FLOOR);
    }

    @Test
    void executedDefinitions_areAccepted() {
        Map<String, int[]> byCategory = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int passed = 0;
        for (AslCorpus.Case c : cases) {
            if (!c.expected().has("status")) {
                continue;
            }
            DefinitionCheck check = validator.check(c.definitionText(), StateMachineType.valueOf(c.type()));
            int[] counts = byCategory.computeIfAbsent(c.category(), k -> new int[2]);
            List<Finding> errors = check instanceof DefinitionCheck.Checked checked
                    ? checked.findings().stream().filter(Finding::isError).toList()
                    : List.of();
            if (check instanceof DefinitionCheck.Checked && errors.isEmpty()) {
                passed++;
                counts[0]++;
            } else {
                counts[1]++;
                failures.add(c.id() + ": rejected with " + (errors.isEmpty() ? check : errors));
            }
        }
        report("executed definitions accepted", byCategory, failures, passed);
        assertThat(passed)
                .as("definitions accepted; failures: %s", failures)
                .isGreaterThanOrEqualTo(ACCEPTED_EXECUTIONS_FLOOR);
    }

    private Optional<String> creationProblem(AslCorpus.Case c) {
        JsonNode expected = c.expected().get("creationError");
        Optional<DefinitionRejection> rejection =
                validator.rejectionOnCreate(c.definitionText(), StateMachineType.valueOf(c.type()));
        if (rejection.isEmpty()) {
            return Optional.of("accepted, expected " + expected.get("type").stringValue());
        }
        if (!rejection.get().type().awsCode().equals(expected.get("type").stringValue())) {
            return Optional.of("type " + rejection.get().type().awsCode());
        }
        String message = expected.get("message").stringValue();
        return ExpectedText.matches(message, rejection.get().message())
                ? Optional.empty()
                : Optional.of("message " + rejection.get().message() + " | expected " + message);
    }

    private Optional<String> validationProblem(AslCorpus.Case c) {
        JsonNode expected = c.expected().get("validation");
        JsonNode parameters = c.parameters();
        Severity severity = parameters != null && parameters.has("severity")
                ? Severity.valueOf(parameters.get("severity").stringValue())
                : Severity.ERROR;
        int maxResults = parameters != null && parameters.has("maxResults")
                ? parameters.get("maxResults").intValue()
                : 0;
        String type = parameters != null && parameters.has("type")
                ? parameters.get("type").stringValue()
                : c.type();
        ValidateDefinitionOutcome outcome =
                validator.validate(c.definitionText(), StateMachineType.valueOf(type), severity, maxResults);
        if (!(outcome instanceof ValidateDefinitionOutcome.Answered answered)) {
            return Optional.of("rejected: " + outcome);
        }
        if (!answered.result().name().equals(expected.get("result").stringValue())
                || answered.truncated() != expected.get("truncated").booleanValue()
                || answered.diagnostics().size() != expected.get("diagnostics").size()) {
            return Optional.of("answered " + answered);
        }
        for (int i = 0; i < answered.diagnostics().size(); i++) {
            Finding actual = answered.diagnostics().get(i);
            JsonNode wanted = expected.get("diagnostics").get(i);
            boolean same = actual.code().name().equals(wanted.get("code").stringValue())
                    && actual.severity().name().equals(wanted.get("severity").stringValue())
                    && ExpectedText.matches(wanted.get("message").stringValue(), actual.message())
                    && (wanted.has("location")
                            ? ExpectedText.matches(wanted.get("location").stringValue(), actual.location())
                            : actual.location() == null);
            if (!same) {
                return Optional.of("diagnostic " + i + " " + actual + " | expected " + wanted);
            }
        }
        return Optional.empty();
    }

    private static void report(String title, Map<String, int[]> byCategory, List<String> failures, int passed) {
        StringBuilder table = new StringBuilder("\n").append(title).append('\n');
        byCategory.forEach((category, counts) ->
                table.append(String.format("  %-16s %4d passed %4d failed%n", category, counts[0], counts[1])));
        failures.forEach(failure -> table.append("  FAIL ").append(failure).append('\n'));
        table.append(passed).append(" passed, ").append(failures.size()).append(" failed");
        System.out.println(table);
    }
}
