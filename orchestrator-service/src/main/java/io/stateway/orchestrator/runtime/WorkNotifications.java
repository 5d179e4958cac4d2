package io.stateway.orchestrator.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
 * one poll interval.
 *
 * <p>The notification is sent after the work's transaction has committed, by one sender thread
 * that folds all announcements made while it was sending into the next notification. A NOTIFY
 * inside the work's own transaction would take PostgreSQL's global notify lock at commit and hold
 * it through the commit's WAL flush, so that concurrent StartExecution transactions would commit
 * one after another instead of sharing flushes. Transitions do not notify at all (the worker that
 * makes new work claims it itself).
 */
@Component
class WorkNotifications implements SmartLifecycle {

    static final String CHANNEL = "stateway_work";

    private static final Logger log = LoggerFactory.getLogger(WorkNotifications.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final OutboxWorker worker;
    /** Holds at most one pending announcement: those made while one is pending fold into it. */
    private final BlockingQueue<Boolean> announced = new ArrayBlockingQueue<>(1);

    private volatile boolean running;
    private Thread listener;
    private Thread sender;

    WorkNotifications(DataSource dataSource, JdbcClient jdbc, OutboxWorker worker) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.worker = worker;
    }

    /**
     * New work has been committed: wakes this replica's worker now and the other replicas' as soon
     * as the sender gets to it. Call it after the transaction that queued the work has committed.
     */
    void announce() {
        worker.wake();
        announced.offer(Boolean.TRUE);
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().name("stateway-notify").daemon().start(this::listen);
        sender = Thread.ofVirtual().name("stateway-announce").start(this::send);
    }

    @Override
    public void stop() {
        running = false;
        for (Thread thread : new Thread[] {listener, sender}) {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void send() {
        while (running) {
            try {
                announced.take();
                jdbc.sql("SELECT pg_notify('" + CHANNEL + "', '')").query().singleRow();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // Only a hint: the other replicas find the work at their next poll.
                log.debug("Could not notify other replicas of new work: {}", e.toString());
            }
        }
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
