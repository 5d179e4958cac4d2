package io.stateway.history.execution;

import io.stateway.history.web.ApiException;
import io.stateway.history.web.PageTokens;
import io.stateway.model.ExecutionStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Execution search ({@code GET /v1/executions}) and one execution ({@code GET /v1/executions/{arn}}). */
@RestController
@RequestMapping("/v1/executions")
class ExecutionController {

    static final int DEFAULT_PAGE_SIZE = 100;

    private final Executions executions;
    private final PageTokens tokens;

    ExecutionController(Executions executions, PageTokens tokens) {
        this.executions = executions;
        this.tokens = tokens;
    }

    /** ListExecutions' item, with the execution's name and dates. */
    record Item(
            String executionArn,
            String stateMachineArn,
            String name,
            ExecutionStatus status,
            Instant startDate,
            Instant stopDate,
            String stateMachineVersionArn,
            String stateMachineAliasArn,
            Integer redriveCount,
            Instant redriveDate) {

        static Item of(ExecutionRecord e) {
            return new Item(
                    e.executionArn(),
                    e.stateMachineArn(),
                    e.name(),
                    e.status(),
                    e.startDate(),
                    e.stopDate(),
                    e.versionArn(),
                    e.aliasArn(),
                    e.redriveCount(),
                    e.redriveDate());
        }
    }

    /**
     * A page of executions, newest first.
     *
     * @param counts executions per status of the state machine searched for (absent without one)
     */
    record Page(List<Item> executions, String nextToken, Map<ExecutionStatus, Long> counts) {}

    /** DescribeExecution's shape: the execution with its input, output or error. */
    record Description(
            String executionArn,
            String stateMachineArn,
            String stateMachineName,
            String name,
            ExecutionStatus status,
            Instant startDate,
            Instant stopDate,
            String input,
            String output,
            String error,
            String cause,
            String stateMachineVersionArn,
            String stateMachineAliasArn,
            Integer redriveCount,
            Instant redriveDate,
            long eventCount) {}

    @GetMapping
    Page search(
            @RequestParam(required = false) String stateMachineArn,
            @RequestParam(required = false) List<String> statusFilter,
            @RequestParam(required = false) String startedAfter,
            @RequestParam(required = false) String startedBefore,
            @RequestParam(required = false) String namePrefix,
            @RequestParam(required = false) Integer maxResults,
            @RequestParam(required = false) String nextToken) {
        ExecutionSearch search =
                ExecutionSearch.of(stateMachineArn, statusFilter, startedAfter, startedBefore, namePrefix);
        int limit = pageSize(maxResults);
        Instant afterStart = null;
        long afterId = 0;
        if (nextToken != null) {
            long[] position = tokens.redeem(nextToken, search.scope(), 2);
            afterStart = Instant.EPOCH.plus(position[0], ChronoUnit.MICROS);
            afterId = position[1];
        }
        List<ExecutionRecord> rows = executions.search(search, afterStart, afterId, limit + 1);
        List<ExecutionRecord> page = rows.subList(0, Math.min(limit, rows.size()));
        String next = null;
        if (rows.size() > limit) {
            ExecutionRecord last = page.getLast();
            next = tokens.issue(search.scope(), ChronoUnit.MICROS.between(Instant.EPOCH, last.startDate()), last.id());
        }
        return new Page(
                page.stream().map(Item::of).toList(),
                next,
                stateMachineArn == null ? null : executions.counts(stateMachineArn));
    }

    @GetMapping("/{executionArn}")
    Description describe(@PathVariable String executionArn) {
        ExecutionRecord e = executions.require(executionArn);
        return new Description(
                e.executionArn(),
                e.stateMachineArn(),
                e.stateMachineName(),
                e.name(),
                e.status(),
                e.startDate(),
                e.stopDate(),
                e.input(),
                e.output(),
                e.error(),
                e.cause(),
                e.versionArn(),
                e.aliasArn(),
                e.redriveCount(),
                e.redriveDate(),
                e.lastEventId());
    }

    static int pageSize(Integer maxResults) {
        if (maxResults == null || maxResults == 0) {
            return DEFAULT_PAGE_SIZE;
        }
        if (maxResults < 1 || maxResults > 1000) {
            throw ApiException.validation("1 validation error detected: Value '" + maxResults
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 1000");
        }
        return maxResults;
    }
}
