package io.stateway.gateway.throttle;

import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Token buckets in this replica's memory: the {@link RedisFailureMode#LOCAL} stand-in for the shared ones
 * while Redis cannot be reached. Every replica decides alone then, so each bucket gets the replica's share
 * ({@code stateway.gateway.throttling.local-replicas}) of the rate and burst, at least one token of burst:
 * N replicas admit about the limit, not N times it. The share is even, which assumes the load balancer
 * spreads requests evenly; a replica that gets more throttles early.
 */
@Component
class LocalBuckets {

    /** Full buckets are forgotten once this many are held (a full bucket is the same as none). */
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, State> buckets = new HashMap<>();
    private final int replicas;

    @Autowired
    LocalBuckets(ThrottlingProperties properties) {
        this(properties.localReplicas());
    }

    LocalBuckets(int replicas) {
        if (replicas < 1) {
            throw new IllegalArgumentException("local-replicas must be at least 1, not " + replicas);
        }
        this.replicas = replicas;
    }

    /** This replica's share of a bucket's rate. */
    double rate(Bucket bucket) {
        return bucket.rate() / replicas;
    }

    /**
     * This replica's share of a bucket's burst, rounded down so that the replicas together stay within it, but
     * at least one token so that a small limit still admits; a burst of 0 (admit nothing) stays 0.
     */
    int burst(Bucket bucket) {
        return bucket.burst() == 0 ? 0 : Math.max(1, bucket.burst() / replicas);
    }

    /** Takes a token from every bucket, or from none if one of them is empty. */
    synchronized Decision admit(Admission admission) {
        long now = System.nanoTime();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(state -> state.refilled(now) >= state.burst);
        }
        State tightest = null;
        long retry = 0;
        State[] states = new State[admission.buckets().size()];
        for (int i = 0; i < states.length; i++) {
            Bucket bucket = admission.buckets().get(i);
            double rate = rate(bucket);
            int burst = burst(bucket);
            State state = buckets.computeIfAbsent(bucket.key(), k -> new State(burst, now));
            state.rate = rate;
            state.burst = burst;
            state.tokens = state.refilled(now);
            state.updatedAt = now;
            states[i] = state;
            if (tightest == null || state.tokens < tightest.tokens) {
                tightest = state;
            }
            if (state.tokens < 1) {
                long wait = rate > 0 ? (long) Math.ceil((1 - state.tokens) * 1000 / rate) : 60_000;
                retry = Math.max(retry, wait);
            }
        }
        int limit = tightest == null ? 0 : tightest.burst;
        if (retry > 0) {
            return new Decision(Decision.Outcome.THROTTLED, retry, limit, 0);
        }
        for (State state : states) {
            state.tokens -= 1;
        }
        return new Decision(Decision.Outcome.ADMITTED, 0, limit, tightest == null ? 0 : (long) tightest.tokens);
    }

    private static final class State {
        private double rate;
        private int burst;
        private double tokens;
        private long updatedAt;

        private State(int burst, long now) {
            this.burst = burst;
            this.tokens = burst;
            this.updatedAt = now;
        }

        private double refilled(long now) {
            return Math.min(burst, tokens + (now - updatedAt) / 1e9 * rate);
        }
    }
}
