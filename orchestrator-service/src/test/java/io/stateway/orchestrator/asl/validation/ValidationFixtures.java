package io.stateway.orchestrator.asl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.model.StateMachineType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loads the fixture definitions under {@code src/test/resources/asl/validation} and validates them. */
final class ValidationFixtures {

    static final DefinitionValidator VALIDATOR = new DefinitionValidator();

    private ValidationFixtures() {}

    static String text(String fixture) {
        try (InputStream in = ValidationFixtures.class.getResourceAsStream("/asl/validation/" + fixture + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Finding> findings(String fixture) {
        return findings(fixture, StateMachineType.STANDARD);
    }

    static List<Finding> findings(String fixture, StateMachineType type) {
        return findingsOfText(text(fixture), type);
    }

    static List<Finding> findingsOfText(String text, StateMachineType type) {
        DefinitionCheck check = VALIDATOR.check(text, type);
        assertThat(check).isInstanceOf(DefinitionCheck.Checked.class);
        return ((DefinitionCheck.Checked) check).findings();
    }

    static List<Finding> errors(String fixture) {
        return findings(fixture).stream().filter(Finding::isError).toList();
    }

    /** The fixture's single error, asserting there is exactly one. */
    static Finding onlyError(String fixture) {
        return onlyError(fixture, StateMachineType.STANDARD);
    }

    static Finding onlyError(String fixture, StateMachineType type) {
        List<Finding> errors =
                findings(fixture, type).stream().filter(Finding::isError).toList();
        assertThat(errors).as("errors of %s", fixture).hasSize(1);
        return errors.get(0);
    }

    static Finding schemaError(String message, String location) {
        return Finding.of(DiagnosticCode.SCHEMA_VALIDATION_FAILED, message, location);
    }

    static Finding finding(DiagnosticCode code, String message, String location) {
        return Finding.of(code, message, location);
    }
}
