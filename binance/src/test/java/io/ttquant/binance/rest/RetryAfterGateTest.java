package io.ttquant.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Retry-After window on a fake clock: blocks until its end, only ever extends, reads Binance's seconds. */
class RetryAfterGateTest {
    private static final long S = 1_000_000_000L;

    @Test
    void shouldBlockUntilTheEndOfTheWindowAndNotAfter() {
        RetryAfterGate g = new RetryAfterGate();
        assertThat(g.isBlocked(0)).isFalse();
        g.blockUntil(100 * S);
        assertThat(g.isBlocked(100 * S - 1)).isTrue();
        assertThat(g.isBlocked(100 * S)).isFalse();
    }

    @Test
    void shouldKeepTheLaterEndWhenWindowsOverlap() {
        RetryAfterGate g = new RetryAfterGate();
        g.blockUntil(300 * S);
        assertThat(g.blockUntil(200 * S)).isEqualTo(300 * S);
        assertThat(g.isBlocked(250 * S)).isTrue();
        assertThat(g.blockUntil(400 * S)).isEqualTo(400 * S);
    }

    @Test
    void shouldReadRetryAfterSecondsAndFallBackForAnythingElse() {
        assertThat(RetryAfterGate.retryAfterNanos("30", 60 * S)).isEqualTo(30 * S);
        assertThat(RetryAfterGate.retryAfterNanos(" 7 ", 60 * S)).isEqualTo(7 * S);
        assertThat(RetryAfterGate.retryAfterNanos(null, 60 * S)).isEqualTo(60 * S);
        assertThat(RetryAfterGate.retryAfterNanos("-5", 60 * S)).isEqualTo(60 * S);
        assertThat(RetryAfterGate.retryAfterNanos("Wed, 21 Oct 2015 07:28:00 GMT", 60 * S)).isEqualTo(60 * S);
        assertThat(RetryAfterGate.retryAfterNanos("99999999999", 60 * S)).isEqualTo(60 * S);
    }
}
