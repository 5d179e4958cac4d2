package io.stateway.history.execution;

import io.stateway.history.web.ApiException;
import io.stateway.model.ExecutionStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code GET /v1/executions} looks for; every part is optional.
 *
 * @param stateMachineArn a state machine's (or a version's or alias's) executions only
 * @param statuses executions in one of these statuses only (empty: all)
 * @param startedFrom started at or after this instant
 * @param startedTo started before this instant
 * @param namePrefix names that start with this
 */
record ExecutionSearch(
        String stateMachineArn,
        Set<ExecutionStatus> statuses,
        Instant startedFrom,
        Instant startedTo,
        String namePrefix) {

    ExecutionSearch {
        statuses = statuses.isEmpty() ? Set.of() : EnumSet.copyOf(statuses);
    }

    /** Reads and checks the request's parameters; every problem at once as {@code ValidationException}. */
    static ExecutionSearch of(
            String stateMachineArn,
            List<String> statusFilter,
            String startedAfter,
            String startedBefore,
            String namePrefix) {
        List<String> problems = new ArrayList<>();
        if (stateMachineArn != null) {
            ExecutionArns.requireStateMachine(stateMachineArn);
        }
        Set<ExecutionStatus> statuses = EnumSet.noneOf(ExecutionStatus.class);
        for (String value : statusFilter == null ? List.<String>of() : statusFilter) {
            for (String part : value.split(",")) {
                try {
                    statuses.add(ExecutionStatus.valueOf(part.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException unknown) {
                    problems.add("Value '" + part + "' at 'statusFilter' failed to satisfy constraint: Member must"
                            + " satisfy enum value set: " + List.of(ExecutionStatus.values()));
                }
            }
        }
        Instant from = instant("startedAfter", startedAfter, problems);
        Instant to = instant("startedBefore", startedBefore, problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add("startedAfter must be before startedBefore");
        }
        if (namePrefix != null && (namePrefix.isEmpty() || namePrefix.length() > 80)) {
            problems.add(
                    "Value at 'namePrefix' failed to satisfy constraint: Member must have length between 1 and 80");
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems.size() + " validation error" + (problems.size() == 1 ? "" : "s")
                    + " detected: " + String.join("; ", problems));
        }
        return new ExecutionSearch(stateMachineArn, statuses, from, to, namePrefix);
    }

    /** The query's identity, which its page tokens are bound to. */
    String scope() {
        return "executions|" + stateMachineArn + "|" + statuses + "|" + startedFrom + "|" + startedTo + "|"
                + namePrefix;
    }

    private static Instant instant(String name, String value, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            problems.add("Value '" + value + "' at '" + name + "' is not an ISO-8601 instant (e.g."
                    + " 2026-03-01T12:00:00Z)");
            return null;
        }
    }
}
