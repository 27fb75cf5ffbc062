package io.ttquant.core.data;

import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static io.ttquant.core.data.Fixtures.BTCUSDT;
import static io.ttquant.core.data.Fixtures.MINUTE;
import static io.ttquant.core.data.Fixtures.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticMarketDataTest {
    private static final long START = 1_704_067_200_000_000_000L;

    private static SyntheticMarketData.Builder btc(SyntheticMarketData.Kind kind) {
        return SyntheticMarketData.builder(BTCUSDT).kind(kind).startPrice("42000").seed(7);
    }

    @ParameterizedTest
    @EnumSource(SyntheticMarketData.Kind.class)
    void shouldProduceIdenticalStreamForSameSeed(SyntheticMarketData.Kind kind) {
        List<String> a = fingerprints(btc(kind).count(20_000).build());
        List<String> b = fingerprints(btc(kind).count(20_000).build());

        assertThat(a).hasSize(20_000).doesNotHaveDuplicates();
        assertThat(b).isEqualTo(a);
    }

    @ParameterizedTest
    @EnumSource(SyntheticMarketData.Kind.class)
    void shouldProduceDifferentStreamForDifferentSeed(SyntheticMarketData.Kind kind) {
        List<String> a = fingerprints(btc(kind).count(1_000).build());
        List<String> b = fingerprints(btc(kind).seed(8).count(1_000).build());

        assertThat(b).isNotEqualTo(a);
    }

    /** Every field of every event, as text. */
    private static List<String> fingerprints(MarketDataSource source) {
        List<String> out = new ArrayList<>();
        try (source) {
            while (source.advance()) {
                MarketEvent e = source.current();
                String head = e.kind() + " " + e.instrument() + " " + e.exchangeTimeNanos() + " " + e.receiveTimeNanos() + " ";
                if (e instanceof Bar) {
                    Bar b = (Bar) e;
                    out.add(head + b.openTimeNanos() + " " + b.intervalNanos() + " " + b.open() + " " + b.high() + " " + b.low()
                            + " " + b.close() + " " + b.volume());
                } else if (e instanceof TradeTick) {
                    TradeTick t = (TradeTick) e;
                    out.add(head + t.price() + " " + t.qty() + " " + t.aggressor() + " " + t.tradeId());
                } else {
                    QuoteTick q = (QuoteTick) e;
                    out.add(head + q.bidPrice() + " " + q.bidQty() + " " + q.askPrice() + " " + q.askQty());
                }
            }
        }
        return out;
    }

    @Test
    void shouldProduceContiguousSaneBarsOnTheTickGrid() {
        long wicks = 0;
        long n = 0;
        long previousClose = BTCUSDT.price("42000");
        try (SyntheticMarketData source = btc(SyntheticMarketData.Kind.BARS).count(100_000).build()) {
            while (source.advance()) {
                Bar b = (Bar) source.current();
                assertThat(b.openTimeNanos()).isEqualTo(START + n * MINUTE);
                assertThat(b.intervalNanos()).isEqualTo(MINUTE);
                assertThat(b.open()).isEqualTo(previousClose);
                assertThat(b.low()).isPositive().isLessThanOrEqualTo(Math.min(b.open(), b.close()));
                assertThat(b.high()).isGreaterThanOrEqualTo(Math.max(b.open(), b.close()));
                assertThat(b.volume()).isNotNegative();
                assertThat(BTCUSDT.checkPrice(b.high())).isNull();
                assertThat(BTCUSDT.checkPrice(b.low())).isNull();
                assertThat(BTCUSDT.checkPrice(b.close())).isNull();
                if (b.high() > Math.max(b.open(), b.close())) {
                    wicks++;
                }
                previousClose = b.close();
                n++;
            }
        }
        assertThat(n).isEqualTo(100_000);
        assertThat(wicks).isBetween(80_000L, 98_000L);
    }

    @Test
    void shouldMoveLikeOneMinuteBitcoinForAnEmaCrossover() {
        // BTCUSDT 1m (April-May 2021) crosses EMA(12) over EMA(26) once every 26 bars; a pure
        // random walk about once every 30. Far fewer would mean trends too smooth, far more noise.
        double fast = 0;
        double slow = 0;
        int sign = 0;
        int crossings = 0;
        int n = 0;
        try (SyntheticMarketData source = btc(SyntheticMarketData.Kind.BARS).count(10_000).build()) {
            while (source.advance()) {
                double close = BTCUSDT.priceToDouble(((Bar) source.current()).close());
                fast = n == 0 ? close : fast + (close - fast) * 2 / 13.0;
                slow = n == 0 ? close : slow + (close - slow) * 2 / 27.0;
                int s = Double.compare(fast, slow);
                if (n > 26 && s != 0 && sign != 0 && s != sign) {
                    crossings++;
                }
                if (s != 0) {
                    sign = s;
                }
                n++;
            }
        }
        assertThat(crossings).isBetween(200, 600);
    }

    @Test
    void shouldTradeAtTheBidOrAskOfOneToThreeTickSpreads() {
        QuoteTick last = null;
        long lastTime = Long.MIN_VALUE;
        long lastTradeId = 0;
        int trades = 0;
        int buys = 0;
        try (SyntheticMarketData source = btc(SyntheticMarketData.Kind.QUOTES_AND_TRADES).count(50_000).build()) {
            while (source.advance()) {
                MarketEvent e = source.current();
                assertThat(e.timeNanos()).isGreaterThanOrEqualTo(lastTime);
                lastTime = e.timeNanos();
                if (e instanceof QuoteTick) {
                    QuoteTick q = (QuoteTick) e;
                    assertThat(q.askPrice() - q.bidPrice()).isBetween(1L, 3L);
                    assertThat(q.bidQty()).isPositive();
                    assertThat(q.askQty()).isPositive();
                    last = new QuoteTick();
                    last.copyFrom(q);
                } else {
                    TradeTick t = (TradeTick) e;
                    assertThat(last).isNotNull();
                    assertThat(t.price()).isEqualTo(t.aggressor() == Side.BUY ? last.askPrice() : last.bidPrice());
                    assertThat(t.qty()).isPositive();
                    assertThat(t.qty() % BTCUSDT.stepSize()).isZero();
                    assertThat(t.tradeId()).isEqualTo(lastTradeId + 1);
                    lastTradeId = t.tradeId();
                    trades++;
                    if (t.aggressor() == Side.BUY) {
                        buys++;
                    }
                }
            }
        }
        assertThat(trades).isBetween(15_000, 18_000);
        assertThat(buys).isBetween(trades * 2 / 5, trades * 3 / 5);
    }

    @Test
    void shouldProduceTradesOnlyInIncreasingTime() {
        List<MarketEvent> events = events(btc(SyntheticMarketData.Kind.TRADES).count(5_000).build());

        assertThat(events).hasSize(5_000).allSatisfy(e -> assertThat(e).isInstanceOf(TradeTick.class));
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).timeNanos()).isGreaterThan(events.get(i - 1).timeNanos());
        }
        long span = events.get(events.size() - 1).timeNanos() - events.get(0).timeNanos();
        assertThat(span / 4_999).isBetween(80_000_000L, 120_000_000L);
    }

    @Test
    void shouldServeHugeCountLazily() {
        try (SyntheticMarketData source = btc(SyntheticMarketData.Kind.BARS).count(Long.MAX_VALUE).build()) {
            for (int i = 0; i < 1_000; i++) {
                assertThat(source.advance()).isTrue();
            }
        }
    }

    @Test
    void shouldEndBeforeClockWouldOverflow() {
        long start = Long.MAX_VALUE - 100 * MINUTE;
        long n = 0;
        try (SyntheticMarketData source = btc(SyntheticMarketData.Kind.BARS).startTimeNanos(start).count(Long.MAX_VALUE).build()) {
            while (source.advance()) {
                assertThat(((Bar) source.current()).closeTimeNanos()).isPositive();
                n++;
            }
        }
        assertThat(n).isBetween(30L, 40L);
    }

    @Test
    void shouldStopAfterCountOrClose() {
        SyntheticMarketData source = btc(SyntheticMarketData.Kind.BARS).count(2).build();
        assertThat(source.advance()).isTrue();
        assertThat(source.advance()).isTrue();
        assertThat(source.advance()).isFalse();

        SyntheticMarketData closed = btc(SyntheticMarketData.Kind.BARS).build();
        closed.close();
        assertThat(closed.advance()).isFalse();
        assertThat(closed.skippedRows()).isZero();
        assertThat(closed.description()).isEqualTo("synthetic BTCUSDT bars (seed 7)");
    }

    @Test
    void shouldRefuseInvalidSettings() {
        assertThatThrownBy(() -> btc(SyntheticMarketData.Kind.BARS).startPrice("42000.005").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> btc(SyntheticMarketData.Kind.BARS).count(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> btc(SyntheticMarketData.Kind.BARS).volatility(-0.1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> btc(SyntheticMarketData.Kind.BARS).intervalNanos(-5).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> btc(SyntheticMarketData.Kind.BARS).medianQty("0.000001").build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
