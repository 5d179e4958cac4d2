package io.stateway.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stateway.orchestrator.asl.validation.DefinitionValidator;
import io.stateway.testsupport.SpringTestServers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidLoggingConfigurationException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.UpdateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** State machines over the AWS JSON 1.0 protocol, driven by the AWS SDK for Java v2 against a running service. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@SpringTestServers
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StateMachineSdkTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/stateway";
    static final String PASS = """
            {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";
    static final String PASS_WITH_RESULT = """
            {"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"a":1},"End":true}}}""";
    static final String ARN_PREFIX = "arn:aws:states:us-east-1:123456789012:stateMachine:";

    @LocalServerPort
    int port;

    SfnClient sfn;

    @BeforeAll
    void client() {
        sfn = SfnClients.local(port);
    }

    @AfterAll
    void close() {
        sfn.close();
    }

    @Test
    void createStateMachine_thenDescribe_reportsItWithAwsDefaults() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CreateStateMachineResponse created =
                sfn.createStateMachine(b -> b.name("orders").definition(PASS).roleArn(ROLE));

        assertThat(created.stateMachineArn()).isEqualTo(ARN_PREFIX + "orders");
        assertThat(created.creationDate()).isAfterOrEqualTo(before);
        assertThat(created.stateMachineVersionArn()).isNull();
        DescribeStateMachineResponse described =
                sfn.describeStateMachine(b -> b.stateMachineArn(created.stateMachineArn()));
        assertThat(described.name()).isEqualTo("orders");
        assertThat(described.definition()).isEqualTo(PASS);
        assertThat(described.roleArn()).isEqualTo(ROLE);
        assertThat(described.type()).isEqualTo(StateMachineType.STANDARD);
        assertThat(described.statusAsString()).isEqualTo("ACTIVE");
        assertThat(described.creationDate()).isEqualTo(created.creationDate());
        assertThat(described.loggingConfiguration().level()).isEqualTo(LogLevel.OFF);
        assertThat(described.loggingConfiguration().includeExecutionData()).isFalse();
        assertThat(described.tracingConfiguration().enabled()).isFalse();
        assertThat(described.revisionId())
                .as("a first revision has no id, as on AWS")
                .isNull();
    }

    @Test
    void createStateMachine_sameRequestAgain_returnsTheExistingMachine() {
        CreateStateMachineResponse first =
                sfn.createStateMachine(b -> b.name("repeat").definition(PASS).roleArn(ROLE));

        CreateStateMachineResponse again =
                sfn.createStateMachine(b -> b.name("repeat").definition(PASS).roleArn(ROLE + "-ignored"));

        assertThat(again.stateMachineArn()).isEqualTo(first.stateMachineArn());
        assertThat(again.creationDate()).isEqualTo(first.creationDate());
        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(first.stateMachineArn()))
                        .roleArn())
                .isEqualTo(ROLE);
    }

    @Test
    void createStateMachine_nameTakenWithAnotherDefinition_isStateMachineAlreadyExists() {
        sfn.createStateMachine(b -> b.name("taken").definition(PASS).roleArn(ROLE));

        assertThatThrownBy(() -> sfn.createStateMachine(
                        b -> b.name("taken").definition(PASS_WITH_RESULT).roleArn(ROLE)))
                .isInstanceOfSatisfying(StateMachineAlreadyExistsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("State Machine Already Exists: '" + ARN_PREFIX + "taken'");
                });
    }

    @Test
    void createStateMachine_invalidDefinition_isInvalidDefinitionWithTheValidatorsMessage() {
        String definition = """
                {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Missing"},"B":{"Type":"Succeed"}}}""";
        String expected = new DefinitionValidator()
                .rejectionOnCreate(definition, io.stateway.model.StateMachineType.STANDARD)
                .orElseThrow()
                .message();

        assertThatThrownBy(() -> sfn.createStateMachine(
                        b -> b.name("broken").definition(definition).roleArn(ROLE)))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo(expected)
                            .contains("/States/A/Next")
                            .contains("/States/B");
                });
        assertThatThrownBy(() -> sfn.createStateMachine(
                        b -> b.name("not-json").definition("{").roleArn(ROLE)))
                .isInstanceOf(InvalidDefinitionException.class);
    }

    @Test
    void createStateMachine_forbiddenCharactersInName_isInvalidName() {
        for (String name : List.of("with space", "colon:name", "slash/name", "star*", "tab\tname", "quote\"name")) {
            assertThatThrownBy(() -> sfn.createStateMachine(
                            b -> b.name(name).definition(PASS).roleArn(ROLE)))
                    .as(name)
                    .isInstanceOfSatisfying(
                            InvalidNameException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage())
                                    .isEqualTo("Invalid Name: '" + name + "'"));
        }
    }

    @Test
    void createStateMachine_missingAndOversizedMembers_isOneValidationExceptionListingEach() {
        assertThatThrownBy(() -> sfn.createStateMachine(b -> b.definition(PASS)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo(
                                        "2 validation errors detected: Value null at 'name' failed to satisfy constraint:"
                                                + " Member must not be null; Value null at 'roleArn' failed to satisfy constraint:"
                                                + " Member must not be null"));
        String longName = "n".repeat(81);
        assertThatThrownBy(() -> sfn.createStateMachine(
                        b -> b.name(longName).definition(PASS).roleArn(ROLE)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("1 validation error detected: Value '" + longName
                                        + "' at 'name' failed to satisfy"
                                        + " constraint: Member must have length less than or equal to 80"));
        assertThatThrownBy(() -> sfn.createStateMachine(
                        b -> b.name("typed").definition(PASS).roleArn(ROLE).type("SLOW")))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .endsWith("Member must satisfy enum value set: [STANDARD, EXPRESS]"));
    }

    @Test
    void createStateMachine_badRoleOrLogging_isInvalidArnOrInvalidLoggingConfiguration() {
        assertThatThrownBy(() -> sfn.createStateMachine(
                        b -> b.name("role").definition(PASS).roleArn("my-role")))
                .isInstanceOfSatisfying(
                        InvalidArnException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Invalid Arn: 'Invalid ARN prefix: my-role'"));
        assertThatThrownBy(() -> sfn.createStateMachine(b ->
                        b.name("logs").definition(PASS).roleArn(ROLE).loggingConfiguration(l -> l.level(LogLevel.ALL))))
                .isInstanceOfSatisfying(
                        InvalidLoggingConfigurationException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Invalid Logging Configuration: Must specify exactly one Log Destination."));
    }

    @Test
    void createStateMachine_versionDescriptionWithoutPublish_isValidationException() {
        assertThatThrownBy(() -> sfn.createStateMachine(
                        b -> b.name("described").definition(PASS).roleArn(ROLE).versionDescription("v1")))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Version description can only be set when publish is true"));
    }

    @Test
    void describeStateMachine_unknownOrMalformedArn_isStateMachineDoesNotExistOrInvalidArn() {
        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(ARN_PREFIX + "nope")))
                .isInstanceOfSatisfying(
                        StateMachineDoesNotExistException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("State Machine Does Not Exist: '" + ARN_PREFIX + "nope'"));
        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn("not_a_valid_arn")))
                .isInstanceOfSatisfying(
                        InvalidArnException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Invalid Arn: 'Invalid ARN prefix: not_a_valid_arn'"));
        assertThatThrownBy(() -> sfn.describeStateMachine(
                        b -> b.stateMachineArn("arn:aws:states:eu-west-1:123456789012:stateMachine:orders")))
                .as("another region's machine does not exist here")
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.describeStateMachine(
                        b -> b.stateMachineArn("arn:aws:states:us-east-1:123456789012:execution:orders:x")))
                .isInstanceOfSatisfying(
                        InvalidArnException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Invalid Arn: 'Resource type not valid in this context: execution'"));
    }

    @Test
    void updateStateMachine_changes_makeANewRevisionAndSameValuesKeepIt() {
        String arn = sfn.createStateMachine(
                        b -> b.name("evolving").definition(PASS).roleArn(ROLE))
                .stateMachineArn();

        UpdateStateMachineResponse changed =
                sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(PASS_WITH_RESULT));
        UpdateStateMachineResponse same =
                sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(PASS_WITH_RESULT));
        UpdateStateMachineResponse role =
                sfn.updateStateMachine(b -> b.stateMachineArn(arn).roleArn(ROLE + "2"));

        assertThat(changed.revisionId()).isNotBlank();
        assertThat(same.revisionId()).isEqualTo(changed.revisionId());
        assertThat(role.revisionId()).isNotEqualTo(changed.revisionId());
        DescribeStateMachineResponse described = sfn.describeStateMachine(b -> b.stateMachineArn(arn));
        assertThat(described.definition()).isEqualTo(PASS_WITH_RESULT);
        assertThat(described.roleArn()).isEqualTo(ROLE + "2");
        assertThat(described.revisionId()).isEqualTo(role.revisionId());
    }

    @Test
    void updateStateMachine_errors_areMissingRequiredParameterInvalidDefinitionAndDoesNotExist() {
        String arn = sfn.createStateMachine(
                        b -> b.name("strict").definition(PASS).roleArn(ROLE))
                .stateMachineArn();

        assertThatThrownBy(() -> sfn.updateStateMachine(b -> b.stateMachineArn(arn)))
                .isInstanceOfSatisfying(
                        MissingRequiredParameterException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Either the definition, the role ARN, the LoggingConfiguration, or the"
                                        + " TracingConfiguration must be specified"));
        assertThatThrownBy(
                        () -> sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition("{\"StartAt\":\"X\"}")))
                .isInstanceOfSatisfying(
                        InvalidDefinitionException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo(
                                        "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are"
                                                + " required: [States] at /'"));
        assertThatThrownBy(() -> sfn.updateStateMachine(
                        b -> b.stateMachineArn(ARN_PREFIX + "ghost").roleArn(ROLE)))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition())
                .as("a refused update changes nothing")
                .isEqualTo(PASS);
    }

    @Test
    void listStateMachines_pages_byNameWithTokens() {
        List<String> names = List.of("page-c", "page-a", "page-b");
        names.forEach(name ->
                sfn.createStateMachine(b -> b.name(name).definition(PASS).roleArn(ROLE)));

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListStateMachinesResponse page =
                    sfn.listStateMachines(b -> b.maxResults(2).nextToken(next));
            page.stateMachines().stream().map(StateMachineListItem::name).forEach(seen::add);
            assertThat(page.stateMachines()).hasSizeLessThanOrEqualTo(2);
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(seen).isSorted().contains("page-a", "page-b", "page-c");
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(sfn.listStateMachines(b -> b.maxResults(1000)).stateMachines())
                .extracting(StateMachineListItem::stateMachineArn)
                .contains(ARN_PREFIX + "page-a");
    }

    @Test
    void listStateMachines_badPaging_isInvalidTokenOrValidationException() {
        assertThatThrownBy(() -> sfn.listStateMachines(b -> b.nextToken("garbage!")))
                .isInstanceOfSatisfying(
                        InvalidTokenException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Invalid Token: 'Invalid token'"));
        assertThatThrownBy(() -> sfn.listStateMachines(b -> b.maxResults(1001)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("1 validation error detected: Value '1001' at 'maxResults' failed to satisfy"
                                        + " constraint: Member must have value less than or equal to 1000"));
    }

    @Test
    void deleteStateMachine_existingOrNot_succeedsAndTheNameIsFree() {
        String arn = sfn.createStateMachine(
                        b -> b.name("doomed").definition(PASS).roleArn(ROLE))
                .stateMachineArn();

        sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
        sfn.deleteStateMachine(b -> b.stateMachineArn(arn));

        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(arn)))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThat(sfn.createStateMachine(b ->
                                b.name("doomed").definition(PASS_WITH_RESULT).roleArn(ROLE))
                        .stateMachineArn())
                .isEqualTo(arn);
    }

    @Test
    void validateStateMachineDefinition_goodAndBad_reportsOkOrEveryDiagnostic() {
        ValidateStateMachineDefinitionResponse ok = sfn.validateStateMachineDefinition(b -> b.definition(PASS));
        ValidateStateMachineDefinitionResponse bad =
                sfn.validateStateMachineDefinition(b -> b.definition("{\"StartAt\":\"X\",\"States\":{}}"));

        assertThat(ok.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
        assertThat(ok.diagnostics()).isEmpty();
        assertThat(bad.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
        assertThat(bad.diagnostics()).isNotEmpty().allSatisfy(d -> {
            assertThat(d.severityAsString()).isEqualTo("ERROR");
            assertThat(d.code()).isNotBlank();
            assertThat(d.message()).isNotBlank();
        });
        assertThatThrownBy(() -> sfn.validateStateMachineDefinition(
                        b -> b.definition(PASS).maxResults(101)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void unsupportedAction_getActivityTask_isAnAwsShapedInvalidAction() {
        assertThatThrownBy(() ->
                        sfn.getActivityTask(b -> b.activityArn("arn:aws:states:us-east-1:123456789012:activity:queue")))
                .isInstanceOfSatisfying(SfnException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("GetActivityTask");
                });
    }
}
