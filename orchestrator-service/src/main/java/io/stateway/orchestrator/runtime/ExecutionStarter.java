package io.stateway.orchestrator.runtime;

import io.stateway.model.ExecutionStatus;
import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.asl.definition.DefinitionParser;
import io.stateway.orchestrator.asl.definition.StateMachine;
import io.stateway.orchestrator.asl.engine.Engine;
import io.stateway.orchestrator.asl.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * StartExecution for Standard workflows: one transaction inserts the execution, its first event and
 * its first work item. Idempotent by name: the same name and input while the first execution runs
 * return that execution; anything else with a used name is {@code ExecutionAlreadyExists}.
 */
@Component
class ExecutionStarter {

    /** AWS's execution names: 1-80 characters, none of whitespace, wildcards, brackets or controls. */
    private static final Pattern NAME = Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]{1,80}");

    private final TransactionTemplate transactions;
    private final Executions executions;
    private final Definitions definitions;
    private final Transitions transitions;
    private final WorkItems workItems;
    private final WorkNotifications notifications;
    private final RuntimeProperties properties;
    private final Clock clock;

    ExecutionStarter(
            TransactionTemplate transactions,
            Executions executions,
            Definitions definitions,
            Transitions transitions,
            WorkItems workItems,
            WorkNotifications notifications,
            RuntimeProperties properties,
            Clock clock) {
        this.transactions = transactions;
        this.executions = executions;
        this.definitions = definitions;
        this.transitions = transitions;
        this.workItems = workItems;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    ExecutionService.Started start(StartExecutionCommand command) {
        String name = command.name() == null ? UUID.randomUUID().toString() : command.name();
        if (!NAME.matcher(name).matches()) {
            throw new StepFunctionsException("InvalidName", "Invalid Name: '" + name + "'");
        }
        String input = normalizedInput(command.input());
        String hash = Definitions.hash(command.definition());
        StateMachine machine = machine(hash, command.definition());
        // AWS reports times to the millisecond; so do we, so that a repeated start sees the same date.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String arn = "arn:aws:states:" + properties.region() + ":" + properties.accountId() + ":execution:"
                + command.stateMachineName() + ":" + name;
        ExecutionRow unsaved = new ExecutionRow(
                0,
                arn,
                command.stateMachineArn(),
                command.stateMachineName(),
                command.versionArn(),
                command.aliasArn(),
                hash,
                name,
                command.roleArn(),
                ExecutionStatus.RUNNING,
                input,
                null,
                null,
                null,
                now,
                null,
                0,
                0,
                null,
                command.traceHeader());
        Transitions.Beginning beginning = transitions.begin(unsaved, machine);
        ExecutionRow row = withLastEventId(unsaved, beginning.log().lastId());
        ExecutionService.Started started = transactions.execute(status -> {
            definitions.store(hash, command.definition());
            Optional<Long> id = executions.insert(row);
            if (id.isEmpty()) {
                return existing(command.stateMachineArn(), name, input);
            }
            transitions.start(id.get(), now, beginning);
            if (machine.timeoutSeconds() != null) {
                workItems.add(
                        id.get(),
                        "0",
                        WorkItem.Kind.EXECUTION_TIMEOUT,
                        now.plusSeconds(machine.timeoutSeconds()),
                        null);
            }
            return new ExecutionService.Started(arn, now);
        });
        notifications.announce();
        return started;
    }

    private StateMachine machine(String hash, String definition) {
        try {
            return definitions.machine(hash);
        } catch (IllegalStateException notStoredYet) {
            StateMachine machine = DefinitionParser.parse(Json.parse(definition));
            definitions.remember(hash, machine);
            return machine;
        }
    }

    /** The same name again: the same execution if it is still running with the same input. */
    private ExecutionService.Started existing(String stateMachineArn, String name, String input) {
        ExecutionRow existing = executions.byName(stateMachineArn, name).orElseThrow();
        if (existing.status() == ExecutionStatus.RUNNING && existing.input().equals(input)) {
            return new ExecutionService.Started(existing.arn(), existing.startDate());
        }
        throw new StepFunctionsException(
                "ExecutionAlreadyExists", "Execution Already Exists: '" + existing.arn() + "'");
    }

    private static String normalizedInput(String input) {
        if (input == null || input.isBlank()) {
            return "{}";
        }
        if (input.getBytes(StandardCharsets.UTF_8).length > Engine.MAX_PAYLOAD_BYTES) {
            throw new StepFunctionsException(
                    "InvalidExecutionInput",
                    "Invalid State Machine Execution Input: 'The input exceeds the maximum size of "
                            + Engine.MAX_PAYLOAD_BYTES + " bytes'");
        }
        try {
            JsonNode parsed = Json.parse(input);
            return Json.text(parsed);
        } catch (JacksonException e) {
            throw new StepFunctionsException(
                    "InvalidExecutionInput", "Invalid State Machine Execution Input: '" + e.getOriginalMessage() + "'");
        }
    }

    private static ExecutionRow withLastEventId(ExecutionRow row, long lastEventId) {
        return new ExecutionRow(
                row.id(),
                row.arn(),
                row.stateMachineArn(),
                row.stateMachineName(),
                row.versionArn(),
                row.aliasArn(),
                row.definitionHash(),
                row.name(),
                row.roleArn(),
                row.status(),
                row.input(),
                row.output(),
                row.error(),
                row.cause(),
                row.startDate(),
                row.stopDate(),
                lastEventId,
                row.redriveCount(),
                row.redriveDate(),
                row.traceHeader());
    }
}
