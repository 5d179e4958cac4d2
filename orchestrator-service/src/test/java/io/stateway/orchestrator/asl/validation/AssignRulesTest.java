package io.stateway.orchestrator.asl.validation;

import static io.stateway.orchestrator.asl.validation.ValidationFixtures.findings;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.onlyError;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.schemaError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AssignRulesTest {

    @Test
    void variableName_withHyphen_isNotValid() {
        assertThat(onlyError("assign-invalid-name"))
                .isEqualTo(schemaError("The variable name 'my-var' is not valid", "/States/P/Assign"));
    }

    @Test
    void variableName_states_isReserved() {
        assertThat(onlyError("assign-reserved-states"))
                .isEqualTo(schemaError("The variable name 'states' is reserved", "/States/P/Assign"));
    }

    @Test
    void jsonPathAssign_withDynamicAndStaticVariables_isAccepted() {
        assertThat(findings("assign-jsonpath-dynamic")).isEmpty();
    }

    @Test
    void assign_largerThan256KiB_exceedsTheLimit() {
        assertThat(onlyError("assign-too-large"))
                .isEqualTo(
                        schemaError("The field 'Assign' exceeds the maximum size of 262144 bytes", "/States/P/Assign"));
    }
}
