package io.stateway.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.runtime.FunctionServer;
import io.stateway.testsupport.SpringTestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineForExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/**
 * The execution lifecycle over the AWS JSON 1.0 protocol, driven by the AWS SDK for Java v2 against
 * the running service: start (by machine, version and alias), describe, list, history, stop,
 * redrive, callbacks, synchronous Express runs, and their errors. Functions run on a real HTTP
 * server registered through the function registry's REST API.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@SpringTestServers
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutionSdkTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/stateway";
    static final String MACHINES = "arn:aws:states:us-east-1:123456789012:stateMachine:";
    static final String EXECUTIONS = "arn:aws:states:us-east-1:123456789012:execution:";

    static final String GREETING = """
            {"StartAt":"Greet","States":{"Greet":{"Type":"Pass","Result":{"greeting":"hi"},"ResultPath":"$.out","End":true}}}""";
    static final String WAIT_AN_HOUR = """
            {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""";
    static final String CALLBACK = """
            {"StartAt":"Ask","States":{"Ask":{"Type":"Task",
              "Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters":{"FunctionName":"collect","Payload":{"token.$":"$$.Task.Token","who.$":"$.who"}},
              "End":true}}}""";
    static final String FLAKY = """
            {"StartAt":"Call","States":{"Call":{"Type":"Task",
              "Resource":"arn:aws:lambda:us-east-1:123456789012:function:flaky","End":true}}}""";

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    SfnClient sfn;
    final FunctionServer functions = new FunctionServer();
    final AtomicInteger flakyCalls = new AtomicInteger();

    @BeforeAll
    void setUp() throws Exception {
        sfn = SfnClients.local(port);
        functions.register("collect", event -> Json.NODES.objectNode().put("accepted", true));
        functions.register("flaky", event -> {
            if (flakyCalls.incrementAndGet() == 1) {
                throw new FunctionServer.FunctionError("Flaky.Error", "first call fails");
            }
            return Json.NODES.objectNode().put("attempt", flakyCalls.get());
        });
        register("collect");
        register("flaky");
    }

    @AfterAll
    void tearDown() {
        sfn.close();
        functions.close();
    }

    @Test
    void startExecution_passMachine_succeedsAndIsDescribedListedAndHistoried() {
        String machine = create("greeter", GREETING);

        StartExecutionResponse started =
                sfn.startExecution(b -> b.stateMachineArn(machine).name("run-1").input("{\"who\":\"Ada\"}"));

        assertThat(started.executionArn()).isEqualTo(EXECUTIONS + "greeter:run-1");
        DescribeExecutionResponse done = awaitClosed(started.executionArn());
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.stateMachineArn()).isEqualTo(machine);
        assertThat(done.name()).isEqualTo("run-1");
        assertThat(done.startDate()).isEqualTo(started.startDate());
        assertThat(done.stopDate()).isAfterOrEqualTo(done.startDate());
        assertThat(Json.parse(done.input())).isEqualTo(Json.parse("{\"who\":\"Ada\"}"));
        assertThat(Json.parse(done.output())).isEqualTo(Json.parse("{\"who\":\"Ada\",\"out\":{\"greeting\":\"hi\"}}"));
        assertThat(done.inputDetails().included()).isTrue();
        assertThat(done.redriveCount()).isZero();
        assertThat(done.redriveStatusAsString()).isEqualTo("NOT_REDRIVABLE");
        assertThat(done.redriveStatusReason()).isEqualTo("Execution is SUCCEEDED and cannot be redriven");

        assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine)).executions())
                .extracting(ExecutionListItem::executionArn, ExecutionListItem::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(started.executionArn(), ExecutionStatus.SUCCEEDED));
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.RUNNING))
                        .executions())
                .isEmpty();

        GetExecutionHistoryResponse history = sfn.getExecutionHistory(b -> b.executionArn(started.executionArn()));
        assertThat(history.events())
                .extracting(HistoryEvent::type)
                .containsExactly(
                        HistoryEventType.EXECUTION_STARTED,
                        HistoryEventType.PASS_STATE_ENTERED,
                        HistoryEventType.PASS_STATE_EXITED,
                        HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(history.events())
                .allSatisfy(event -> assertThat(event.timestamp()).isNotNull());
        assertThat(history.events().getFirst().executionStartedEventDetails().roleArn())
                .isEqualTo(ROLE);
        assertThat(history.events().get(1).stateEnteredEventDetails().name()).isEqualTo("Greet");
        GetExecutionHistoryResponse newestFirst = sfn.getExecutionHistory(
                b -> b.executionArn(started.executionArn()).reverseOrder(true).maxResults(1));
        assertThat(newestFirst.events())
                .extracting(HistoryEvent::type)
                .containsExactly(HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(newestFirst.nextToken()).isNotNull();
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(started.executionArn())
                                .reverseOrder(true)
                                .maxResults(1)
                                .nextToken(newestFirst.nextToken()))
                        .events())
                .extracting(HistoryEvent::type)
                .containsExactly(HistoryEventType.PASS_STATE_EXITED);
    }

    @Test
    void startExecution_sameNameAndInputWhileRunning_returnsTheSameExecutionElseExecutionAlreadyExists() {
        String machine = create("idempotent", WAIT_AN_HOUR);

        StartExecutionResponse first =
                sfn.startExecution(b -> b.stateMachineArn(machine).name("once").input("{}"));
        StartExecutionResponse again =
                sfn.startExecution(b -> b.stateMachineArn(machine).name("once").input("{}"));

        assertThat(again.executionArn()).isEqualTo(first.executionArn());
        assertThat(again.startDate()).isEqualTo(first.startDate());
        assertThatThrownBy(() -> sfn.startExecution(
                        b -> b.stateMachineArn(machine).name("once").input("{\"x\":1}")))
                .isInstanceOfSatisfying(
                        ExecutionAlreadyExistsException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Execution Already Exists: '" + first.executionArn() + "'"));
        sfn.stopExecution(b -> b.executionArn(first.executionArn()));
    }

    @Test
    void startExecution_badRequests_getAwsErrors() {
        String machine = create("picky", GREETING);

        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(MACHINES + "absent")))
                .isInstanceOfSatisfying(
                        StateMachineDoesNotExistException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("State Machine Does Not Exist: '" + MACHINES + "absent'"));
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn("invalid_state_machine_arn")))
                .isInstanceOfSatisfying(
                        InvalidArnException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Invalid Arn: 'Invalid ARN prefix: invalid_state_machine_arn'"));
        assertThatThrownBy(
                        () -> sfn.startExecution(b -> b.stateMachineArn(machine).input("not json")))
                .isInstanceOfSatisfying(
                        InvalidExecutionInputException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .startsWith("Invalid State Machine Execution Input: 'Unrecognized token 'not'"));
        assertThatThrownBy(
                        () -> sfn.startExecution(b -> b.stateMachineArn(machine).input("")))
                .isInstanceOfSatisfying(
                        InvalidExecutionInputException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Invalid State Machine Execution Input: 'Invalid execution input.'"));
        assertThatThrownBy(
                        () -> sfn.startExecution(b -> b.stateMachineArn(machine).name("bad name")))
                .isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(
                        () -> sfn.startExecution(b -> b.stateMachineArn(machine).name("n".repeat(81))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void stopExecution_running_abortsItWithTheGivenErrorAndCause() {
        String machine = create("stoppable", WAIT_AN_HOUR);
        String execution = sfn.startExecution(b -> b.stateMachineArn(machine).name("to-stop"))
                .executionArn();

        sfn.stopExecution(b -> b.executionArn(execution).error("Operator.Stop").cause("no longer needed"));

        DescribeExecutionResponse stopped = awaitClosed(execution);
        assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(stopped.error()).isEqualTo("Operator.Stop");
        assertThat(stopped.cause()).isEqualTo("no longer needed");
        assertThat(stopped.redriveStatusAsString()).isEqualTo("REDRIVABLE");
        List<HistoryEvent> events =
                sfn.getExecutionHistory(b -> b.executionArn(execution)).events();
        assertThat(events.getLast().type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED);
        assertThatThrownBy(() -> sfn.stopExecution(b -> b.executionArn(EXECUTIONS + "stoppable:nobody")))
                .isInstanceOfSatisfying(
                        ExecutionDoesNotExistException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Execution Does Not Exist: '" + EXECUTIONS + "stoppable:nobody'"));
        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn("invalid_execution_arn")))
                .isInstanceOf(InvalidArnException.class);
    }

    @Test
    void redriveExecution_failedTask_resumesFromTheFailedStateAndSucceeds() {
        String machine = create("redrivable", FLAKY);
        String execution = sfn.startExecution(b -> b.stateMachineArn(machine).name("flaky-run"))
                .executionArn();
        DescribeExecutionResponse failed = awaitClosed(execution);
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.error()).isEqualTo("Flaky.Error");
        assertThat(failed.redriveStatusAsString()).isEqualTo("REDRIVABLE");

        sfn.redriveExecution(b -> b.executionArn(execution));

        DescribeExecutionResponse redriven = awaitClosed(execution);
        assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(redriven.redriveCount()).isEqualTo(1);
        assertThat(redriven.redriveDate()).isNotNull();
        assertThat(Json.parse(redriven.output()).path("attempt").asInt()).isEqualTo(2);
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(execution)).events())
                .extracting(HistoryEvent::type)
                .contains(HistoryEventType.EXECUTION_REDRIVEN);
        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(execution)))
                .isInstanceOfSatisfying(
                        SfnException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExecutionNotRedrivable"));
    }

    @Test
    void sendTaskSuccessAndFailure_answerCallbackTasks_onceOnly() {
        String machine = create("callbacks", CALLBACK);
        String approved = sfn.startExecution(
                        b -> b.stateMachineArn(machine).name("approve").input("{\"who\":\"a\"}"))
                .executionArn();
        String rejected = sfn.startExecution(
                        b -> b.stateMachineArn(machine).name("reject").input("{\"who\":\"r\"}"))
                .executionArn();
        String approveToken = tokenFor("a");
        String rejectToken = tokenFor("r");

        sfn.sendTaskHeartbeat(b -> b.taskToken(approveToken));
        sfn.sendTaskSuccess(b -> b.taskToken(approveToken).output("{\"approved\":true}"));
        sfn.sendTaskFailure(b -> b.taskToken(rejectToken).error("Rejected").cause("by a human"));

        DescribeExecutionResponse succeeded = awaitClosed(approved);
        assertThat(succeeded.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.parse(succeeded.output())).isEqualTo(Json.parse("{\"approved\":true}"));
        DescribeExecutionResponse failed = awaitClosed(rejected);
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.error()).isEqualTo("Rejected");
        assertThat(failed.cause()).isEqualTo("by a human");
        assertThatThrownBy(
                        () -> sfn.sendTaskSuccess(b -> b.taskToken(approveToken).output("{}")))
                .as("a token is answered once")
                .isInstanceOf(TaskTimedOutException.class);
        assertThatThrownBy(() ->
                        sfn.sendTaskSuccess(b -> b.taskToken("no-such-token").output("{}")))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken("no-such-token")))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo(
                                        "1 validation error detected: Value null at 'output' failed to satisfy constraint:"
                                                + " Member must not be null"));
    }

    @Test
    void startExecution_throughVersionsAndAWeightedAlias_runsThoseVersionsAndRecordsThem() {
        String machine = create("routed", GREETING);
        String v1 =
                sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn();
        String v2 = sfn.updateStateMachine(b -> b.stateMachineArn(machine)
                        .definition(GREETING.replace("\"hi\"", "\"hello\""))
                        .publish(true))
                .stateMachineVersionArn();
        String alias = sfn.createStateMachineAlias(b -> b.name("canary")
                        .routingConfiguration(
                                r -> r.stateMachineVersionArn(v1).weight(50),
                                r -> r.stateMachineVersionArn(v2).weight(50)))
                .stateMachineAliasArn();

        String byVersion = sfn.startExecution(b -> b.stateMachineArn(v1).name("by-version"))
                .executionArn();
        Set<String> versionsRun = new HashSet<>();
        for (int i = 0; i < 40 && versionsRun.size() < 2; i++) {
            int n = i;
            String execution = sfn.startExecution(b -> b.stateMachineArn(alias).name("by-alias-" + n))
                    .executionArn();
            DescribeExecutionResponse described = awaitClosed(execution);
            assertThat(described.stateMachineAliasArn()).isEqualTo(alias);
            assertThat(described.stateMachineArn()).isEqualTo(machine);
            String greeting =
                    Json.parse(described.output()).path("out").path("greeting").asString();
            assertThat(greeting).isEqualTo(described.stateMachineVersionArn().equals(v1) ? "hi" : "hello");
            versionsRun.add(described.stateMachineVersionArn());
        }

        assertThat(versionsRun).as("a 50/50 alias reaches both versions").containsExactlyInAnyOrder(v1, v2);
        DescribeExecutionResponse versioned = awaitClosed(byVersion);
        assertThat(versioned.stateMachineVersionArn()).isEqualTo(v1);
        assertThat(versioned.stateMachineAliasArn()).isNull();
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(v1)).executions())
                .extracting(ExecutionListItem::stateMachineVersionArn)
                .containsOnly(v1);
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(alias)).executions())
                .extracting(ExecutionListItem::stateMachineAliasArn)
                .isNotEmpty()
                .containsOnly(alias);

        sfn.updateStateMachineAlias(b -> b.stateMachineAliasArn(alias)
                .routingConfiguration(r -> r.stateMachineVersionArn(v2).weight(100)));
        for (int i = 0; i < 5; i++) {
            int n = i;
            String execution = sfn.startExecution(b -> b.stateMachineArn(alias).name("all-v2-" + n))
                    .executionArn();
            assertThat(awaitClosed(execution).stateMachineVersionArn()).isEqualTo(v2);
        }
    }

    @Test
    void describeStateMachineForExecution_afterAnUpdateAndADeletion_reportsTheRevisionTheExecutionRan() {
        String machine = create("historic", GREETING);
        String execution =
                sfn.startExecution(b -> b.stateMachineArn(machine).name("old")).executionArn();
        awaitClosed(execution);
        sfn.updateStateMachine(
                b -> b.stateMachineArn(machine).definition(WAIT_AN_HOUR).roleArn(ROLE + "-new"));

        DescribeStateMachineForExecutionResponse ran =
                sfn.describeStateMachineForExecution(b -> b.executionArn(execution));

        assertThat(ran.stateMachineArn()).isEqualTo(machine);
        assertThat(ran.name()).isEqualTo("historic");
        assertThat(ran.definition()).isEqualTo(GREETING);
        assertThat(ran.roleArn()).isEqualTo(ROLE);
        assertThat(ran.revisionId()).isNull();
        assertThat(ran.loggingConfiguration().levelAsString()).isEqualTo("OFF");
        sfn.deleteStateMachine(b -> b.stateMachineArn(machine));
        assertThat(sfn.describeStateMachineForExecution(b -> b.executionArn(execution))
                        .roleArn())
                .as("still answered after the machine is deleted")
                .isEqualTo(ROLE);
        assertThat(sfn.describeExecution(b -> b.executionArn(execution)).status())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThatThrownBy(() -> sfn.listExecutions(b -> b.stateMachineArn(machine)))
                .isInstanceOf(StateMachineDoesNotExistException.class);
    }

    @Test
    void startSyncExecution_expressMachine_answersWithTheResult_andStandardOnlyCallsAreRefused() {
        String express = sfn.createStateMachine(
                        b -> b.name("quick").definition(GREETING).roleArn(ROLE).type(StateMachineType.EXPRESS))
                .stateMachineArn();
        String standard = create("slow", GREETING);

        StartSyncExecutionResponse result = sfn.startSyncExecution(
                b -> b.stateMachineArn(express).name("sync-1").input("{\"who\":\"Ada\"}"));

        assertThat(result.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
        assertThat(result.executionArn()).startsWith("arn:aws:states:us-east-1:123456789012:express:quick:sync-1:");
        assertThat(Json.parse(result.output()).path("out").path("greeting").asString())
                .isEqualTo("hi");
        assertThat(result.billingDetails().billedDurationInMilliseconds()).isNotNegative();
        assertThatThrownBy(() -> sfn.startSyncExecution(b -> b.stateMachineArn(standard)))
                .isInstanceOfSatisfying(
                        StateMachineTypeNotSupportedException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("This operation is not supported by this type of state machine"));
        assertThatThrownBy(() -> sfn.listExecutions(b -> b.stateMachineArn(express)))
                .isInstanceOf(StateMachineTypeNotSupportedException.class);
        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(result.executionArn())))
                .isInstanceOfSatisfying(
                        InvalidArnException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Invalid Arn: 'Resource type not valid in this context: express'"));
    }

    @Test
    void listExecutions_badFilterOrMachine_isValidationExceptionOrStateMachineDoesNotExist() {
        String machine = create("filtered", GREETING);

        assertThatThrownBy(
                        () -> sfn.listExecutions(b -> b.stateMachineArn(machine).statusFilter("succeeded")))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo(
                                        "1 validation error detected: Value 'succeeded' at 'statusFilter' failed to satisfy"
                                                + " constraint: Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT,"
                                                + " PENDING_REDRIVE, ABORTED, FAILED, RUNNING]"));
        assertThatThrownBy(() -> sfn.listExecutions(b -> b.stateMachineArn(MACHINES + "nowhere")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.listExecutions(b -> b.stateMachineArn("invalid_state_machine_arn")))
                .isInstanceOfSatisfying(
                        InvalidArnException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Invalid Arn: 'Invalid ARN prefix: invalid_state_machine_arn'"));
    }

    @Test
    void lambdaTask_functionRegisteredThroughTheRegistry_isCalledOverHttp_andAnUnknownOneFailsTheExecution()
            throws Exception {
        functions.register(
                "shout",
                event -> Json.NODES
                        .objectNode()
                        .put("shouted", event.path("who").asString().toUpperCase(java.util.Locale.ROOT)));
        register("shout");
        String machine = create("shouter", """
                {"StartAt":"Shout","States":{"Shout":{"Type":"Task",
                  "Resource":"arn:aws:lambda:us-east-1:123456789012:function:shout","End":true}}}""");
        String missing = create("mute", """
                {"StartAt":"Shout","States":{"Shout":{"Type":"Task",
                  "Resource":"arn:aws:lambda:us-east-1:123456789012:function:unregistered","End":true}}}""");

        DescribeExecutionResponse shouted =
                awaitClosed(sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"who\":\"ada\"}"))
                        .executionArn());
        DescribeExecutionResponse failed =
                awaitClosed(sfn.startExecution(b -> b.stateMachineArn(missing)).executionArn());

        assertThat(shouted.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.parse(shouted.output())).isEqualTo(Json.parse("{\"shouted\":\"ADA\"}"));
        assertThat(functions.calls()).anySatisfy(call -> {
            assertThat(call.function()).isEqualTo("shout");
            assertThat(call.idempotencyKey()).isNotBlank();
        });
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.error()).isNotBlank();
    }

    private String create(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE))
                .stateMachineArn();
    }

    private DescribeExecutionResponse awaitClosed(String executionArn) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() ->
                        sfn.describeExecution(b -> b.executionArn(executionArn)).status() != ExecutionStatus.RUNNING);
        return sfn.describeExecution(b -> b.executionArn(executionArn));
    }

    /** The task token the callback function received for the execution started with {@code who}. */
    private String tokenFor(String who) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> functions.calls().stream()
                        .anyMatch(call -> call.function().equals("collect")
                                && who.equals(call.event().path("who").asString())));
        return functions.calls().stream()
                .filter(call -> call.function().equals("collect")
                        && who.equals(call.event().path("who").asString()))
                .findFirst()
                .orElseThrow()
                .event()
                .path("token")
                .asString();
    }

    /** Registers a function of the test server in the registry, through the REST API. */
    private void register(String name) throws Exception {
        URI url = functions.find(name).orElseThrow().url();
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/functions/" + name))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\",\"timeoutSeconds\":10}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    }
}
