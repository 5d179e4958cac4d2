package io.stateway.orchestrator.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * LISTEN/NOTIFY as a wake-up hint between replicas: work queued outside the outbox workers
 * (StartExecution, a callback, a redrive) wakes every replica's worker at once instead of at its
 * next poll. Only a hint: polling stays on and is the truth, and a lost notification costs at most
 * one poll interval. Transitions do not notify (the worker that makes new work claims it itself),
 * which keeps NOTIFY's commit-time serialisation off the hot path.
 */
@Component
class WorkNotifications implements SmartLifecycle {

    static final String CHANNEL = "stateway_work";

    private static final Logger log = LoggerFactory.getLogger(WorkNotifications.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final OutboxWorker worker;
    private volatile boolean running;
    private Thread listener;

    WorkNotifications(DataSource dataSource, JdbcClient jdbc, OutboxWorker worker) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.worker = worker;
    }

    /** Tells every replica, when the current transaction commits, that there is new work. */
    void notifyWork() {
        jdbc.sql("SELECT pg_notify('" + CHANNEL + "', '')").query().singleRow();
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().name("stateway-notify").daemon().start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(500);
                    if (notifications != null && notifications.length > 0) {
                        worker.wake();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.debug("Work notifications unavailable, polling alone for now: {}", e.toString());
                    LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                }
            }
        }
    }
}
