package io.ttquant.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** At most five outgoing messages in any one-second window, driven by a fake clock. */
class ControlMessageThrottleTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    @Test
    void shouldAllowFiveAtOnceThenRefuseUntilTheOldestLeavesTheWindow() {
        ControlMessageThrottle t = new ControlMessageThrottle(5, S);
        for (int i = 0; i < 5; i++) {
            assertThat(t.tryAcquire(10 * MS + i)).isTrue();
        }
        assertThat(t.tryAcquire(20 * MS)).isFalse();
        assertThat(t.nextPermitNanos(20 * MS)).isEqualTo(1_010 * MS);
        assertThat(t.tryAcquire(1_010 * MS - 1)).isFalse();
        assertThat(t.tryAcquire(1_010 * MS)).isTrue();
        assertThat(t.tryAcquire(1_010 * MS)).as("the second permit frees one nanosecond later").isFalse();
        assertThat(t.tryAcquire(1_010 * MS + 1)).isTrue();
    }

    @Test
    void shouldNeverExceedTheLimitInAnyWindowUnderUnlimitedDemand() {
        ControlMessageThrottle t = new ControlMessageThrottle(5, S);
        List<Long> permits = new ArrayList<>();
        for (long now = 0; now < 10 * S; now += MS) {
            while (t.tryAcquire(now)) {
                permits.add(now);
            }
        }
        for (int i = 0; i + 5 < permits.size(); i++) {
            assertThat(permits.get(i + 5) - permits.get(i)).isGreaterThanOrEqualTo(S);
        }
        assertThat(permits).hasSize(50);
    }

    @Test
    void shouldSpreadQueuedMessagesAtTheAllowedPace() {
        // 12 messages asked for at once go out as 5 + 5 + 2, one window apart.
        ControlMessageThrottle t = new ControlMessageThrottle(5, 1_100 * MS);
        int queued = 12;
        List<Long> sent = new ArrayList<>();
        long now = 0;
        while (queued > 0) {
            while (queued > 0 && t.tryAcquire(now)) {
                sent.add(now);
                queued--;
            }
            now = t.nextPermitNanos(now) == now ? now + MS : t.nextPermitNanos(now);
        }
        assertThat(sent).containsExactly(0L, 0L, 0L, 0L, 0L, 1_100 * MS, 1_100 * MS, 1_100 * MS, 1_100 * MS, 1_100 * MS,
                2_200 * MS, 2_200 * MS);
    }

    @Test
    void shouldStartAFreshAllowanceAfterReset() {
        ControlMessageThrottle t = new ControlMessageThrottle(2, S);
        assertThat(t.tryAcquire(0)).isTrue();
        assertThat(t.tryAcquire(0)).isTrue();
        assertThat(t.tryAcquire(0)).isFalse();
        t.reset();
        assertThat(t.tryAcquire(0)).isTrue();
        assertThat(t.nextPermitNanos(5)).isEqualTo(5);
    }
}
