package io.stateway.orchestrator.asl.validation;

import static io.stateway.orchestrator.asl.validation.ValidationFixtures.finding;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.findings;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.onlyError;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.schemaError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MapRulesTest {

    @Test
    void label_empty_isInvalidLabelName() {
        assertThat(onlyError("map-label-empty"))
                .isEqualTo(
                        finding(DiagnosticCode.INVALID_LABEL_NAME, "Label cannot be empty", "/States/MapState/Label"));
    }

    @Test
    void label_longerThanFortyCharacters_isInvalidLabelName() {
        assertThat(onlyError("map-label-too-long").message()).isEqualTo("Label cannot exceed 40 characters");
    }

    @Test
    void label_withColon_namesTheCharacterAsPythonQuotesIt() {
        assertThat(onlyError("map-label-invalid-colon").message()).isEqualTo("Label contains invalid character: ':'");
    }

    @Test
    void label_usedByTwoMaps_isDuplicateLabelName() {
        assertThat(onlyError("map-label-duplicate"))
                .isEqualTo(
                        finding(DiagnosticCode.DUPLICATE_LABEL_NAME, "Duplicate Label name: same", "/States/B/Label"));
    }

    @Test
    void map_withoutItemProcessor_requiresIt() {
        assertThat(onlyError("map-without-processor"))
                .isEqualTo(schemaError("These fields are required: [ItemProcessor]", "/States/M"));
    }

    @Test
    void distributedProcessor_withoutExecutionType_requiresIt() {
        assertThat(onlyError("map-distributed-without-execution-type"))
                .isEqualTo(schemaError(
                        "These fields are required: [ExecutionType]", "/States/M/ItemProcessor/ProcessorConfig"));
    }

    @Test
    void maxConcurrency_negative_isOutOfRange() {
        assertThat(onlyError("map-negative-max-concurrency"))
                .isEqualTo(schemaError("Value must be greater than or equal to 0", "/States/M/MaxConcurrency"));
    }

    @Test
    void toleratedFailurePercentage_aboveHundred_isOutOfRange() {
        assertThat(onlyError("map-tolerated-percentage-above-100"))
                .isEqualTo(
                        schemaError("Value must be less than or equal to 100", "/States/M/ToleratedFailurePercentage"));
    }

    @Test
    void items_inJsonPathState_isNotSupported() {
        assertThat(onlyError("map-items-in-jsonpath"))
                .isEqualTo(schemaError("Field 'Items' is not supported", "/States/M"));
    }

    @Test
    void items_asJsonataExpression_isAccepted() {
        assertThat(findings("map-items-in-jsonata")).isEmpty();
    }

    @Test
    void itemReader_withUnknownS3Api_isNotRecognized() {
        assertThat(onlyError("map-item-reader-bad-resource").location()).isEqualTo("/States/M/ItemReader/Resource");
    }

    @Test
    void jsonataResultWriter_withParametersInsteadOfArguments_requiresArgumentsAsAwsReports() {
        assertThat(onlyError("map-result-writer-jsonata-parameters"))
                .isEqualTo(schemaError("These fields are required: [Arguments]", "/States/Stage/ResultWriter"));
    }

    @Test
    void itemBatcher_withoutAnySize_needsOne() {
        assertThat(onlyError("map-item-batcher-without-size").location()).isEqualTo("/States/M/ItemBatcher");
    }

    @Test
    void deprecatedIteratorWithParameters_isAccepted() {
        assertThat(findings("map-iterator-with-parameters")).isEmpty();
    }

    @Test
    void parameters_withItemSelector_isOnlyOneOfThem() {
        assertThat(onlyError("map-parameters-and-item-selector"))
                .isEqualTo(schemaError(
                        "Only one of these fields can be present: [ItemSelector, Parameters]", "/States/M"));
    }
}
