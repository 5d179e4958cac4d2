package io.stateway.gateway.throttle;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Token buckets in this replica's memory: the {@link RedisFailureMode#LOCAL} stand-in for the shared ones
 * while Redis cannot be reached. Each replica then admits up to the full limit on its own.
 */
@Component
class LocalBuckets {

    /** Full buckets are forgotten once this many are held (a full bucket is the same as none). */
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, State> buckets = new HashMap<>();

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
            State state = buckets.computeIfAbsent(bucket.key(), k -> new State(bucket.burst(), now));
            state.rate = bucket.rate();
            state.burst = bucket.burst();
            state.tokens = state.refilled(now);
            state.updatedAt = now;
            states[i] = state;
            if (tightest == null || state.tokens < tightest.tokens) {
                tightest = state;
            }
            if (state.tokens < 1) {
                long wait = bucket.rate() > 0 ? (long) Math.ceil((1 - state.tokens) * 1000 / bucket.rate()) : 60_000;
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
