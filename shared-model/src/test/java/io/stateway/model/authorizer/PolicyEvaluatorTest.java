package io.stateway.model.authorizer;

import static io.stateway.model.authorizer.PolicyEvaluator.Decision.ALLOW;
import static io.stateway.model.authorizer.PolicyEvaluator.Decision.EXPLICIT_DENY;
import static io.stateway.model.authorizer.PolicyEvaluator.Decision.IMPLICIT_DENY;
import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.model.authorizer.PolicyEvaluator.Decision;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** IAM's evaluation rules for execute-api policies, as AWS documents them for Lambda authorizers. */
class PolicyEvaluatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String API = "arn:aws:execute-api:us-east-1:123456789012:abcdef123";
    private static final String GET_PET = API + "/prod/GET/pets/7";

    private static PolicyDocument policy(String json) {
        return JSON.readValue(json, PolicyDocument.class);
    }

    private static Decision invoke(String policyJson, String methodArn) {
        return PolicyEvaluator.evaluateInvoke(policy(policyJson), methodArn);
    }

    @Test
    void allowStatement_onTheExactMethodArn_allows() {
        assertThat(invoke("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "%s"}]}""".formatted(GET_PET), GET_PET)).isEqualTo(ALLOW);
    }

    @Test
    void singleStatementObject_andStringActionAndResource_areAccepted() {
        assertThat(invoke("""
                {"Version": "2012-10-17", "Statement":
                  {"Effect": "Allow", "Action": ["execute-api:Invoke"], "Resource": ["%s/*"]}}""".formatted(API), GET_PET)).isEqualTo(ALLOW);
    }

    @Test
    void noApplyingStatement_isAnImplicitDeny() {
        assertThat(invoke("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "%s/prod/POST/*"}]}""".formatted(API), GET_PET)).isEqualTo(IMPLICIT_DENY);
    }

    @Test
    void explicitDeny_winsOverAnAllow_inWhicheverOrder() {
        String denyFirst = """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "%1$s/prod/GET/pets/*"},
                  {"Effect": "Allow", "Action": "execute-api:*", "Resource": "%1$s/*"}]}""".formatted(API);
        String allowFirst = """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "*", "Resource": "*"},
                  {"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "%1$s/prod/GET/pets/*"}]}""".formatted(API);

        assertThat(invoke(denyFirst, GET_PET)).isEqualTo(EXPLICIT_DENY);
        assertThat(invoke(allowFirst, GET_PET)).isEqualTo(EXPLICIT_DENY);
        assertThat(invoke(allowFirst, API + "/prod/GET/owners")).isEqualTo(ALLOW);
    }

    @Test
    void denyOfAnotherAction_doesNotDenyInvoke() {
        assertThat(invoke("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"},
                  {"Effect": "Deny", "Action": "execute-api:ManageConnections", "Resource": "*"}]}""", GET_PET)).isEqualTo(ALLOW);
    }

    @Test
    void allowOfAnotherAction_doesNotAllowInvoke() {
        assertThat(invoke("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "execute-api:ManageConnections", "Resource": "*"}]}""", GET_PET)).isEqualTo(IMPLICIT_DENY);
    }

    @Test
    void actions_compareCaseInsensitively_resourcesCaseSensitively() {
        assertThat(invoke("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "EXECUTE-API:invoke", "Resource": "%s"}]}""".formatted(GET_PET), GET_PET)).isEqualTo(ALLOW);
        assertThat(invoke("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "%s"}]}""".formatted(API + "/prod/get/pets/7"), GET_PET)).isEqualTo(IMPLICIT_DENY);
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "*, anything/at/all, true",
        "*, '', true",
        "arn:aws:execute-api:*:*:abcdef123/*, arn:aws:execute-api:us-east-1:123456789012:abcdef123/prod/GET/pets, true",
        "arn:aws:execute-api:*:*:abcdef123/*, arn:aws:execute-api:us-east-1:123456789012:other/prod/GET/pets, false",
        "*/prod/GET/pets/*, x/prod/GET/pets/7/toys, true",
        "*/prod/GET/pets/*, x/prod/GET/pets, false",
        "*/prod/*/pets, x/prod/DELETE/pets, true",
        "*/prod/GET/pets/?, x/prod/GET/pets/7, true",
        "*/prod/GET/pets/?, x/prod/GET/pets/17, false",
        "*/prod/GET/pets/??, x/prod/GET/pets/17, true",
        "a*b*c, abbbbc, true",
        "a*b*c, acb, false",
        "a**c, ac, true",
        "exact, exact, true",
        "exact, exactly, false",
        "exactly, exact, false",
    })
    void wildcards_followIamGlobRules(String pattern, String text, boolean expected) {
        assertThat(PolicyEvaluator.matches(pattern, text)).isEqualTo(expected);
    }

    @Test
    void manyStars_againstALongNonMatchingText_finishQuickly() {
        String pattern = "*a".repeat(50) + "b";
        String text = "a".repeat(10_000);

        assertThat(PolicyEvaluator.matches(pattern, text)).isFalse();
    }

    @Test
    void severalPolicies_anyAllowAndNoDeny_allows() {
        PolicyDocument allowGet = policy("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "%s/*/GET/*"}]}""".formatted(API));
        PolicyDocument denyProd = policy("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "%s/prod/*"}]}""".formatted(API));
        PolicyDocument unrelated = policy("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:*:*:other/*"}]}""");

        assertThat(PolicyEvaluator.evaluate(List.of(unrelated, allowGet), PolicyEvaluator.INVOKE, GET_PET))
                .isEqualTo(ALLOW);
        assertThat(PolicyEvaluator.evaluate(List.of(allowGet, denyProd), PolicyEvaluator.INVOKE, GET_PET))
                .isEqualTo(EXPLICIT_DENY);
        assertThat(PolicyEvaluator.evaluate(List.of(unrelated), PolicyEvaluator.INVOKE, GET_PET))
                .isEqualTo(IMPLICIT_DENY);
        assertThat(PolicyEvaluator.evaluate(List.of(), PolicyEvaluator.INVOKE, GET_PET))
                .isEqualTo(IMPLICIT_DENY);
    }
}
