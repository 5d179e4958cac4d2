package io.stateway.history.live;

import io.stateway.history.HistoryProperties;
import io.stateway.history.events.EventJson;
import io.stateway.history.events.HistoryEvents;
import io.stateway.history.execution.ExecutionRecord;
import io.stateway.history.execution.Executions;
import io.stateway.history.web.ApiException;
import io.stateway.history.web.ErrorCode;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v1/executions/{executionArn}/events}: the execution's history events as Server-Sent
 * Events, from after {@code Last-Event-ID} (the start without one) until the execution closes. At
 * most {@code stateway.history.live.max-streams} at once per instance; beyond that, 429.
 */
@RestController
class LiveController {

    private final Executions executions;
    private final LiveFeed feed;
    private final LiveStream.Services services;
    private final HistoryProperties.Live settings;
    private final Semaphore streams;

    LiveController(
            Executions executions,
            HistoryEvents events,
            EventJson json,
            JsonMapper mapper,
            Clock clock,
            LiveFeed feed,
            HistoryProperties properties) {
        this.executions = executions;
        this.feed = feed;
        this.services = new LiveStream.Services(executions, events, json, mapper, clock);
        this.settings = properties.live();
        this.streams = new Semaphore(settings.maxStreams());
    }

    @GetMapping("/v1/executions/{executionArn}/events")
    SseEmitter events(
            @PathVariable String executionArn,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(required = false) Boolean includeExecutionData) {
        long after = eventId(lastEventId);
        ExecutionRecord execution = executions.require(executionArn);
        if (!streams.tryAcquire()) {
            throw new ApiException(
                    ErrorCode.ThrottlingException,
                    "Too many live streams on this instance (" + settings.maxStreams()
                            + "); retry later or read GET /v1/executions/{executionArn}/history");
        }
        try {
            // The stream ends itself at max-duration; the emitter's own timeout is only a backstop.
            SseEmitter emitter = new SseEmitter(
                    settings.maxDuration().plus(settings.heartbeat()).toMillis());
            Subscription subscription = feed.subscribe(execution.id());
            emitter.onCompletion(subscription::close);
            emitter.onTimeout(subscription::close);
            emitter.onError(failure -> subscription.close());
            LiveStream stream = new LiveStream(
                    execution.id(),
                    after,
                    emitter,
                    subscription,
                    new LiveStream.Settings(
                            settings.heartbeat(),
                            services.clock().instant().plus(settings.maxDuration()),
                            includeExecutionData == null || includeExecutionData),
                    services,
                    () -> {
                        feed.unsubscribe(subscription);
                        streams.release();
                    });
            Thread.ofVirtual().name("live-stream-" + execution.id()).start(stream);
            return emitter;
        } catch (RuntimeException e) {
            streams.release();
            throw e;
        }
    }

    /** The client's {@code Last-Event-ID}: the id of the last event it has (0: none). */
    private static long eventId(String header) {
        if (header == null || header.isBlank()) {
            return 0;
        }
        try {
            long id = Long.parseLong(header.trim());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw ApiException.validation(
                "Last-Event-ID must be the id of a history event (a number from 0), not '" + header + "'");
    }
}
