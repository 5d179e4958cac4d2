package io.stateway.history.events;

import io.stateway.history.web.ApiException;
import io.stateway.model.history.HistoryEventType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A {@code GET …/history} request, checked: every problem is reported at once.
 *
 * @param limit the page size (AWS's default, 100, when {@code maxResults} is absent or 0)
 * @param types the event types to keep, sorted, or empty for all
 * @param stateName only the events that name this state, or {@code null}
 */
record HistoryQuery(
        int limit,
        String nextToken,
        boolean reverseOrder,
        boolean includeExecutionData,
        List<String> types,
        String stateName) {

    static final int DEFAULT_PAGE_SIZE = 100;

    static HistoryQuery of(
            Integer maxResults,
            String nextToken,
            Boolean reverseOrder,
            Boolean includeExecutionData,
            List<String> eventTypes,
            String stateName) {
        List<String> problems = new ArrayList<>();
        if (maxResults != null && (maxResults < 0 || maxResults > 1000)) {
            problems.add("Value '" + maxResults + "' at 'maxResults' failed to satisfy constraint: Member must have"
                    + " value less than or equal to 1000 and greater than or equal to 0");
        }
        if (nextToken != null && (nextToken.isEmpty() || nextToken.length() > 1024)) {
            problems.add("Value at 'nextToken' failed to satisfy constraint: Member must have length between 1 and"
                    + " 1024");
        }
        TreeSet<String> types = new TreeSet<>();
        for (String value : eventTypes == null ? List.<String>of() : eventTypes) {
            for (String part : value.split(",")) {
                String type = part.trim();
                try {
                    types.add(HistoryEventType.valueOf(type).name());
                } catch (IllegalArgumentException unknown) {
                    problems.add("Value '" + type + "' at 'eventType' is not a history event type (e.g."
                            + " TaskStateEntered, TaskFailed)");
                }
            }
        }
        if (stateName != null && (stateName.isEmpty() || stateName.length() > 80)) {
            problems.add(
                    "Value at 'stateName' failed to satisfy constraint: Member must have length between 1 and" + " 80");
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems.size() + " validation error" + (problems.size() == 1 ? "" : "s")
                    + " detected: " + String.join("; ", problems));
        }
        return new HistoryQuery(
                maxResults == null || maxResults == 0 ? DEFAULT_PAGE_SIZE : maxResults,
                nextToken,
                reverseOrder != null && reverseOrder,
                includeExecutionData == null || includeExecutionData,
                List.copyOf(types),
                stateName);
    }

    /** The types as the SQL filter takes them, or {@code null} for all. */
    String typeFilter() {
        return types.isEmpty() ? null : String.join(",", types);
    }

    /** What a page token of this query is bound to: the execution, the order and the filters. */
    String scope(long executionId) {
        return "history|" + executionId + "|" + reverseOrder + "|" + types + "|" + stateName;
    }
}
