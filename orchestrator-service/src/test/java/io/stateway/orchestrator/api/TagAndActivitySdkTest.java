package io.stateway.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stateway.testsupport.SpringTestServers;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ActivityListItem;
import software.amazon.awssdk.services.sfn.model.CreateActivityResponse;
import software.amazon.awssdk.services.sfn.model.DescribeActivityResponse;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.TooManyTagsException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** Tags and activities over the AWS JSON 1.0 protocol, driven by the AWS SDK. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@SpringTestServers
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TagAndActivitySdkTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/stateway";
    static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
    static final String ACTIVITIES = "arn:aws:states:us-east-1:123456789012:activity:";

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
    void tagResource_stateMachine_addsOverwritesListsAndRemovesTags() {
        String machine = sfn.createStateMachine(b ->
                        b.name("tagged").definition(PASS).roleArn(ROLE).tags(tag("team", "orders"), tag("env", "dev")))
                .stateMachineArn();

        sfn.tagResource(b -> b.resourceArn(machine).tags(tag("env", "prod"), tag("cost", "")));
        assertThat(sfn.listTagsForResource(b -> b.resourceArn(machine)).tags())
                .containsExactly(tag("cost", ""), tag("env", "prod"), tag("team", "orders"));

        sfn.untagResource(b -> b.resourceArn(machine).tagKeys("cost", "absent"));
        assertThat(sfn.listTagsForResource(b -> b.resourceArn(machine)).tags())
                .containsExactly(tag("env", "prod"), tag("team", "orders"));

        sfn.deleteStateMachine(b -> b.stateMachineArn(machine));
        sfn.createStateMachine(b -> b.name("tagged").definition(PASS).roleArn(ROLE));
        assertThat(sfn.listTagsForResource(b -> b.resourceArn(machine)).tags())
                .as("a deleted machine's tags go with it")
                .isEmpty();
    }

    @Test
    void tagResource_versionUnknownOrMalformedResource_isResourceNotFoundOrInvalidArn() {
        String machine = sfn.createStateMachine(b -> b.name("untaggable-versions")
                        .definition(PASS)
                        .roleArn(ROLE)
                        .publish(true))
                .stateMachineArn();

        assertThatThrownBy(
                        () -> sfn.tagResource(b -> b.resourceArn(machine + ":1").tags(tag("a", "b"))))
                .isInstanceOfSatisfying(
                        ResourceNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Resource not found: '" + machine + ":1'"));
        assertThatThrownBy(() -> sfn.listTagsForResource(b -> b.resourceArn(machine + "-missing")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(
                        () -> sfn.untagResource(b -> b.resourceArn("not-an-arn").tagKeys("a")))
                .isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(() -> sfn.tagResource(b -> b.resourceArn(machine).tags(tag("", "v"))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo(
                                        "1 validation error detected: Value '' at 'tags.1.member.key' failed to satisfy"
                                                + " constraint: Member must have length greater than or equal to 1"));
    }

    @Test
    void tagResource_beyondFiftyTags_isTooManyTags() {
        String machine = sfn.createStateMachine(
                        b -> b.name("crowded").definition(PASS).roleArn(ROLE))
                .stateMachineArn();
        List<Tag> fifty =
                IntStream.range(0, 50).mapToObj(i -> tag("k" + i, "v")).toList();

        sfn.tagResource(b -> b.resourceArn(machine).tags(fifty));

        assertThatThrownBy(() -> sfn.tagResource(b -> b.resourceArn(machine).tags(tag("one-more", "v"))))
                .isInstanceOf(TooManyTagsException.class);
        assertThat(sfn.listTagsForResource(b -> b.resourceArn(machine)).tags()).hasSize(50);
    }

    @Test
    void createActivity_idempotentByName_describedListedTaggedAndDeleted() {
        CreateActivityResponse created =
                sfn.createActivity(b -> b.name("approvals").tags(tag("team", "ops")));
        CreateActivityResponse again = sfn.createActivity(b -> b.name("approvals"));

        assertThat(created.activityArn()).isEqualTo(ACTIVITIES + "approvals");
        assertThat(again.activityArn()).isEqualTo(created.activityArn());
        assertThat(again.creationDate()).isEqualTo(created.creationDate());
        DescribeActivityResponse described = sfn.describeActivity(b -> b.activityArn(created.activityArn()));
        assertThat(described.name()).isEqualTo("approvals");
        assertThat(described.creationDate()).isEqualTo(created.creationDate());
        assertThat(sfn.listActivities(b -> b.maxResults(10)).activities())
                .extracting(ActivityListItem::activityArn)
                .contains(created.activityArn());
        assertThat(sfn.listTagsForResource(b -> b.resourceArn(created.activityArn()))
                        .tags())
                .containsExactly(tag("team", "ops"));

        sfn.deleteActivity(b -> b.activityArn(created.activityArn()));
        sfn.deleteActivity(b -> b.activityArn(created.activityArn()));

        assertThatThrownBy(() -> sfn.describeActivity(b -> b.activityArn(created.activityArn())))
                .isInstanceOfSatisfying(
                        ActivityDoesNotExistException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Activity Does Not Exist: '" + created.activityArn() + "'"));
    }

    @Test
    void createActivity_forbiddenCharacters_isInvalidName_andBadArnsAreInvalidArn() {
        for (String name :
                List.of("activity name", "activity<name", "activity:name", "activity/name", "activity\u0001")) {
            assertThatThrownBy(() -> sfn.createActivity(b -> b.name(name)))
                    .as(name)
                    .isInstanceOfSatisfying(
                            InvalidNameException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage())
                                    .isEqualTo("Invalid Name: '" + name + "'"));
        }
        assertThatThrownBy(() -> sfn.describeActivity(b -> b.activityArn("no_an_activity_arn")))
                .isInstanceOfSatisfying(
                        InvalidArnException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Invalid Arn: 'Invalid ARN prefix: no_an_activity_arn'"));
        assertThatThrownBy(() -> sfn.describeActivity(
                        b -> b.activityArn("arn:aws:states:us-east-1:123456789012:stateMachine:x")))
                .isInstanceOf(InvalidArnException.class);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
