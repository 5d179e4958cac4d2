package io.stateway.bench.durable;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;

/**
 * Drives the orchestrator over AWS's JSON 1.0 protocol with the AWS SDK for Java v2's asynchronous
 * Step Functions client (Netty, many connections): starts executions in bursts or at a steady
 * rate, waits until they end, and reads back their start and stop dates.
 */
final class LoadDriver implements AutoCloseable {

    private static final String ROLE = "arn:aws:iam::123456789012:role/stateway-bench";

    private final SfnAsyncClient client;

    LoadDriver(URI endpoint, int connections) {
        client = SfnAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("stateway", "stateway")))
                // A failed call counts as failed, not retried: the figures are first answers.
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .maxConcurrency(connections)
                        .maxPendingConnectionAcquires(100_000)
                        .connectionAcquisitionTimeout(Duration.ofMinutes(2))
                        .readTimeout(Duration.ofMinutes(2)))
                .build();
    }

    /** How a phase's StartExecution calls went, as the client saw them. */
    record Starts(int acknowledged, int failed, String firstError, long elapsedNanos, long[] latencyNanos) {

        double perSecond() {
            return acknowledged / (elapsedNanos / 1e9);
        }
    }

    /** An execution as ListExecutions reports it. */
    record Finished(String name, ExecutionStatus status, Instant startDate, Instant stopDate) {}

    String createStateMachine(String name, String definition) {
        return client.createStateMachine(
                        b -> b.name(name).definition(definition).roleArn(ROLE))
                .join()
                .stateMachineArn();
    }

    /**
     * Starts up to {@code count} executions as fast as the API answers, {@code concurrency} calls in
     * flight, and stops starting when {@code limit} has passed (on a busy machine a fixed count can
     * take far longer than planned).
     */
    Starts burst(String stateMachineArn, String prefix, String input, int count, int concurrency, Duration limit)
            throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        Tally tally = new Tally(count);
        long begin = System.nanoTime();
        int issued = 0;
        while (issued < count && System.nanoTime() - begin < limit.toNanos()) {
            slots.acquire();
            start(stateMachineArn, prefix + "-" + issued, input, issued, tally, slots::release);
            issued++;
        }
        slots.acquire(concurrency);
        return tally.starts(issued, System.nanoTime() - begin);
    }

    /**
     * Starts executions at {@code rate} per second for {@code duration} (an open loop: the schedule
     * does not wait for answers), at most {@code maxInFlight} calls outstanding.
     */
    Starts paced(String stateMachineArn, String prefix, String input, double rate, Duration duration, int maxInFlight)
            throws InterruptedException {
        int count = Math.max(1, (int) Math.round(rate * duration.toNanos() / 1e9));
        Semaphore slots = new Semaphore(maxInFlight);
        Tally tally = new Tally(count);
        long begin = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = begin + (long) (i * 1e9 / rate);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            slots.acquire();
            start(stateMachineArn, prefix + "-" + i, input, i, tally, slots::release);
        }
        slots.acquire(maxInFlight);
        return tally.starts(count, System.nanoTime() - begin);
    }

    private void start(String stateMachineArn, String name, String input, int index, Tally tally, Runnable release) {
        long sent = System.nanoTime();
        client.startExecution(StartExecutionRequest.builder()
                        .stateMachineArn(stateMachineArn)
                        .name(name)
                        .input(input)
                        .build())
                .whenComplete((response, error) -> {
                    tally.latencies[index] = System.nanoTime() - sent;
                    if (error != null) {
                        tally.failed.incrementAndGet();
                        tally.firstError.compareAndSet(null, error.toString());
                    }
                    release.run();
                });
    }

    /** Waits until no execution of the state machine is running. */
    void awaitFinished(String stateMachineArn, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!client.listExecutions(b -> b.stateMachineArn(stateMachineArn)
                        .statusFilter(ExecutionStatus.RUNNING)
                        .maxResults(1))
                .join()
                .executions()
                .isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Executions of " + stateMachineArn + " still running after " + timeout);
            }
            Thread.sleep(200);
        }
    }

    /** Every execution of the state machine, with its dates (ListExecutions, 1,000 a page). */
    List<Finished> executions(String stateMachineArn) {
        List<Finished> all = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            ListExecutionsResponse response = client.listExecutions(b ->
                            b.stateMachineArn(stateMachineArn).maxResults(1000).nextToken(page))
                    .join();
            for (ExecutionListItem item : response.executions()) {
                all.add(new Finished(item.name(), item.status(), item.startDate(), item.stopDate()));
            }
            token = response.nextToken();
        } while (token != null);
        return all;
    }

    /** The states an execution entered: its history's {@code …StateEntered} events (AWS's billing unit). */
    long transitions(String executionArn) {
        long entered = 0;
        String token = null;
        do {
            String page = token;
            GetExecutionHistoryResponse response = client.getExecutionHistory(
                            b -> b.executionArn(executionArn).maxResults(1000).nextToken(page))
                    .join();
            for (HistoryEvent event : response.events()) {
                if (event.typeAsString().endsWith("StateEntered")) {
                    entered++;
                }
            }
            token = response.nextToken();
        } while (token != null);
        return entered;
    }

    String executionArn(String stateMachineArn, String name) {
        return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
    }

    @Override
    public void close() {
        client.close();
    }

    /** Answers of one phase's calls; read once every call has given back its slot. */
    private static final class Tally {
        final long[] latencies;
        final AtomicInteger failed = new AtomicInteger();
        final AtomicReference<String> firstError = new AtomicReference<>();

        Tally(int capacity) {
            latencies = new long[capacity];
        }

        Starts starts(int issued, long elapsedNanos) {
            return new Starts(
                    issued - failed.get(),
                    failed.get(),
                    firstError.get(),
                    elapsedNanos,
                    java.util.Arrays.copyOf(latencies, issued));
        }
    }
}
