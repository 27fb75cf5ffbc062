package io.ttquant.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.MarketEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacedReplayTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_704_067_200_000_000_000L;

    private static MarketDataSource bars(String symbol, long count, long seed) {
        return SyntheticMarketData.builder(Instruments.binanceSpot(symbol)).kind(SyntheticMarketData.Kind.BARS)
                .seed(seed).count(count).startTimeNanos(T0).intervalNanos(60 * SECOND).build();
    }

    private record Seen(String symbol, long eventTime, long receiveTime) {
    }

    @Test
    void shouldReleaseEachEventWhenItsScaledTimeHasCome() {
        // One-minute bars at speed 60: one bar per second of local time.
        PacedReplay replay = new PacedReplay(List.of(bars("BTCUSDT", 5, 1)), 60, 100);
        List<Seen> seen = new ArrayList<>();
        long start = 5_000 * SECOND;
        assertThat(replay.doWork(start, e -> seen.add(seen(e)))).isEqualTo(1);
        assertThat(replay.doWork(start + SECOND - 1, e -> seen.add(seen(e)))).isZero();
        assertThat(replay.nanosUntilDue(start + SECOND - 1)).isEqualTo(1);
        assertThat(replay.doWork(start + SECOND, e -> seen.add(seen(e)))).isEqualTo(1);
        assertThat(replay.doWork(start + 10 * SECOND, e -> seen.add(seen(e)))).isEqualTo(3);
        assertThat(replay.doWork(start + 11 * SECOND, e -> seen.add(seen(e)))).isZero();
        assertThat(replay.isFinished()).isTrue();
        assertThat(replay.released()).isEqualTo(5);
        assertThat(seen).extracting(Seen::eventTime)
                .containsExactly(T0 + 60 * SECOND, T0 + 120 * SECOND, T0 + 180 * SECOND, T0 + 240 * SECOND, T0 + 300 * SECOND);
        assertThat(seen).extracting(Seen::receiveTime)
                .containsExactly(start, start + SECOND, start + 10 * SECOND, start + 10 * SECOND, start + 10 * SECOND);
    }

    @Test
    void shouldMergeSeveralSourcesInTimeOrder() {
        PacedReplay replay = new PacedReplay(List.of(bars("BTCUSDT", 3, 1), bars("ETHUSDT", 3, 2)), 0, 1_000);
        List<Seen> seen = new ArrayList<>();
        replay.doWork(0, e -> seen.add(seen(e)));
        assertThat(seen).extracting(Seen::symbol).containsExactly("BTCUSDT", "ETHUSDT", "BTCUSDT", "ETHUSDT", "BTCUSDT", "ETHUSDT");
        assertThat(replay.isFinished()).isTrue();
    }

    @Test
    void shouldStopAtTheBatchLimitAndResumeWhereItStopped() {
        PacedReplay replay = new PacedReplay(List.of(bars("BTCUSDT", 10, 1)), 0, 4);
        List<Seen> seen = new ArrayList<>();
        assertThat(replay.doWork(0, e -> seen.add(seen(e)))).isEqualTo(4);
        assertThat(replay.doWork(0, e -> seen.add(seen(e)))).isEqualTo(4);
        assertThat(replay.doWork(0, e -> seen.add(seen(e)))).isEqualTo(2);
        assertThat(seen).extracting(Seen::eventTime).isSorted().doesNotHaveDuplicates().hasSize(10);
    }

    @Test
    void shouldRefuseANegativeSpeed() {
        assertThatThrownBy(() -> new PacedReplay(List.of(bars("BTCUSDT", 1, 1)), -1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Seen seen(MarketEvent e) {
        return new Seen(e.instrument().symbol(), e.exchangeTimeNanos(), e.receiveTimeNanos());
    }
}
