package io.ttquant.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAllowTheBurstThenRefuseUntilRefilled() {
        TokenBucket b = new TokenBucket(new RateLimit(3, 1, SECOND), 0);
        assertThat(b.tryAcquire(0)).isTrue();
        assertThat(b.tryAcquire(0)).isTrue();
        assertThat(b.tryAcquire(0)).isTrue();
        assertThat(b.tryAcquire(0)).isFalse();
        assertThat(b.tryAcquire(SECOND - 1)).isFalse();
        assertThat(b.tryAcquire(SECOND)).isTrue();
        assertThat(b.tryAcquire(SECOND)).isFalse();
    }

    @Test
    void shouldRefillExactlyWithoutDriftOverUnevenSteps() {
        // 7 tokens per 1000 ns, burst large enough never to clip: after greedy taking, the number
        // taken by time t must be exactly burst + floor(7 t / 1000), whatever the step pattern.
        TokenBucket b = new TokenBucket(new RateLimit(10, 7, 1000), 0);
        SplittableRandom r = new SplittableRandom(7);
        long t = 0;
        long taken = 0;
        while (b.tryAcquire(0)) {
            taken++;
        }
        assertThat(taken).isEqualTo(10);
        for (int step = 0; step < 200_000; step++) {
            t += r.nextInt(1, 100);
            while (b.tryAcquire(t)) {
                taken++;
            }
            assertThat(taken).isEqualTo(10 + t * 7 / 1000);
        }
    }

    @Test
    void shouldCapAtTheBurstAfterALongIdle() {
        TokenBucket b = new TokenBucket(RateLimit.perSecond(5), 0);
        for (int k = 0; k < 5; k++) {
            assertThat(b.tryAcquire(0)).isTrue();
        }
        assertThat(b.available(365L * 24 * 3600 * SECOND)).isEqualTo(5);
    }

    @Test
    void shouldIgnoreTimeGoingBackwards() {
        TokenBucket b = new TokenBucket(new RateLimit(1, 1, SECOND), 10 * SECOND);
        assertThat(b.tryAcquire(10 * SECOND)).isTrue();
        assertThat(b.tryAcquire(5 * SECOND)).isFalse();
        assertThat(b.tryAcquire(11 * SECOND - 1)).isFalse();
        assertThat(b.tryAcquire(11 * SECOND)).isTrue();
    }

    @Test
    void shouldSayHowLongUntilTheNextToken() {
        TokenBucket b = new TokenBucket(new RateLimit(1, 3, 10), 0);
        assertThat(b.nanosUntilToken(0)).isZero();
        assertThat(b.tryAcquire(0)).isTrue();
        assertThat(b.nanosUntilToken(0)).isEqualTo(4); // 10 units per token, 3 units per ns
        assertThat(b.hasToken(3)).isFalse();
        assertThat(b.hasToken(4)).isTrue();
    }

    @Test
    void shouldRefuseMeaninglessOrOverflowingRateLimits() {
        assertThatThrownBy(() -> new RateLimit(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(1, 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(Long.MAX_VALUE / 2, 1, SECOND))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflows");
    }
}
