package io.stateway.gateway.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The in-memory buckets of {@link RedisFailureMode#LOCAL}: with N replicas deciding alone, each keeps 1/N of
 * every limit. Rates here are so low that no token comes back while a test runs.
 */
class LocalBucketsTest {

    private static List<Decision.Outcome> outcomes(LocalBuckets buckets, Admission admission, int requests) {
        List<Decision.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            outcomes.add(buckets.admit(admission).outcome());
        }
        return outcomes;
    }

    private static Admission admission(Bucket... buckets) {
        return new Admission(List.of(buckets), Optional.empty());
    }

    @Test
    void twoReplicas_eachAdmitHalfTheBurst_soTogetherTheyAdmitTheLimit() {
        LocalBuckets first = new LocalBuckets(2);
        LocalBuckets second = new LocalBuckets(2);
        Admission admission = admission(new Bucket("test:method", 0.001, 10));

        List<Decision.Outcome> all = new ArrayList<>(outcomes(first, admission, 8));
        all.addAll(outcomes(second, admission, 8));

        assertThat(all).filteredOn(o -> o == Decision.Outcome.ADMITTED).hasSize(10);
        assertThat(outcomes(first, admission, 1)).containsExactly(Decision.Outcome.THROTTLED);
    }

    @Test
    void twoReplicas_halveTheRate_andTheRetryWaitFollowsIt() {
        LocalBuckets buckets = new LocalBuckets(2);
        Bucket bucket = new Bucket("test:rate", 0.02, 4);

        assertThat(buckets.rate(bucket)).isEqualTo(0.01);
        assertThat(buckets.burst(bucket)).isEqualTo(2);
        outcomes(buckets, admission(bucket), 2);
        Decision throttled = buckets.admit(admission(bucket));

        assertThat(throttled.outcome()).isEqualTo(Decision.Outcome.THROTTLED);
        assertThat(throttled.limit()).isEqualTo(2);
        // One token at 0.01/s, not 0.02/s: up to 100 s, more than the 50 s of the whole rate.
        assertThat(throttled.retryAfterMillis()).isGreaterThan(50_000).isLessThanOrEqualTo(100_000);
    }

    @Test
    void burstSmallerThanTheReplicas_stillAdmitsOne_andZeroStaysZero() {
        LocalBuckets buckets = new LocalBuckets(2);

        assertThat(outcomes(buckets, admission(new Bucket("test:one", 0.001, 1)), 2))
                .containsExactly(Decision.Outcome.ADMITTED, Decision.Outcome.THROTTLED);
        assertThat(outcomes(buckets, admission(new Bucket("test:zero", 0.001, 0)), 1))
                .containsExactly(Decision.Outcome.THROTTLED);
    }

    @Test
    void oneReplica_keepsTheWholeLimit() {
        LocalBuckets buckets = new LocalBuckets(1);

        assertThat(outcomes(buckets, admission(new Bucket("test:whole", 0.001, 3)), 4))
                .containsExactly(
                        Decision.Outcome.ADMITTED,
                        Decision.Outcome.ADMITTED,
                        Decision.Outcome.ADMITTED,
                        Decision.Outcome.THROTTLED);
    }

    @Test
    void replicas_belowOne_areRefused() {
        assertThatThrownBy(() -> new LocalBuckets(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
