package io.stateway.history.events;

import io.stateway.history.execution.ExecutionRecord;
import io.stateway.history.execution.Executions;
import io.stateway.history.web.PageTokens;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v1/executions/{executionArn}/history}: AWS's {@code GetExecutionHistory}, with
 * signed keyset page tokens and filters by event type and state name.
 */
@RestController
class HistoryController {

    private final Executions executions;
    private final HistoryEvents events;
    private final PageTokens tokens;
    private final EventJson json;
    private final JsonMapper mapper;

    HistoryController(
            Executions executions, HistoryEvents events, PageTokens tokens, EventJson json, JsonMapper mapper) {
        this.executions = executions;
        this.events = events;
        this.tokens = tokens;
        this.json = json;
        this.mapper = mapper;
    }

    /**
     * Everything that can fail (the checks, the queries) happens before the first byte; the page is
     * then streamed to the client as it is rendered, not built in memory first.
     */
    @GetMapping(path = "/v1/executions/{executionArn}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    void history(
            @PathVariable String executionArn,
            @RequestParam(required = false) Integer maxResults,
            @RequestParam(required = false) String nextToken,
            @RequestParam(required = false) Boolean reverseOrder,
            @RequestParam(required = false) Boolean includeExecutionData,
            @RequestParam(required = false) List<String> eventType,
            @RequestParam(required = false) String stateName,
            HttpServletResponse response)
            throws IOException {
        HistoryQuery query =
                HistoryQuery.of(maxResults, nextToken, reverseOrder, includeExecutionData, eventType, stateName);
        ExecutionRecord execution = executions.require(executionArn);
        String scope = query.scope(execution.id());
        long bound = query.reverseOrder() ? Long.MAX_VALUE : 0;
        if (query.nextToken() != null) {
            bound = tokens.redeem(query.nextToken(), scope, 1)[0];
        }
        List<StoredEvent> rows = events.page(
                execution.id(), bound, query.reverseOrder(), query.typeFilter(), query.stateName(), query.limit() + 1);
        List<StoredEvent> page = rows.subList(0, Math.min(query.limit(), rows.size()));
        String next =
                rows.size() > query.limit() ? tokens.issue(scope, page.getLast().id()) : null;

        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try (JsonGenerator out = mapper.createGenerator(response.getOutputStream())) {
            out.writeStartObject();
            out.writeArrayPropertyStart("events");
            for (StoredEvent event : page) {
                json.write(out, event, query.includeExecutionData());
            }
            out.writeEndArray();
            if (next != null) {
                out.writeStringProperty("nextToken", next);
            }
            out.writeEndObject();
        }
    }
}
