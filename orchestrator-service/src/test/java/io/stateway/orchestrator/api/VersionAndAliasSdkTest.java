package io.stateway.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stateway.testsupport.SpringTestServers;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineAliasResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.ListStateMachineAliasesResponse;
import software.amazon.awssdk.services.sfn.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineAliasListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineVersionListItem;
import software.amazon.awssdk.services.sfn.model.UpdateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** Versions and aliases of state machines over the AWS JSON 1.0 protocol, driven by the AWS SDK. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@SpringTestServers
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VersionAndAliasSdkTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/stateway";
    static final String MACHINES = "arn:aws:states:us-east-1:123456789012:stateMachine:";

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

    static String pass(String result) {
        return "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":\"" + result + "\",\"End\":true}}}";
    }

    @Test
    void createStateMachine_withPublish_publishesVersionOneWithItsDescription() {
        CreateStateMachineResponse created = sfn.createStateMachine(b -> b.name("published")
                .definition(pass("one"))
                .roleArn(ROLE)
                .publish(true)
                .versionDescription("first"));

        assertThat(created.stateMachineVersionArn()).isEqualTo(MACHINES + "published:1");
        DescribeStateMachineResponse version =
                sfn.describeStateMachine(b -> b.stateMachineArn(created.stateMachineVersionArn()));
        assertThat(version.stateMachineArn()).isEqualTo(MACHINES + "published:1");
        assertThat(version.definition()).isEqualTo(pass("one"));
        assertThat(version.description()).isEqualTo("first");
        assertThat(version.name()).isEqualTo("published");
    }

    @Test
    void publishStateMachineVersion_sameRevisionTwice_returnsTheSameVersion_andUpdatesMakeNewOnes() {
        String machine = create("versioned", pass("a"));

        String v1 =
                sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn();
        String again =
                sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn();
        UpdateStateMachineResponse updated = sfn.updateStateMachine(b ->
                b.stateMachineArn(machine).definition(pass("b")).publish(true).versionDescription("bee"));

        assertThat(v1).isEqualTo(machine + ":1");
        assertThat(again).isEqualTo(v1);
        assertThat(updated.stateMachineVersionArn()).isEqualTo(machine + ":2");
        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(v1)).definition())
                .isEqualTo(pass("a"));
        DescribeStateMachineResponse v2 =
                sfn.describeStateMachine(b -> b.stateMachineArn(updated.stateMachineVersionArn()));
        assertThat(v2.definition()).isEqualTo(pass("b"));
        assertThat(v2.revisionId()).isEqualTo(updated.revisionId());
        assertThat(v2.description()).isEqualTo("bee");
        assertThat(sfn.listStateMachineVersions(b -> b.stateMachineArn(machine)).stateMachineVersions())
                .extracting(StateMachineVersionListItem::stateMachineVersionArn)
                .containsExactly(machine + ":2", v1);
    }

    @Test
    void publishStateMachineVersion_staleRevisionId_isConflictException() {
        String machine = create("conflicted", pass("a"));
        String first = sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(pass("b")))
                .revisionId();
        String second = sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(pass("c")))
                .revisionId();

        assertThatThrownBy(() -> sfn.publishStateMachineVersion(
                        b -> b.stateMachineArn(machine).revisionId(first)))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Failed to publish the State Machine version for revision " + first
                                        + ". The current State Machine revision is " + second + "."));
        assertThat(sfn.publishStateMachineVersion(
                                b -> b.stateMachineArn(machine).revisionId(second))
                        .stateMachineVersionArn())
                .isEqualTo(machine + ":1");
        assertThatThrownBy(() -> sfn.publishStateMachineVersion(b -> b.stateMachineArn(MACHINES + "ssm_nonexistent")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.publishStateMachineVersion(b -> b.stateMachineArn("invalid_arn")))
                .isInstanceOfSatisfying(
                        InvalidArnException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Invalid Arn: 'Invalid ARN prefix: invalid_arn'"));
    }

    @Test
    void deleteStateMachineVersion_numbersAreNeverReused_andDeletingTwiceSucceeds() {
        String machine = sfn.createStateMachine(b ->
                        b.name("renumbered").definition(pass("a")).roleArn(ROLE).publish(true))
                .stateMachineArn();

        sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(machine + ":1"));
        sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(machine + ":1"));
        sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(pass("b")));
        String next =
                sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn();

        assertThat(next).isEqualTo(machine + ":2");
        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(machine + ":1")))
                .isInstanceOfSatisfying(
                        StateMachineDoesNotExistException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("State Machine Does Not Exist: '" + machine + ":1'"));
    }

    @Test
    void listStateMachineVersions_pages_newestFirst() {
        String machine = create("many-versions", pass("0"));
        for (int i = 1; i <= 5; i++) {
            String result = String.valueOf(i);
            sfn.updateStateMachine(
                    b -> b.stateMachineArn(machine).definition(pass(result)).publish(true));
        }

        var first = sfn.listStateMachineVersions(b -> b.stateMachineArn(machine).maxResults(2));
        var second = sfn.listStateMachineVersions(
                b -> b.stateMachineArn(machine).maxResults(2).nextToken(first.nextToken()));

        assertThat(first.stateMachineVersions())
                .extracting(StateMachineVersionListItem::stateMachineVersionArn)
                .containsExactly(machine + ":5", machine + ":4");
        assertThat(second.stateMachineVersions())
                .extracting(StateMachineVersionListItem::stateMachineVersionArn)
                .containsExactly(machine + ":3", machine + ":2");
    }

    @Test
    void createStateMachineAlias_describeUpdateListDelete_lifecycle() {
        String machine = create("aliased", pass("a"));
        String v1 =
                sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn();
        String v2 = sfn.updateStateMachine(
                        b -> b.stateMachineArn(machine).definition(pass("b")).publish(true))
                .stateMachineVersionArn();

        String alias = sfn.createStateMachineAlias(b -> b.name("prod")
                        .description("production")
                        .routingConfiguration(r -> r.stateMachineVersionArn(v1).weight(100)))
                .stateMachineAliasArn();
        sfn.updateStateMachineAlias(b -> b.stateMachineAliasArn(alias)
                .routingConfiguration(
                        r -> r.stateMachineVersionArn(v1).weight(90),
                        r -> r.stateMachineVersionArn(v2).weight(10)));
        DescribeStateMachineAliasResponse described = sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias));

        assertThat(alias).isEqualTo(machine + ":prod");
        assertThat(described.name()).isEqualTo("prod");
        assertThat(described.description()).isEqualTo("production");
        assertThat(described.routingConfiguration())
                .containsExactly(
                        RoutingConfigurationListItem.builder()
                                .stateMachineVersionArn(v1)
                                .weight(90)
                                .build(),
                        RoutingConfigurationListItem.builder()
                                .stateMachineVersionArn(v2)
                                .weight(10)
                                .build());
        assertThat(described.updateDate()).isAfterOrEqualTo(described.creationDate());
        ListStateMachineAliasesResponse listed = sfn.listStateMachineAliases(b -> b.stateMachineArn(machine));
        assertThat(listed.stateMachineAliases())
                .extracting(StateMachineAliasListItem::stateMachineAliasArn)
                .containsExactly(alias);

        assertThatThrownBy(() -> sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(v1)))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo(
                                        "Version to be deleted must not be referenced by an alias. Current list of aliases"
                                                + " referencing this version: [prod]"));
        sfn.deleteStateMachineAlias(b -> b.stateMachineAliasArn(alias));
        sfn.deleteStateMachineAlias(b -> b.stateMachineAliasArn(alias));
        sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(v1));
        assertThat(sfn.listStateMachineAliases(b -> b.stateMachineArn(machine)).stateMachineAliases())
                .isEmpty();
        assertThatThrownBy(() -> sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias)))
                .isInstanceOfSatisfying(
                        ResourceNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Request references a resource that does not exist."));
        assertThatThrownBy(() -> sfn.updateStateMachineAlias(
                        b -> b.stateMachineAliasArn(alias).description("x")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void createStateMachineAlias_sameAgain_isIdempotent_andDifferentIsConflict() {
        String machine = create("idempotent-alias", pass("a"));
        String v1 =
                sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn();

        var first = sfn.createStateMachineAlias(b -> b.name("live")
                .routingConfiguration(r -> r.stateMachineVersionArn(v1).weight(100)));
        var again = sfn.createStateMachineAlias(b -> b.name("live")
                .routingConfiguration(r -> r.stateMachineVersionArn(v1).weight(100)));

        assertThat(again.stateMachineAliasArn()).isEqualTo(first.stateMachineAliasArn());
        assertThat(again.creationDate()).isEqualTo(first.creationDate());
        assertThatThrownBy(() -> sfn.createStateMachineAlias(b -> b.name("live")
                        .description("changed")
                        .routingConfiguration(r -> r.stateMachineVersionArn(v1).weight(100))))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Failed to create alias because an alias with the same name and a different"
                                        + " routing configuration already exists."));
    }

    @Test
    void createStateMachineAlias_invalidRouting_isValidationExceptionWordedAsAws() {
        String machine = create("badly-routed", pass("a"));
        String v1 =
                sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn();
        String v2 = sfn.updateStateMachine(
                        b -> b.stateMachineArn(machine).definition(pass("b")).publish(true))
                .stateMachineVersionArn();
        String v3 = sfn.updateStateMachine(
                        b -> b.stateMachineArn(machine).definition(pass("c")).publish(true))
                .stateMachineVersionArn();

        assertValidation(
                List.of(route(v1, 50), route(v2, 30), route(v3, 20)),
                "1 validation error detected: Value '[RoutingConfigurationListItem(stateMachineVersionArn=" + v1
                        + ", weight=50), RoutingConfigurationListItem(stateMachineVersionArn=" + v2
                        + ", weight=30), RoutingConfigurationListItem(stateMachineVersionArn=" + v3
                        + ", weight=20)]' at 'routingConfiguration' failed to satisfy constraint: Member must have"
                        + " length less than or equal to 2");
        assertValidation(
                List.of(route(v1, 50), route(v1, 50)),
                "Routing configuration must contain distinct state machine version ARNs. Received: [" + v1 + ", " + v1
                        + "]");
        assertValidation(
                List.of(route(machine, 50), route(v2, 50)),
                "Routing configuration must contain state machine version ARNs. Received: [" + machine + ", " + v2
                        + "]");
        assertValidation(
                List.of(route(v1, 101)),
                "1 validation error detected: Value '101' at 'routingConfiguration.1.member.weight' failed to satisfy"
                        + " constraint: Member must have value less than or equal to 100");
        assertValidation(
                List.of(route(v1, 70), route(v2, 29)),
                "Sum of routing configuration weights must equal 100. Received: [70, 29]");
        assertThatThrownBy(() -> sfn.createStateMachineAlias(
                        b -> b.name("ghost").routingConfiguration(route(machine + ":99", 100))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void createStateMachineAlias_invalidName_isValidationExceptionWithAwsPattern() {
        String machine = create("alias-names", pass("a"));
        String v1 =
                sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn();

        for (String name : List.of("123", "INVALID ALIAS", "!INVALID", "ALIAS@")) {
            assertThatThrownBy(
                            () -> sfn.createStateMachineAlias(b -> b.name(name).routingConfiguration(route(v1, 100))))
                    .as(name)
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage())
                                    .isEqualTo("1 validation error detected: Value '" + name
                                            + "' at 'name' failed to satisfy"
                                            + " constraint: Member must satisfy regular expression pattern:"
                                            + " ^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$"));
        }
        assertThatThrownBy(() -> sfn.updateStateMachineAlias(b -> b.stateMachineAliasArn(machine + ":live")))
                .isInstanceOfSatisfying(
                        MissingRequiredParameterException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Either the description or the RoutingConfiguration must be specified"));
    }

    @Test
    void deleteStateMachine_withVersionsAndAliases_deletesThemAll() {
        String machine = sfn.createStateMachine(
                        b -> b.name("whole").definition(pass("a")).roleArn(ROLE).publish(true))
                .stateMachineArn();
        String alias = sfn.createStateMachineAlias(
                        b -> b.name("current").routingConfiguration(route(machine + ":1", 100)))
                .stateMachineAliasArn();

        sfn.deleteStateMachine(b -> b.stateMachineArn(machine));

        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(machine + ":1")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sfn.deleteStateMachine(b -> b.stateMachineArn(machine + ":1")))
                .as("a version ARN is not a machine")
                .isInstanceOf(ValidationException.class);
    }

    private void assertValidation(List<RoutingConfigurationListItem> routes, String message) {
        assertThatThrownBy(
                        () -> sfn.createStateMachineAlias(b -> b.name("routes").routingConfiguration(routes)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message));
    }

    private static RoutingConfigurationListItem route(String version, int weight) {
        return RoutingConfigurationListItem.builder()
                .stateMachineVersionArn(version)
                .weight(weight)
                .build();
    }

    private String create(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE))
                .stateMachineArn();
    }
}
