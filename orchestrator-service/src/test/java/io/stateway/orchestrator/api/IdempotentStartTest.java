package io.stateway.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.state.TaskResult;
import io.stateway.orchestrator.runtime.FunctionServer;
import io.stateway.orchestrator.runtime.InvariantChecker;
import io.stateway.testsupport.SpringTestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/**
 * R5 of RELIABILITY.md: StartExecution is idempotent by name, over the AWS SDK against the running
 * service. 50 clients racing with one name and input get one execution; other input, or the same
 * name after the first closed, is {@code ExecutionAlreadyExists}; Express executions are not
 * de-duplicated. The invariant checker runs over the database afterwards.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@SpringTestServers
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotentStartTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/stateway";
    static final String WAIT_AN_HOUR = """
            {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""";
    static final String RECORD = """
            {"StartAt":"Record","States":{"Record":{"Type":"Task",
              "Resource":"arn:aws:lambda:us-east-1:123456789012:function:record","End":true}}}""";
    static final int CLIENTS = 50;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    final FunctionServer functions = new FunctionServer();
    final List<SfnClient> clients = new ArrayList<>();

    @BeforeAll
    void setUp() throws Exception {
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(SfnClients.local(port));
        }
        functions.register("record", event -> event);
        URI url = functions.find("record").orElseThrow().url();
        HttpResponse<String> registered = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/functions/record"))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isIn(200, 201);
    }

    @AfterAll
    void tearDown() {
        clients.forEach(SfnClient::close);
        functions.close();
    }

    @Test
    void startExecution_50ConcurrentWithOneNameAndInput_makeOneExecution_andOtherUsesOfTheNameAreRefused()
            throws Exception {
        SfnClient sfn = clients.getFirst();
        String machine = sfn.createStateMachine(
                        b -> b.name("r5").definition(WAIT_AN_HOUR).roleArn(ROLE))
                .stateMachineArn();

        List<StartExecutionResponse> answers = startTogether(machine, "once", "{\"order\":42}");

        assertThat(answers).hasSize(CLIENTS);
        assertThat(answers.stream().map(StartExecutionResponse::executionArn).distinct())
                .singleElement()
                .isEqualTo("arn:aws:states:us-east-1:123456789012:execution:r5:once");
        assertThat(answers.stream().map(StartExecutionResponse::startDate).distinct())
                .hasSize(1);
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine)).executions())
                .hasSize(1);
        assertThat(JdbcClient.create(dataSource)
                        .sql("SELECT count(*) FROM orchestrator.executions WHERE name = 'once'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        String arn = answers.getFirst().executionArn();
        assertThatThrownBy(() -> sfn.startExecution(
                        b -> b.stateMachineArn(machine).name("once").input("{\"order\":43}")))
                .as("same name, other input")
                .isInstanceOfSatisfying(
                        ExecutionAlreadyExistsException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Execution Already Exists: '" + arn + "'"));
        sfn.stopExecution(b -> b.executionArn(arn));
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThatThrownBy(() -> sfn.startExecution(
                        b -> b.stateMachineArn(machine).name("once").input("{\"order\":42}")))
                .as("same name and input after the first closed")
                .isInstanceOf(ExecutionAlreadyExistsException.class);

        InvariantChecker.on(dataSource)
                .acknowledged(List.of(arn), Duration.ofSeconds(10))
                .oracle(request -> new TaskResult.Succeeded(request.parameters()))
                .assertHold();
    }

    @Test
    void startExecution_expressWithOneName_runsEachStartIndependently() {
        SfnClient sfn = clients.getFirst();
        String machine = sfn.createStateMachine(b ->
                        b.name("r5-express").definition(RECORD).roleArn(ROLE).type(StateMachineType.EXPRESS))
                .stateMachineArn();

        StartExecutionResponse first =
                sfn.startExecution(b -> b.stateMachineArn(machine).name("twice").input("{\"run\":1}"));
        StartExecutionResponse second =
                sfn.startExecution(b -> b.stateMachineArn(machine).name("twice").input("{\"run\":2}"));
        StartExecutionResponse third =
                sfn.startExecution(b -> b.stateMachineArn(machine).name("twice").input("{\"run\":2}"));

        assertThat(List.of(first.executionArn(), second.executionArn(), third.executionArn()))
                .allSatisfy(arn ->
                        assertThat(arn).startsWith("arn:aws:states:us-east-1:123456789012:express:r5-express:twice:"))
                .doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(functions.calls())
                        .filteredOn(call -> call.function().equals("record"))
                        .extracting(call -> Json.text(call.event()))
                        .containsExactlyInAnyOrder("{\"run\":1}", "{\"run\":2}", "{\"run\":2}"));
    }

    /** Each client calls StartExecution at the same moment, on its own thread and connection. */
    private List<StartExecutionResponse> startTogether(String machine, String name, String input) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<StartExecutionResponse>> calls = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(CLIENTS)) {
            for (SfnClient client : clients) {
                calls.add(threads.submit(() -> {
                    go.await();
                    return client.startExecution(
                            b -> b.stateMachineArn(machine).name(name).input(input));
                }));
            }
            go.countDown();
            List<StartExecutionResponse> answers = new ArrayList<>();
            for (Future<StartExecutionResponse> call : calls) {
                answers.add(call.get());
            }
            return answers;
        }
    }
}
