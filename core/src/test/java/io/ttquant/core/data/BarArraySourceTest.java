package io.ttquant.core.data;

import io.ttquant.core.marketdata.Bar;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ttquant.core.data.Fixtures.BTCUSDT;
import static io.ttquant.core.data.Fixtures.MINUTE;
import static io.ttquant.core.data.Fixtures.bars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarArraySourceTest {
    private static final long T0 = 1_704_067_200_000_000_000L;

    @Test
    void shouldServeBarsInArrayOrder() {
        long[] t = {T0, T0 + MINUTE, T0 + 3 * MINUTE};
        BarArraySource source = new BarArraySource(BTCUSDT, MINUTE, t,
                new long[] {100, 110, 105}, new long[] {120, 115, 105}, new long[] {90, 100, 95},
                new long[] {110, 105, 95}, new long[] {1, 2, 0});
        assertThat(source.description()).isEqualTo("3 BTCUSDT bars in memory");

        List<Bar> bars = bars(source);

        assertThat(bars).extracting(Bar::openTimeNanos).containsExactly(t[0], t[1], t[2]);
        assertThat(bars).extracting(Bar::timeNanos).containsExactly(t[0] + MINUTE, t[1] + MINUTE, t[2] + MINUTE);
        assertThat(bars).extracting(Bar::close).containsExactly(110L, 105L, 95L);
        assertThat(bars.get(1).volume()).isEqualTo(2);
    }

    @Test
    void shouldCaptureAnotherSourceAndReplayItAfterRewind() {
        SyntheticMarketData synthetic = SyntheticMarketData.builder(BTCUSDT).seed(4).count(50).build();
        BarArraySource captured = BarArraySource.capture(synthetic, 50);
        List<Bar> first = bars(captured);
        captured.close();
        captured.rewind();
        List<Bar> second = bars(captured);

        List<Bar> expected = bars(SyntheticMarketData.builder(BTCUSDT).seed(4).count(50).build());
        assertThat(first).hasSize(50);
        assertThat(first).extracting(Bar::close).isEqualTo(expected.stream().map(Bar::close).toList());
        assertThat(second).extracting(Bar::openTimeNanos).isEqualTo(first.stream().map(Bar::openTimeNanos).toList());
        assertThatThrownBy(() -> BarArraySource.capture(SyntheticMarketData.builder(BTCUSDT).count(3).build(), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("held only 3 bars");
    }

    @Test
    void shouldRefuseInconsistentOrOverlappingBars() {
        long[] one = {100};
        assertThatThrownBy(() -> new BarArraySource(BTCUSDT, MINUTE, new long[] {T0}, one, new long[] {99}, one, one, one))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bar 0 is inconsistent");
        long[] two = {100, 100};
        assertThatThrownBy(() -> new BarArraySource(BTCUSDT, MINUTE, new long[] {T0, T0 + 1}, two, two, two, two, two))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bar 1 opens before bar 0 closes");
        assertThatThrownBy(() -> new BarArraySource(BTCUSDT, MINUTE, new long[] {T0}, two, one, one, one, one))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
