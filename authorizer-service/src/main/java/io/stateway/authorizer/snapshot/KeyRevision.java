package io.stateway.authorizer.snapshot;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The revision of keys and plans: every change increments it in its own transaction, and snapshot
 * requests wait here for it to move. Changes made by this replica wake waiters when they commit;
 * changes by other replicas are seen by a once-a-second read.
 */
@Component
public class KeyRevision implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KeyRevision.class);

    private final JdbcClient jdbc;
    private final Object monitor = new Object();
    private ScheduledExecutorService poller;

    KeyRevision(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks a change in the current transaction; waiters wake once it commits. */
    public void bump() {
        jdbc.sql("UPDATE key_revision SET revision = revision + 1 WHERE id = 1").update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        }
    }

    public long current() {
        return jdbc.sql("SELECT revision FROM key_revision WHERE id = 1")
                .query(Long.class)
                .single();
    }

    /** Waits until the revision is no longer {@code seen}, at most {@code max}; returns the revision then. */
    long awaitChange(long seen, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        long now = current();
        while (now == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return now;
            }
            synchronized (monitor) {
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
            now = current();
        }
        return now;
    }

    private void wake() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    @Override
    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "key-revision-poll");
            thread.setDaemon(true);
            return thread;
        });
        // Waiters re-read the revision on each wake: once a second covers other replicas' changes.
        poller.scheduleWithFixedDelay(this::wakeQuietly, 1, 1, TimeUnit.SECONDS);
    }

    private void wakeQuietly() {
        try {
            wake();
        } catch (RuntimeException e) {
            log.warn("Key revision poll failed: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
        wake();
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
