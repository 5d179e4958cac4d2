package io.stateway.orchestrator.runtime;

import io.stateway.orchestrator.asl.TestScopes;
import io.stateway.orchestrator.asl.definition.DefinitionParser;
import io.stateway.orchestrator.asl.definition.StateMachine;
import io.stateway.orchestrator.asl.engine.ExecutionContext;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.runner.ExecutionResult;
import io.stateway.orchestrator.asl.runner.InMemoryRunner;
import io.stateway.orchestrator.asl.runner.TaskHandler;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The invariants of RELIABILITY.md §5, checked against the orchestrator's tables after a fault
 * test: (1) history ids 1..n without gap or duplicate; (2) one {@code ExecutionStarted}, at most
 * one terminal event per run; (3) at most one outcome per task attempt; (4) no work item left
 * claimed past its lease plus a grace, none left for a closed execution; (5) every acknowledged
 * start terminal within a bound; (6) every closed execution's status and output equal the
 * in-memory engine's for the same definition and input (timers collapsed, tasks answered by the
 * test's oracle). {@link #assertHold()} fails with every violation found, not just the first.
 */
public final class InvariantChecker {

    private static final Pattern TASK_EVENT = Pattern.compile("(Task|LambdaFunction|Activity)(\\w+)");
    private static final Set<String> OUTCOMES = Set.of("Succeeded", "Failed", "TimedOut");
    private static final Set<String> ATTEMPT_STEPS = Set.of("Started", "Submitted", "StartFailed");
    private static final Set<String> TERMINAL =
            Set.of("ExecutionSucceeded", "ExecutionFailed", "ExecutionAborted", "ExecutionTimedOut");

    private final JdbcClient jdbc;
    private final String schema;
    private Collection<String> acknowledged = List.of();
    private Duration terminalWithin = Duration.ofSeconds(30);
    private Supplier<Instant> now = Instant::now;
    private Duration leaseGrace = Duration.ofSeconds(5);
    private TaskHandler oracle;

    private InvariantChecker(DataSource dataSource, String schema) {
        this.jdbc = JdbcClient.create(dataSource);
        this.schema = schema;
    }

    /** A checker of the orchestrator's tables in {@code schema} of this database. */
    public static InvariantChecker on(DataSource dataSource, String schema) {
        return new InvariantChecker(dataSource, schema);
    }

    public static InvariantChecker on(DataSource dataSource) {
        return on(dataSource, "orchestrator");
    }

    /** Invariant 5: these starts were acknowledged to a client and must all close within {@code within}. */
    public InvariantChecker acknowledged(Collection<String> executionArns, Duration within) {
        this.acknowledged = List.copyOf(executionArns);
        this.terminalWithin = within;
        return this;
    }

    /** Invariant 4: the runtime's clock, and how far past its lease a claimed item may be. */
    public InvariantChecker leases(Supplier<Instant> clock, Duration grace) {
        this.now = clock;
        this.leaseGrace = grace;
        return this;
    }

    /**
     * Invariant 6: the in-memory engine runs each closed execution with these task answers (a
     * callback task's answer too: the handler returns what the test's bot sends).
     */
    public InvariantChecker oracle(TaskHandler tasks) {
        this.oracle = tasks;
        return this;
    }

    /** Checks every invariant and fails listing all violations. */
    public void assertHold() {
        List<String> violations = new ArrayList<>(awaitTerminal());
        violations.addAll(contiguousIds());
        violations.addAll(startAndTerminalEvents());
        violations.addAll(oneOutcomePerAttempt());
        violations.addAll(noStuckWork());
        if (oracle != null) {
            violations.addAll(outputsMatchTheInMemoryEngine());
        }
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " invariant violation(s):\n  "
                    + String.join("\n  ", violations.subList(0, Math.min(50, violations.size()))));
        }
    }

    /** The number of executions in the database (so a test can say how many were checked). */
    public long executions() {
        return jdbc.sql("SELECT count(*) FROM " + schema + ".executions")
                .query(Long.class)
                .single();
    }

    /** 1: per execution, event ids 1..n, each once, and {@code last_event_id} is n. */
    public List<String> contiguousIds() {
        return jdbc.sql("""
                        SELECT e.arn, e.last_event_id, count(h.id) AS n, min(h.id) AS first, max(h.id) AS last,
                               count(DISTINCT h.id) AS distinct_ids
                          FROM %1$s.executions e LEFT JOIN %1$s.history_events h ON h.execution_id = e.id
                         GROUP BY e.id
                        HAVING count(h.id) = 0 OR min(h.id) <> 1 OR max(h.id) <> count(h.id)
                            OR count(DISTINCT h.id) <> count(h.id) OR e.last_event_id <> max(h.id)""".formatted(schema))
                .query((rs, row) -> "1: " + rs.getString("arn") + " has " + rs.getLong("n") + " events, ids "
                        + rs.getLong("first") + ".." + rs.getLong("last") + " (" + rs.getLong("distinct_ids")
                        + " distinct), last_event_id " + rs.getLong("last_event_id"))
                .list();
    }

    /** 2: one ExecutionStarted; at most one terminal event per run (a redrive starts a new run). */
    public List<String> startAndTerminalEvents() {
        return jdbc
                .sql("""
                        SELECT e.arn, e.status,
                               count(*) FILTER (WHERE h.type = 'ExecutionStarted') AS started,
                               count(*) FILTER (WHERE h.type IN (%2$s)) AS terminal,
                               count(*) FILTER (WHERE h.type = 'ExecutionRedriven') AS redriven
                          FROM %1$s.executions e JOIN %1$s.history_events h ON h.execution_id = e.id
                         GROUP BY e.id""".formatted(schema, quoted(TERMINAL)))
                .query((rs, row) -> {
                    long started = rs.getLong("started");
                    long terminal = rs.getLong("terminal");
                    long runs = rs.getLong("redriven") + 1;
                    boolean running = rs.getString("status").equals("RUNNING");
                    long expectedTerminal = running ? runs - 1 : runs;
                    if (started != 1 || terminal != expectedTerminal) {
                        return "2: " + rs.getString("arn") + " (" + rs.getString("status") + ") has " + started
                                + " ExecutionStarted and " + terminal + " terminal events in " + runs + " run(s)";
                    }
                    return null;
                })
                .list()
                .stream()
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * 3: each task attempt (a {@code *Scheduled} event) has at most one outcome ({@code *Succeeded},
     * {@code *Failed}, {@code *TimedOut}); an outcome is traced to its attempt through its
     * {@code previousEventId} chain ({@code *Started}, {@code *Submitted}).
     */
    public List<String> oneOutcomePerAttempt() {
        record Event(long executionId, String arn, long id, long previous, String type) {}
        List<Event> events = jdbc.sql("""
                        SELECT h.execution_id, e.arn, h.id, h.previous_event_id, h.type
                          FROM %1$s.history_events h JOIN %1$s.executions e ON e.id = h.execution_id
                         WHERE h.type ~ '^(Task|LambdaFunction|Activity)'
                         ORDER BY h.execution_id, h.id""".formatted(schema))
                .query((rs, row) -> new Event(
                        rs.getLong("execution_id"),
                        rs.getString("arn"),
                        rs.getLong("id"),
                        rs.getLong("previous_event_id"),
                        rs.getString("type")))
                .list();
        Map<Long, Map<Long, Event>> byExecution = new HashMap<>();
        for (Event event : events) {
            byExecution
                    .computeIfAbsent(event.executionId(), id -> new HashMap<>())
                    .put(event.id(), event);
        }
        List<String> violations = new ArrayList<>();
        Map<String, Integer> outcomes = new HashMap<>();
        for (Event event : events) {
            var matcher = TASK_EVENT.matcher(event.type());
            if (!matcher.matches() || !OUTCOMES.contains(matcher.group(2))) {
                continue;
            }
            Map<Long, Event> own = byExecution.get(event.executionId());
            Event step = own.get(event.previous());
            while (step != null && isStep(step.type(), ATTEMPT_STEPS)) {
                step = own.get(step.previous());
            }
            if (step == null || !isStep(step.type(), Set.of("Scheduled"))) {
                violations.add("3: " + event.arn() + " event " + event.id() + " (" + event.type()
                        + ") belongs to no scheduled task attempt");
                continue;
            }
            String attempt = event.arn() + " attempt scheduled at event " + step.id();
            if (outcomes.merge(attempt, 1, Integer::sum) == 2) {
                violations.add("3: " + attempt + " has more than one outcome");
            }
        }
        return violations;
    }

    private static boolean isStep(String type, Set<String> steps) {
        var matcher = TASK_EVENT.matcher(type);
        return matcher.matches() && steps.contains(matcher.group(2));
    }

    /**
     * 4: no work item is still claimed past its lease (a claim moves {@code due_at} to the lease's
     * end) plus the grace, and a closed execution has no work left.
     */
    public List<String> noStuckWork() {
        List<String> violations = new ArrayList<>(jdbc.sql("""
                        SELECT w.id, e.arn, w.cursor_id, w.kind, w.due_at, w.claimed_by
                          FROM %1$s.work_items w JOIN %1$s.executions e ON e.id = w.execution_id
                         WHERE w.claimed_by IS NOT NULL AND w.due_at < :limit""".formatted(schema))
                .param("limit", Timestamp.from(now.get().minus(leaseGrace)))
                .query((rs, row) -> "4: work item " + rs.getLong("id") + " (" + rs.getString("kind") + " of "
                        + rs.getString("arn") + " cursor " + rs.getString("cursor_id") + ") claimed by "
                        + rs.getString("claimed_by") + " is past its lease "
                        + rs.getTimestamp("due_at").toInstant()
                        + " + " + leaseGrace)
                .list());
        violations.addAll(jdbc.sql("""
                        SELECT e.arn, e.status, count(*) AS items
                          FROM %1$s.work_items w JOIN %1$s.executions e ON e.id = w.execution_id
                         WHERE e.status <> 'RUNNING'
                         GROUP BY e.arn, e.status""".formatted(schema))
                .query((rs, row) -> "4: " + rs.getString("arn") + " is " + rs.getString("status") + " but has "
                        + rs.getLong("items") + " work item(s) left")
                .list());
        return violations;
    }

    /** 5: polls until every acknowledged execution exists and is closed, or the bound passes. */
    public List<String> awaitTerminal() {
        if (acknowledged.isEmpty()) {
            return List.of();
        }
        long deadline = System.nanoTime() + terminalWithin.toNanos();
        while (true) {
            List<String> open = notTerminal();
            if (open.isEmpty()) {
                return List.of();
            }
            if (System.nanoTime() > deadline) {
                return open.stream()
                        .map(problem -> "5: " + problem + " " + terminalWithin + " after the faults stopped")
                        .toList();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of("5: interrupted while waiting for executions to close");
            }
        }
    }

    private List<String> notTerminal() {
        Map<String, String> statuses = new HashMap<>();
        jdbc.sql("SELECT arn, status FROM " + schema + ".executions WHERE arn = ANY (:arns)")
                .param("arns", acknowledged.toArray(String[]::new))
                .query(rs -> {
                    statuses.put(rs.getString("arn"), rs.getString("status"));
                });
        List<String> open = new ArrayList<>();
        for (String arn : new HashSet<>(acknowledged)) {
            String status = statuses.get(arn);
            if (status == null) {
                open.add(arn + " was acknowledged but is not in the database");
            } else if (status.equals("RUNNING")) {
                open.add(arn + " is still RUNNING");
            }
        }
        return open;
    }

    /** 6: each closed execution ended as the in-memory engine ends the same definition and input. */
    public List<String> outputsMatchTheInMemoryEngine() {
        record Closed(
                String arn,
                String name,
                String input,
                Instant startDate,
                String roleArn,
                String machineArn,
                String machineName,
                int redriveCount,
                String status,
                String output,
                String error,
                String definition) {}
        List<Closed> closed = jdbc.sql("""
                        SELECT e.arn, e.name, e.input, e.start_date, e.role_arn,
                               coalesce(e.version_arn, e.state_machine_arn) AS machine_arn, e.state_machine_name,
                               e.redrive_count, e.status, e.output, e.error, d.definition
                          FROM %1$s.executions e JOIN %1$s.definitions d ON d.hash = e.definition_hash
                         WHERE e.status <> 'RUNNING' AND e.redrive_count = 0""".formatted(schema))
                .query((rs, row) -> new Closed(
                        rs.getString("arn"),
                        rs.getString("name"),
                        rs.getString("input"),
                        rs.getTimestamp("start_date").toInstant(),
                        rs.getString("role_arn"),
                        rs.getString("machine_arn"),
                        rs.getString("state_machine_name"),
                        rs.getInt("redrive_count"),
                        rs.getString("status"),
                        rs.getString("output"),
                        rs.getString("error"),
                        rs.getString("definition")))
                .list();
        Map<String, StateMachine> machines = new HashMap<>();
        List<String> violations = new ArrayList<>();
        for (Closed execution : closed) {
            if (execution.status().equals("ABORTED")) {
                continue; // stopped from outside: the engine alone cannot know when
            }
            StateMachine machine =
                    machines.computeIfAbsent(execution.definition(), text -> DefinitionParser.parse(Json.parse(text)));
            ExecutionResult expected = new InMemoryRunner(oracle, TestScopes.RANDOM)
                    .run(
                            machine,
                            new ExecutionContext(
                                    execution.arn(),
                                    execution.name(),
                                    Json.parse(execution.input()),
                                    execution.startDate(),
                                    execution.roleArn(),
                                    execution.machineArn(),
                                    execution.machineName(),
                                    execution.redriveCount()));
            boolean sameStatus = expected.status().name().equals(execution.status());
            boolean sameOutput = expected.output() == null
                    ? execution.output() == null
                    : execution.output() != null
                            && Json.parse(execution.output()).equals(expected.output());
            boolean sameError = expected.failure() == null
                    ? execution.error() == null
                    : expected.failure().error().equals(execution.error());
            if (!sameStatus || !sameOutput || !sameError) {
                violations.add("6: " + execution.arn() + " ended " + execution.status() + " "
                        + (execution.error() != null ? execution.error() : execution.output())
                        + ", the in-memory engine " + expected.status() + " "
                        + (expected.failure() != null ? expected.failure().error() : Json.text(expected.output())));
            }
        }
        return violations;
    }

    private static String quoted(Set<String> values) {
        return String.join(", ", values.stream().map(v -> "'" + v + "'").toList());
    }
}
