package io.ttquant.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeBarAggregatorTest {
    private static final long S = 1_000_000_000L;
    private final Instrument btc = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001").build();

    /** Trades as (seconds, price, qty) triples. */
    private MarketDataSource trades(long[][] rows) {
        return new MarketDataSource() {
            private final TradeTick tick = new TradeTick();
            private int i = -1;

            @Override
            public boolean advance() {
                if (++i >= rows.length) {
                    return false;
                }
                tick.set(btc, rows[i][0] * S, rows[i][0] * S, rows[i][1], rows[i][2], Side.BUY, i + 1);
                return true;
            }

            @Override
            public MarketEvent current() {
                return tick;
            }

            @Override
            public String description() {
                return "test trades";
            }

            @Override
            public long skippedRows() {
                return 0;
            }

            @Override
            public void close() {
            }
        };
    }

    private List<String> drain(MarketDataSource s) {
        List<String> out = new ArrayList<>();
        while (s.advance()) {
            MarketEvent e = s.current();
            if (e instanceof Bar) {
                Bar b = (Bar) e;
                out.add("bar " + b.openTimeNanos() / S + "-" + b.closeTimeNanos() / S + " " + b.open() + "/" + b.high() + "/"
                        + b.low() + "/" + b.close() + " v" + b.volume());
            } else {
                TradeTick t = (TradeTick) e;
                out.add("trade " + t.timeNanos() / S + " " + t.price());
            }
        }
        return out;
    }

    @Test
    void shouldServeEachBarAtItsCloseBetweenTheTrades() {
        MarketDataSource s = new TradeBarAggregator(trades(new long[][] {
                {0, 10_000, 1}, {30, 11_000, 2}, {65, 9_000, 1}, {200, 9_500, 4}}), 60 * S);
        assertThat(drain(s)).containsExactly(
                "trade 0 10000", "trade 30 11000",
                "bar 0-60 10000/11000/10000/11000 v3",
                "trade 65 9000",
                "bar 60-120 9000/9000/9000/9000 v1",
                "trade 200 9500",
                "bar 180-240 9500/9500/9500/9500 v4");
    }

    @Test
    void shouldKeepEventsInTimeOrder() {
        MarketDataSource s = new TradeBarAggregator(SyntheticMarketData.builder(btc).seed(3).count(20_000)
                .kind(SyntheticMarketData.Kind.TRADES).build(), 60 * S);
        long last = Long.MIN_VALUE;
        long bars = 0;
        while (s.advance()) {
            assertThat(s.current().timeNanos()).isGreaterThanOrEqualTo(last);
            last = s.current().timeNanos();
            bars += s.current() instanceof Bar ? 1 : 0;
        }
        assertThat(bars).isPositive();
    }
}
