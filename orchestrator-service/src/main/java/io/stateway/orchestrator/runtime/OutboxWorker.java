package io.stateway.orchestrator.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.stateway.model.asl.StatesErrors;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.state.Resumption;
import io.stateway.orchestrator.asl.state.TaskRequest;
import io.stateway.orchestrator.asl.state.TaskResult;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Claims due work items and runs them, each on a virtual thread: state transitions in short
 * transactions, task calls outside any transaction under a lease whose fence decides whether the
 * result still counts. Any number of replicas run this side by side; nothing is leader-elected.
 */
@Component
class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final WorkItems workItems;
    private final Transitions transitions;
    private final TaskIntegrations tasks;
    private final Clock clock;
    private final RuntimeProperties properties;
    private final String workerId;
    private final Semaphore permits;
    private final Object wakeUp = new Object();
    private final Counter staleResults;
    private final Counter applied;
    private ExecutorService executor;
    private Thread loop;
    private volatile boolean running;
    private volatile boolean woken;

    OutboxWorker(
            WorkItems workItems,
            Transitions transitions,
            TaskIntegrations tasks,
            Clock clock,
            RuntimeProperties properties,
            MeterRegistry meters) {
        this.workItems = workItems;
        this.transitions = transitions;
        this.tasks = tasks;
        this.clock = clock;
        this.properties = properties;
        this.workerId = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        this.permits = new Semaphore(properties.workers());
        this.staleResults = Counter.builder("stateway.runtime.stale.results")
                .description("Work results rejected because another worker's claim fenced them out")
                .register(meters);
        this.applied = Counter.builder("stateway.runtime.transitions")
                .description("Work items applied")
                .register(meters);
    }

    @Override
    public void start() {
        executor = Executors.newVirtualThreadPerTaskExecutor();
        running = true;
        loop = Thread.ofPlatform().name("stateway-outbox").daemon().start(this::claimLoop);
    }

    @Override
    public void stop() {
        running = false;
        wake();
        if (loop != null) {
            loop.interrupt();
        }
        executor.shutdown();
        try {
            // Work in flight finishes; unclaimed work stays in the table for the next replica.
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Claims again now rather than after the poll interval (new work was just queued). */
    void wake() {
        synchronized (wakeUp) {
            woken = true;
            wakeUp.notifyAll();
        }
    }

    private void claimLoop() {
        while (running) {
            int claimed = 0;
            try {
                claimed = claimBatch();
            } catch (RuntimeException e) {
                log.warn("Claiming work failed; retrying after the poll interval: {}", e.toString());
            }
            if (claimed < properties.batchSize()) {
                await(properties.pollInterval());
            }
        }
    }

    private int claimBatch() {
        int free = permits.availablePermits();
        if (free == 0) {
            await(Duration.ofMillis(5));
            return 0;
        }
        List<WorkItem> items =
                workItems.claim(workerId, clock.instant(), properties.lease(), Math.min(free, properties.batchSize()));
        for (List<WorkItem> group : byExecution(items)) {
            permits.acquireUninterruptibly(group.size());
            executor.execute(() -> {
                try {
                    if (group.size() == 1) {
                        run(group.getFirst());
                    } else {
                        runTogether(group);
                    }
                } finally {
                    permits.release(group.size());
                    wake();
                }
            });
        }
        return items.size();
    }

    /**
     * The claimed items in groups that run on one thread: the I/O-free items (ADVANCE, TIMER) of one
     * execution together, in claim order (they would only queue on the execution's lock, each holding
     * a connection), every other item alone.
     */
    static List<List<WorkItem>> byExecution(List<WorkItem> items) {
        Map<Long, List<WorkItem>> together = new LinkedHashMap<>();
        List<List<WorkItem>> groups = new ArrayList<>();
        for (WorkItem item : items) {
            if (item.kind() == WorkItem.Kind.ADVANCE || item.kind() == WorkItem.Kind.TIMER) {
                together.computeIfAbsent(item.executionId(), id -> {
                            List<WorkItem> group = new ArrayList<>();
                            groups.add(group);
                            return group;
                        })
                        .add(item);
            } else {
                groups.add(List.of(item));
            }
        }
        return groups;
    }

    /**
     * Applies one execution's I/O-free items in one transaction; if that fails, each on its own, so
     * that one bad item does not hold back its siblings until the lease runs out.
     */
    private void runTogether(List<WorkItem> group) {
        List<Transitions.Result> results;
        try {
            results = transitions.applyAll(group);
        } catch (RuntimeException e) {
            log.warn(
                    "Applying {} items of execution {} together failed, applying them one by one: {}",
                    group.size(),
                    group.getFirst().executionId(),
                    e.toString());
            group.forEach(this::run);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            count(group.get(i), results.get(i));
        }
    }

    private void await(Duration timeout) {
        synchronized (wakeUp) {
            if (!woken) {
                try {
                    wakeUp.wait(Math.max(1, timeout.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            woken = false;
        }
    }

    /** Runs one claimed item; an exception leaves it to be claimed again when its lease runs out. */
    void run(WorkItem item) {
        try {
            Transitions.Result result = switch (item.kind()) {
                case ADVANCE -> transitions.apply(item, null);
                case TIMER -> transitions.apply(item, Resumption.TIMER_FIRED);
                case TASK -> runTask(item);
                case EXECUTION_TIMEOUT -> transitions.timeOut(item);
                case TASK_TIMEOUT ->
                    transitions.apply(
                            item, new Resumption.TaskFinished(new TaskResult.TimedOut(StatesErrors.TIMEOUT, null)));
                case HEARTBEAT_TIMEOUT ->
                    transitions.apply(
                            item,
                            new Resumption.TaskFinished(new TaskResult.TimedOut(StatesErrors.HEARTBEAT_TIMEOUT, null)));
            };
            count(item, result);
        } catch (RuntimeException e) {
            log.warn("Work item {} failed and will be retried after its lease: {}", item.id(), e.toString(), e);
        }
    }

    private void count(WorkItem item, Transitions.Result result) {
        if (result == Transitions.Result.STALE) {
            staleResults.increment();
            log.info(
                    "Rejected a stale result for work item {} (cursor {} of execution {}): another claim took it over",
                    item.id(),
                    item.cursorId(),
                    item.executionId());
        } else if (result == Transitions.Result.APPLIED) {
            applied.increment();
        }
    }

    /** Calls the task outside any transaction, then delivers its result under the fence. */
    private Transitions.Result runTask(WorkItem item) {
        TaskRequest request = Json.MAPPER.treeToValue(item.payload().get("request"), TaskRequest.class);
        Duration timeout = request.timeoutSeconds() != null
                ? Duration.ofSeconds(request.timeoutSeconds())
                : properties.defaultTaskTimeout();
        if (request.taskToken() != null && timeout.compareTo(properties.defaultTaskTimeout()) > 0) {
            // A callback task's call only submits the work; its TimeoutSeconds bounds the wait for the
            // answer (a timer of its own). A lease that long would leave a lost submission stuck for it.
            timeout = properties.defaultTaskTimeout();
        }
        Instant leaseUntil = clock.instant().plus(timeout).plus(properties.taskLeaseGrace());
        if (!workItems.extend(item, leaseUntil)) {
            return Transitions.Result.STALE;
        }
        TaskResult result =
                tasks.run(request, item.payload().get("idempotencyKey").asString());
        return transitions.apply(item, new Resumption.TaskFinished(result));
    }

    String workerId() {
        return workerId;
    }
}
