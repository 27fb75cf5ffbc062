package io.ttquant.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lost messages are counted per topic from sequence gaps; joins and restarts are not losses. */
class SequenceGapDetectorTest {
    private final SequenceGapDetector gaps = new SequenceGapDetector();

    @Test
    void shouldTakeTheFirstSequenceOfATopicAsBaseline() {
        assertThat(gaps.onMessage("md.binance.BTCUSDT.trade", 5_000)).isZero();
        assertThat(gaps.onMessage("md.binance.BTCUSDT.trade", 5_001)).isZero();
        assertThat(gaps.missing()).isZero();
        assertThat(gaps.lastSequence("md.binance.BTCUSDT.trade")).isEqualTo(5_001);
    }

    @Test
    void shouldCountGapsPerTopic() {
        gaps.onMessage("md.binance.BTCUSDT.trade", 1);
        gaps.onMessage("md.binance.ETHUSDT.trade", 1);
        assertThat(gaps.onMessage("md.binance.BTCUSDT.trade", 4)).isEqualTo(2);
        assertThat(gaps.onMessage("md.binance.ETHUSDT.trade", 2)).isZero();
        assertThat(gaps.onMessage("md.binance.BTCUSDT.trade", 10)).isEqualTo(5);
        assertThat(gaps.missing("md.binance.BTCUSDT.trade")).isEqualTo(7);
        assertThat(gaps.missing("md.binance.ETHUSDT.trade")).isZero();
        assertThat(gaps.missing("md.binance.SOLUSDT.trade")).isZero();
        assertThat(gaps.missing()).isEqualTo(7);
        assertThat(gaps.received()).isEqualTo(5);
        assertThat(gaps.topicCount()).isEqualTo(2);
    }

    @Test
    void shouldTreatASequenceThatGoesBackAsAPublisherRestart() {
        gaps.onMessage("exec.alpha", 41);
        assertThat(gaps.onMessage("exec.alpha", 1)).isZero();
        assertThat(gaps.onMessage("exec.alpha", 1)).isZero();
        assertThat(gaps.onMessage("exec.alpha", 3)).isEqualTo(1);
        assertThat(gaps.resets()).isEqualTo(2);
        assertThat(gaps.missing()).isEqualTo(1);
    }

    @Test
    void shouldHandleSequencesAsUnsigned64BitNumbers() {
        gaps.onMessage("t", Long.MAX_VALUE);
        assertThat(gaps.onMessage("t", Long.MIN_VALUE)).as("2^63 follows 2^63 - 1").isZero();
        assertThat(gaps.onMessage("t", Long.MIN_VALUE + 3)).isEqualTo(2);
        assertThat(gaps.resets()).isZero();
    }

    @Test
    void shouldKeepManyTopicsApart() {
        for (int round = 1; round <= 3; round++) {
            for (int t = 0; t < 1_000; t++) {
                gaps.onMessage("md.binance.S" + t + ".trade", round * (t % 2 == 0 ? 1 : 2));
            }
        }
        assertThat(gaps.topicCount()).isEqualTo(1_000);
        // Odd topics skip every other number: 2, 4, 6 -> one missing twice.
        assertThat(gaps.missing()).isEqualTo(500 * 2);
        assertThat(gaps.missing("md.binance.S7.trade")).isEqualTo(2);
    }
}
