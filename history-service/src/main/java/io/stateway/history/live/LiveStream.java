package io.stateway.history.live;

import io.stateway.history.events.EventJson;
import io.stateway.history.events.HistoryEvents;
import io.stateway.history.events.StoredEvent;
import io.stateway.history.execution.Executions;
import io.stateway.model.ExecutionStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client's stream of one execution's events, on a thread of its own: the events after the
 * client's {@code Last-Event-ID} read from the database, then the new ones as the feed sees them,
 * each as an SSE message whose id is the event id; a comment line when nothing was sent for a
 * heartbeat interval; and, once the execution has closed and every event is sent, an {@code end}
 * event with its status.
 */
final class LiveStream implements Runnable {

    /** Events read from the database per query while a stream catches up. */
    static final int CHUNK = 1_000;

    /** Event data is JSON text, written as it is (a JSON media type would quote it as a string). */
    private static final MediaType JSON_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

    /**
     * @param heartbeat the longest silence
     * @param deadline when the stream ends even if the execution runs on (the client reconnects)
     */
    record Settings(Duration heartbeat, Instant deadline, boolean includeExecutionData) {}

    private final long executionId;
    private final SseEmitter emitter;
    private final Subscription subscription;
    private final Settings settings;
    private final Executions executions;
    private final HistoryEvents events;
    private final EventJson json;
    private final JsonMapper mapper;
    private final Clock clock;
    private final Runnable onEnd;
    private long sent;
    /** Messages not sent yet, in order (their parts are distinct objects: a set keeps them all). */
    private Set<ResponseBodyEmitter.DataWithMediaType> batch = new LinkedHashSet<>();

    LiveStream(
            long executionId,
            long lastEventId,
            SseEmitter emitter,
            Subscription subscription,
            Settings settings,
            Services services,
            Runnable onEnd) {
        this.executionId = executionId;
        this.sent = lastEventId;
        this.emitter = emitter;
        this.subscription = subscription;
        this.settings = settings;
        this.executions = services.executions();
        this.events = services.events();
        this.json = services.json();
        this.mapper = services.mapper();
        this.clock = services.clock();
        this.onEnd = onEnd;
    }

    /** What every stream reads and writes with. */
    record Services(Executions executions, HistoryEvents events, EventJson json, JsonMapper mapper, Clock clock) {}

    @Override
    public void run() {
        try {
            emitter.send(SseEmitter.event().reconnectTime(1_000));
            List<Executions.Progress> now = executions.progress(List.of(executionId));
            if (now.isEmpty()) {
                emitter.complete();
                return;
            }
            ExecutionStatus status = now.getFirst().status();
            long last = now.getFirst().lastEventId();
            catchUp(last);
            flush();
            while (!(status != ExecutionStatus.RUNNING && sent >= last)) {
                Duration left = Duration.between(clock.instant(), settings.deadline());
                if (left.isNegative() || left.isZero()) {
                    emitter.complete();
                    return;
                }
                Update update =
                        subscription.take(left.compareTo(settings.heartbeat()) < 0 ? left : settings.heartbeat());
                if (subscription.isClosed()) {
                    emitter.complete();
                    return;
                }
                if (update == null) {
                    if (clock.instant().isBefore(settings.deadline())) {
                        emitter.send(SseEmitter.event().comment("heartbeat"));
                    }
                    continue;
                }
                status = update.status();
                last = Math.max(last, update.lastEventId());
                for (StoredEvent event : update.events()) {
                    if (event.id() > sent) {
                        catchUp(event.id() - 1);
                        add(event);
                    }
                }
                catchUp(last);
                flush();
            }
            emitter.send(SseEmitter.event()
                    .name("end")
                    .data("{\"status\":\"" + status + "\",\"lastEventId\":" + last + "}", JSON_TEXT));
            emitter.complete();
        } catch (IOException | IllegalStateException clientGone) {
            log.debug("Live stream of execution {} ended: {}", executionId, clientGone.toString());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } catch (RuntimeException e) {
            log.warn("Live stream of execution {} failed: {}", executionId, e.toString());
            emitter.completeWithError(e);
        } finally {
            onEnd.run();
        }
    }

    /** Sends the events up to {@code upTo} that were not sent yet, read from the database. */
    private void catchUp(long upTo) throws IOException {
        while (sent < upTo) {
            List<StoredEvent> chunk = events.range(executionId, sent, Math.min(upTo, sent + CHUNK));
            if (chunk.isEmpty()) {
                return;
            }
            for (StoredEvent event : chunk) {
                add(event);
            }
            flush();
        }
    }

    /** Adds an event to the messages to send; they go out together, in one write, at the next flush. */
    private void add(StoredEvent event) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator out = mapper.createGenerator(text)) {
            json.write(out, event, settings.includeExecutionData());
        }
        batch.addAll(SseEmitter.event()
                .id(Long.toString(event.id()))
                .data(text.toString(), JSON_TEXT)
                .build());
        sent = event.id();
    }

    private void flush() throws IOException {
        if (!batch.isEmpty()) {
            emitter.send(batch);
            batch = new LinkedHashSet<>();
        }
    }
}
