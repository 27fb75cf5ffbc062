package io.ttquant.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Backoff with full jitter, the one-attempt-a-second rule and the reset after a stable connection, on a fake clock. */
class ReconnectPolicyTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    private static ReconnectPolicy policy(long seed) {
        return new ReconnectPolicy(1 * S, 8 * S, 1 * S, 60 * S, new Random(seed));
    }

    @Test
    void shouldDoubleTheJitterCeilingPerConsecutiveLossUpToTheCap() {
        ReconnectPolicy p = policy(1);
        long now = 0;
        List<Long> ceilings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            p.onAttempt(now);
            long next = p.onConnectionLost(now + 10 * MS, -1);
            ceilings.add(p.lastBackoffCeilingNanos());
            now = next;
        }
        assertThat(ceilings).containsExactly(1 * S, 2 * S, 4 * S, 8 * S, 8 * S, 8 * S);
        assertThat(p.consecutiveFailures()).isEqualTo(6);
    }

    @Test
    void shouldDrawDelaysUniformlyBetweenZeroAndTheCeiling() {
        // Full jitter: many draws at the same exponent spread over the whole interval [0, ceiling].
        ReconnectPolicy p = new ReconnectPolicy(4 * S, 4 * S, 1 * S, 60 * S, new Random(7));
        long lossAt = 100 * S;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        double sum = 0;
        int n = 2000;
        for (int i = 0; i < n; i++) {
            p.onAttempt(lossAt - 10 * S);
            long delay = p.onConnectionLost(lossAt, -1) - lossAt;
            assertThat(delay).isBetween(0L, 4 * S);
            min = Math.min(min, delay);
            max = Math.max(max, delay);
            sum += delay;
        }
        assertThat(min).isLessThan(100 * MS);
        assertThat(max).isGreaterThan(3_900 * MS);
        assertThat(sum / n).isBetween(1.8e9, 2.2e9);
    }

    @Test
    void shouldNeverScheduleTwoAttemptsWithinOneSecondEvenWhenTheJitterIsZero() {
        ReconnectPolicy p = new ReconnectPolicy(1, 1, 1 * S, 60 * S, new Random(3));
        p.onAttempt(5 * S);
        assertThat(p.mayAttempt(5 * S + 999 * MS)).isFalse();
        assertThat(p.mayAttempt(6 * S)).isTrue();
        long next = p.onConnectionLost(5 * S + 20 * MS, 5 * S + 10 * MS);
        assertThat(next).isEqualTo(6 * S);
    }

    @Test
    void shouldAllowTheFirstAttemptAtOnce() {
        ReconnectPolicy p = policy(1);
        assertThat(p.mayAttempt(0)).isTrue();
        assertThat(p.earliestAttemptNanos(123)).isEqualTo(123);
    }

    @Test
    void shouldResetTheBackoffAfterAConnectionStayedUpLongEnough() {
        ReconnectPolicy p = policy(2);
        long now = 0;
        for (int i = 0; i < 4; i++) {
            p.onAttempt(now);
            now = p.onConnectionLost(now + 1, -1);
        }
        assertThat(p.lastBackoffCeilingNanos()).isEqualTo(8 * S);
        p.onAttempt(now);
        long connectedAt = now + 10 * MS;
        p.onConnectionLost(connectedAt + 59 * S, connectedAt);
        assertThat(p.lastBackoffCeilingNanos()).as("59 s is not stable yet").isEqualTo(8 * S);
        p.onAttempt(connectedAt + 70 * S);
        long reconnectedAt = connectedAt + 71 * S;
        p.onConnectionLost(reconnectedAt + 60 * S, reconnectedAt);
        assertThat(p.lastBackoffCeilingNanos()).isEqualTo(1 * S);
        assertThat(p.consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void shouldGiveTheSameScheduleForTheSameSeed() {
        ReconnectPolicy a = policy(42);
        ReconnectPolicy b = policy(42);
        for (int i = 0; i < 10; i++) {
            a.onAttempt(i * 100 * S);
            b.onAttempt(i * 100 * S);
            assertThat(a.onConnectionLost(i * 100 * S + 1, -1)).isEqualTo(b.onConnectionLost(i * 100 * S + 1, -1));
        }
    }

    @Test
    void shouldRefuseNonsensicalSettings() {
        assertThatThrownBy(() -> new ReconnectPolicy(2 * S, 1 * S, S, S, new Random()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconnectPolicy(S, S, 0, S, new Random()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
