package io.stateway.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stateway.orchestrator.StepFunctionsException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArnsAndNamesTest {

    @Test
    void statesArn_wellFormed_isTakenApart() {
        StatesArn arn = StatesArn.parse("arn:aws:states:us-east-1:123456789012:execution:Orders:run-1");

        assertThat(arn.partition()).isEqualTo("aws");
        assertThat(arn.region()).isEqualTo("us-east-1");
        assertThat(arn.account()).isEqualTo("123456789012");
        assertThat(arn.resourceType()).isEqualTo("execution");
        assertThat(arn.resource()).containsExactly("Orders", "run-1");
    }

    @Test
    void statesArn_malformed_isInvalidArnWithTheReason() {
        assertInvalid("not_a_valid_arn", "Invalid Arn: 'Invalid ARN prefix: not_a_valid_arn'");
        assertInvalid(
                "arn:aws:states:us-east-1:123456789012:stateMachine",
                "Invalid Arn: 'Invalid ARN: arn:aws:states:us-east-1:123456789012:stateMachine'");
        assertInvalid("arn:aws:lambda:us-east-1:123456789012:function:f", "Invalid Arn: 'Invalid ARN service: lambda'");
        assertInvalid("arn:aws:states:us-east-1:12345:stateMachine:x", "Invalid Arn: 'Invalid account id: 12345'");
        assertInvalid(
                "arn:aws:states:us-east-1:123456789012:stateMachine::x",
                "Invalid Arn: 'Invalid ARN: arn:aws:states:us-east-1:123456789012:stateMachine::x'");
        assertThatThrownBy(() -> StatesArn.parse("arn:aws:states:us-east-1:123456789012:activity:a", "stateMachine"))
                .hasMessage("Invalid Arn: 'Resource type not valid in this context: activity'");
    }

    @Test
    void names_awsForbiddenCharacters_areInvalid() {
        assertThat(Names.isValid("Orders-2024_v1.final")).isTrue();
        assertThat(Names.isValid("ünïcödé")).isTrue();
        for (String name : List.of(
                "",
                "a b",
                "a\u00a0b",
                "a<b",
                "a}b",
                "a?b",
                "a*b",
                "a\"b",
                "a#b",
                "a%b",
                "a\\b",
                "a^b",
                "a|b",
                "a~b",
                "a`b",
                "a$b",
                "a&b",
                "a,b",
                "a;b",
                "a:b",
                "a/b",
                "a\u0000b",
                "a\u007fb",
                "a\u0085b",
                "n".repeat(81))) {
            assertThat(Names.isValid(name)).as(name).isFalse();
        }
        assertThatThrownBy(() -> Names.check("a b")).isInstanceOfSatisfying(StepFunctionsException.class, e -> {
            assertThat(e.code()).isEqualTo("InvalidName");
            assertThat(e.getMessage()).isEqualTo("Invalid Name: 'a b'");
        });
    }

    @Test
    void violations_several_areReportedTogetherInAwsWording() {
        Violations violations = new Violations()
                .required("name", null)
                .range("maxResults", 1001, 0, 1000)
                .sensitiveLength("definition", "", 1, 10)
                .oneOf("type", "SLOW", List.of("STANDARD", "EXPRESS"));

        assertThatThrownBy(violations::throwIfAny).isInstanceOfSatisfying(StepFunctionsException.class, e -> {
            assertThat(e.code()).isEqualTo("ValidationException");
            assertThat(e.getMessage())
                    .isEqualTo("4 validation errors detected: Value null at 'name' failed to satisfy constraint:"
                            + " Member must not be null; Value '1001' at 'maxResults' failed to satisfy"
                            + " constraint: Member must have value less than or equal to 1000; Value at"
                            + " 'definition' failed to satisfy constraint: Member must have length greater than"
                            + " or equal to 1; Value 'SLOW' at 'type' failed to satisfy constraint: Member must"
                            + " satisfy enum value set: [STANDARD, EXPRESS]");
        });
        new Violations().required("name", "x").length("name", "x", 1, 80).throwIfAny();
    }

    @Test
    void pageTokens_roundTrip_andForeignTokensAreInvalidToken() {
        String token = PageTokens.encode("stateMachines", "orders");

        assertThat(PageTokens.decode("stateMachines", token, 1)).containsExactly("orders");
        for (String foreign :
                List.of("%%%", PageTokens.encode("versions", "orders"), PageTokens.encode("stateMachines", "a", "b"))) {
            assertThatThrownBy(() -> PageTokens.decode("stateMachines", foreign, 1))
                    .isInstanceOfSatisfying(
                            StepFunctionsException.class,
                            e -> assertThat(e.code()).isEqualTo("InvalidToken"));
        }
        assertThat(PageTokens.pageSize(null)).isEqualTo(100);
        assertThat(PageTokens.pageSize(0)).isEqualTo(100);
        assertThat(PageTokens.pageSize(7)).isEqualTo(7);
    }

    private static void assertInvalid(String arn, String message) {
        assertThatThrownBy(() -> StatesArn.parse(arn)).isInstanceOfSatisfying(StepFunctionsException.class, e -> {
            assertThat(e.code()).isEqualTo("InvalidArn");
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
