package io.stateway.orchestrator.runtime;

import io.stateway.model.ExecutionStatus;
import io.stateway.orchestrator.StepFunctionsException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** DescribeExecution, ListExecutions and GetExecutionHistory, read from the runtime's tables. */
@Component
class ExecutionQueries {

    private static final Pattern EXECUTION_ARN =
            Pattern.compile("arn:aws[a-z-]*:states:[a-z0-9-]+:[0-9]{12}:(execution|express):[^:]+:[^:]+(:[^:]+)?");

    private final Executions executions;
    private final History history;
    private final Definitions definitions;

    ExecutionQueries(Executions executions, History history, Definitions definitions) {
        this.executions = executions;
        this.history = history;
        this.definitions = definitions;
    }

    ExecutionRow row(String executionArn) {
        if (executionArn == null || !EXECUTION_ARN.matcher(executionArn).matches()) {
            throw StepFunctionsException.invalidArn(executionArn);
        }
        return executions
                .byArn(executionArn)
                .orElseThrow(() -> StepFunctionsException.executionDoesNotExist(executionArn));
    }

    ExecutionService.ExecutionDescription describe(String executionArn) {
        return description(row(executionArn));
    }

    ExecutionService.Page<ExecutionService.ExecutionDescription> list(
            String stateMachineArn, ExecutionStatus status, int maxResults, String nextToken) {
        int limit = pageSize(maxResults, 100);
        Instant afterStart = null;
        long afterId = 0;
        if (nextToken != null) {
            String[] parts = decode(nextToken).split("\\|");
            if (parts.length != 2) {
                throw invalidToken();
            }
            try {
                afterStart = Instant.parse(parts[0]);
                afterId = Long.parseLong(parts[1]);
            } catch (RuntimeException e) {
                throw invalidToken();
            }
        }
        List<ExecutionRow> rows = executions.page(stateMachineArn, status, afterStart, afterId, limit + 1);
        List<ExecutionService.ExecutionDescription> items = new ArrayList<>();
        for (ExecutionRow row : rows.subList(0, Math.min(limit, rows.size()))) {
            items.add(description(row));
        }
        String next = null;
        if (rows.size() > limit) {
            ExecutionRow last = rows.get(limit - 1);
            next = encode(last.startDate() + "|" + last.id());
        }
        return new ExecutionService.Page<>(items, next);
    }

    ExecutionService.Page<ExecutionService.StoredEvent> history(
            String executionArn, int maxResults, String nextToken, boolean reverseOrder, boolean includeExecutionData) {
        ExecutionRow execution = row(executionArn);
        int limit = pageSize(maxResults, 100);
        long bound = reverseOrder ? Long.MAX_VALUE : 0;
        if (nextToken != null) {
            try {
                bound = Long.parseLong(decode(nextToken));
            } catch (NumberFormatException e) {
                throw invalidToken();
            }
        }
        List<ExecutionService.StoredEvent> events = history.page(execution.id(), bound, reverseOrder, limit + 1);
        List<ExecutionService.StoredEvent> page = new ArrayList<>(events.subList(0, Math.min(limit, events.size())));
        if (!includeExecutionData) {
            page.replaceAll(ExecutionQueries::withoutData);
        }
        String next =
                events.size() > limit ? encode(Long.toString(page.getLast().id())) : null;
        return new ExecutionService.Page<>(page, next);
    }

    private ExecutionService.ExecutionDescription description(ExecutionRow row) {
        return new ExecutionService.ExecutionDescription(
                row.arn(),
                row.stateMachineArn(),
                row.stateMachineName(),
                row.versionArn(),
                row.aliasArn(),
                row.name(),
                row.status(),
                row.startDate(),
                row.stopDate(),
                row.input(),
                row.output(),
                row.error(),
                row.cause(),
                row.redriveCount(),
                row.redriveDate(),
                row.traceHeader(),
                definitions.text(row.definitionHash()));
    }

    /** {@code includeExecutionData: false}: the events without their inputs and outputs. */
    private static ExecutionService.StoredEvent withoutData(ExecutionService.StoredEvent event) {
        if (!(event.details() instanceof ObjectNode details)) {
            return event;
        }
        ObjectNode stripped = details.deepCopy();
        stripped.remove(List.of("input", "inputDetails", "output", "outputDetails", "parameters"));
        return new ExecutionService.StoredEvent(
                event.id(), event.previousEventId(), event.timestamp(), event.type(), (JsonNode) stripped);
    }

    private static int pageSize(int maxResults, int defaultSize) {
        if (maxResults < 0 || maxResults > 1000) {
            throw StepFunctionsException.validation("1 validation error detected: Value '" + maxResults
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value less than or"
                    + " equal to 1000");
        }
        return maxResults == 0 ? defaultSize : maxResults;
    }

    private static String encode(String token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidToken();
        }
    }

    private static StepFunctionsException invalidToken() {
        return new StepFunctionsException(
                "InvalidToken", "Invalid Token: the nextToken is not one this service issued");
    }
}
