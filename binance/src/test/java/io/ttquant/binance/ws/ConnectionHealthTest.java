package io.ttquant.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.binance.ws.ConnectionHealth.Verdict;
import org.junit.jupiter.api.Test;

/** Handshake timeout, silence and age verdicts, driven by a fake clock. */
class ConnectionHealthTest {
    private static final long S = 1_000_000_000L;

    private final ConnectionHealth health = new ConnectionHealth(10 * S, 30 * S, 3_600 * S);

    @Test
    void shouldTimeOutAHandshakeThatNeverCompletes() {
        health.onAttempt(100 * S);
        assertThat(health.check(109 * S)).isEqualTo(Verdict.OK);
        assertThat(health.check(110 * S)).isEqualTo(Verdict.HANDSHAKE_TIMEOUT);
        assertThat(health.isOpen()).isFalse();
    }

    @Test
    void shouldReportSilenceOnlyAfterNoMessageForTheWholeTimeout() {
        health.onAttempt(0);
        health.onOpened(1 * S);
        health.onMessage(20 * S);
        assertThat(health.check(49 * S)).isEqualTo(Verdict.OK);
        assertThat(health.check(50 * S)).isEqualTo(Verdict.SILENCE);
        health.onMessage(50 * S);
        assertThat(health.check(79 * S)).isEqualTo(Verdict.OK);
    }

    @Test
    void shouldReportMaxAgeOfALiveConnection() {
        health.onAttempt(0);
        health.onOpened(5 * S);
        health.onMessage(3_604 * S);
        assertThat(health.check(3_604 * S)).isEqualTo(Verdict.OK);
        health.onMessage(3_605 * S);
        assertThat(health.check(3_605 * S)).isEqualTo(Verdict.MAX_AGE);
        assertThat(health.openedNanos()).isEqualTo(5 * S);
    }

    @Test
    void shouldPreferSilenceOverAgeWhenBothAreDue() {
        health.onAttempt(0);
        health.onOpened(0);
        assertThat(health.check(4_000 * S)).isEqualTo(Verdict.SILENCE);
    }
}
