package io.stateway.history.live;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One stream's mailbox at the feed: the newest update not yet taken. A slow reader is never queued
 * behind: updates it has not taken are merged, and whatever was dropped it reads from the database.
 */
final class Subscription {

    private final long executionId;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Update pending;
    private boolean closed;

    Subscription(long executionId) {
        this.executionId = executionId;
    }

    long executionId() {
        return executionId;
    }

    void offer(Update update) {
        lock.lock();
        try {
            pending = pending == null ? update : update.after(pending);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The pending update, waiting up to {@code timeout} for one; {@code null} if none came or it is closed. */
    Update take(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (pending == null && !closed && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            Update update = pending;
            pending = null;
            return closed ? null : update;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the subscription: its reader stops waiting (the client left, or the service stops). */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }
}
