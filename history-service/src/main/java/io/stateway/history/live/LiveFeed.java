package io.stateway.history.live;

import io.stateway.history.HistoryProperties;
import io.stateway.history.events.HistoryEvents;
import io.stateway.history.events.StoredEvent;
import io.stateway.history.execution.Executions;
import io.stateway.model.ExecutionStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows the executions that live streams watch, for the whole instance: one query per poll
 * interval reads how far each of them has come, and the new events of each execution are read once
 * and handed to all its streams. Polling the database is the truth, so events appear whichever
 * orchestrator replica wrote them. The orchestrator's {@code stateway_work} notifications (work
 * queued by a start, a task callback or a redrive) wake the poller early; its transitions do not
 * notify (NOTIFY serialises commits), so most events arrive within one poll interval. On a read
 * replica, where LISTEN is not allowed, it polls alone.
 */
@Component
class LiveFeed implements SmartLifecycle {

    /** The orchestrator's channel (WorkNotifications.CHANNEL): work was queued outside its workers. */
    static final String CHANNEL = "stateway_work";

    /** After LISTEN failed (a read replica, the database away), how long to poll alone before trying again. */
    private static final Duration LISTEN_RETRY = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final Executions executions;
    private final HistoryEvents events;
    private final DataSource dataSource;
    private final Clock clock;
    private final Duration pollInterval;
    private final Map<Long, Watch> watches = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Thread poller;

    LiveFeed(
            Executions executions,
            HistoryEvents events,
            DataSource dataSource,
            Clock clock,
            HistoryProperties properties) {
        this.executions = executions;
        this.events = events;
        this.dataSource = dataSource;
        this.clock = clock;
        this.pollInterval = properties.live().pollInterval();
    }

    /** An execution followed for one stream, and what the feed last saw of it. */
    private static final class Watch {
        final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
        /** Read and written by the poller only: -1 until its first poll. */
        long lastEventId = -1;

        ExecutionStatus status;
    }

    Subscription subscribe(long executionId) {
        Subscription subscription = new Subscription(executionId);
        watches.compute(executionId, (id, watch) -> {
            Watch w = watch == null ? new Watch() : watch;
            w.subscriptions.add(subscription);
            return w;
        });
        Thread thread = poller;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
        if (!running) {
            subscription.close();
        }
        return subscription;
    }

    void unsubscribe(Subscription subscription) {
        subscription.close();
        watches.computeIfPresent(subscription.executionId(), (id, watch) -> {
            watch.subscriptions.remove(subscription);
            return watch.subscriptions.isEmpty() ? null : watch;
        });
    }

    @Override
    public void start() {
        running = true;
        poller = Thread.ofPlatform().name("stateway-live-feed").daemon().start(this::run);
    }

    /** Ends every stream (clients reconnect, to another replica), so that shutdown need not wait for them. */
    @Override
    public void stop() {
        running = false;
        watches.values().forEach(watch -> watch.subscriptions.forEach(Subscription::close));
        Thread thread = poller;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Connection listening = null;
        Instant listenAgainAt = Instant.MIN;
        while (running) {
            try {
                if (watches.isEmpty()) {
                    listening = close(listening);
                    LockSupport.park(this);
                    continue;
                }
                if (listening == null && !clock.instant().isBefore(listenAgainAt)) {
                    listening = listen();
                    if (listening == null) {
                        listenAgainAt = clock.instant().plus(LISTEN_RETRY);
                    }
                }
                poll();
                if (listening != null) {
                    // Returns at the first notification, or when the interval is over.
                    listening.unwrap(PGConnection.class).getNotifications((int) Math.max(1, pollInterval.toMillis()));
                } else {
                    LockSupport.parkNanos(this, pollInterval.toNanos());
                }
            } catch (SQLException | RuntimeException e) {
                log.warn("Live feed: {}; retrying", e.toString());
                listening = close(listening);
                LockSupport.parkNanos(
                        this,
                        Math.max(pollInterval.toNanos(), Duration.ofSeconds(1).toNanos()));
            }
        }
        close(listening);
    }

    /** Reads how far the watched executions have come and hands what is new to their streams. */
    void poll() {
        List<Long> ids = List.copyOf(watches.keySet());
        for (Executions.Progress progress : executions.progress(ids)) {
            Watch watch = watches.get(progress.executionId());
            if (watch == null || (progress.lastEventId() == watch.lastEventId && progress.status() == watch.status)) {
                continue;
            }
            long since = watch.lastEventId;
            List<StoredEvent> fresh = since < 0 || progress.lastEventId() - since > Update.MAX_EVENTS
                    ? List.of()
                    : events.range(progress.executionId(), since, progress.lastEventId());
            watch.lastEventId = progress.lastEventId();
            watch.status = progress.status();
            Update update = new Update(progress.lastEventId(), progress.status(), fresh);
            watch.subscriptions.forEach(subscription -> subscription.offer(update));
        }
    }

    private Connection listen() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            log.info("Live feed polls without notifications for now: {}", e.toString());
            close(connection);
            return null;
        }
    }

    /** Stops listening (the connection goes back to the pool) and closes it. */
    private static Connection close(Connection connection) {
        if (connection != null) {
            try (connection;
                    Statement statement = connection.createStatement()) {
                statement.execute("UNLISTEN *");
            } catch (SQLException e) {
                log.debug("Closing the listening connection: {}", e.toString());
            }
        }
        return null;
    }
}
