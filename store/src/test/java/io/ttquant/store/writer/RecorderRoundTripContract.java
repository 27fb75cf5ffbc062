package io.ttquant.store.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.store.Store;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The recorder with its writer thread against a real store: what goes in comes back out, the same
 * contract for every store (each subclass says how to open its store).
 */
abstract class RecorderRoundTripContract {
    private static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");
    private static final long T0 = 1_723_161_255_342_000_000L;
    private static final long MINUTE = 60_000_000_000L;

    /** Opens (creating it the first time) the store under test; the same data each call. */
    abstract Store open();

    @Test
    void shouldRecordOneHundredThousandTradesAndSomeQuotesAndBarsAndReadThemBackIdentical() {
        int trades = 100_000;
        int quotes = 10_000;
        int bars = 1_000;
        try (Store store = open()) {
            try (MarketDataRecorder recorder = MarketDataRecorder.start(store, RecorderConfig.defaults())) {
                TradeTick t = new TradeTick();
                QuoteTick q = new QuoteTick();
                Bar b = new Bar();
                for (int i = 0; i < trades; i++) {
                    assertThat(recorder.recordTrade("binance", trade(t, i))).isTrue();
                    if (i < quotes) {
                        assertThat(recorder.recordQuote("binance", quote(q, i))).isTrue();
                    }
                    if (i < bars) {
                        assertThat(recorder.recordBar("binance", bar(b, i))).isTrue();
                    }
                }
                assertThat(recorder.flush(Duration.ofSeconds(120))).isTrue();
                RecorderStats s = recorder.stats();
                assertThat(s.rowsWritten(RecordedStream.TRADES)).isEqualTo(trades);
                assertThat(s.rowsWritten(RecordedStream.QUOTES)).isEqualTo(quotes);
                assertThat(s.rowsWritten(RecordedStream.BARS)).isEqualTo(bars);
                assertThat(s.droppedTotal(RecordedStream.TRADES)).isZero();
                assertThat(s.batchesWritten(RecordedStream.TRADES)).isGreaterThanOrEqualTo(trades / RecorderConfig.defaults().batchRows());
            }
        }
        try (Store store = open()) {
            assertThat(store.count("market_trades")).isEqualTo(trades);
            int i = 0;
            TradeTick expected = new TradeTick();
            try (MarketDataSource back = store.readTrades("binance", BTC, T0, T0 + 1_000_000_000_000L)) {
                while (back.advance()) {
                    TradeTick got = (TradeTick) back.current();
                    trade(expected, i++);
                    assertThat(got.instrument().symbol()).isEqualTo("BTCUSDT");
                    if (got.tradeId() != expected.tradeId() || got.exchangeTimeNanos() != expected.exchangeTimeNanos()
                            || got.price() != expected.price() || got.qty() != expected.qty()
                            || got.aggressor() != expected.aggressor()) {
                        assertThat(got.toString()).as("trade %d", i - 1).isEqualTo(expected.toString());
                    }
                }
            }
            assertThat(i).isEqualTo(trades);
            i = 0;
            QuoteTick q = new QuoteTick();
            try (MarketDataSource back = store.readQuotes("binance", BTC, T0, T0 + 1_000_000_000_000L)) {
                while (back.advance()) {
                    QuoteTick got = (QuoteTick) back.current();
                    quote(q, i++);
                    assertThat(new long[] {got.exchangeTimeNanos(), got.bidPrice(), got.bidQty(), got.askPrice(), got.askQty()})
                            .as("quote %d", i - 1)
                            .containsExactly(q.exchangeTimeNanos(), q.bidPrice(), q.bidQty(), q.askPrice(), q.askQty());
                }
            }
            assertThat(i).isEqualTo(quotes);
            i = 0;
            Bar b = new Bar();
            try (MarketDataSource back = store.readBars("binance", BTC, MINUTE, T0 - MINUTE, T0 + 1_000 * MINUTE + MINUTE)) {
                while (back.advance()) {
                    Bar got = (Bar) back.current();
                    bar(b, i++);
                    assertThat(new long[] {got.openTimeNanos(), got.open(), got.high(), got.low(), got.close(), got.volume()})
                            .as("bar %d", i - 1)
                            .containsExactly(b.openTimeNanos(), b.open(), b.high(), b.low(), b.close(), b.volume());
                }
            }
            assertThat(i).isEqualTo(bars);
        }
    }

    /** Trade i: microsecond times (the schema's resolution), prices and quantities at the instrument's scales. */
    private static TradeTick trade(TradeTick t, int i) {
        long time = T0 + i * 1_000L * 37;
        return t.set(BTC, time, time + 250_000, 6_183_710 + (i % 997), 1 + (i % 5_000), i % 3 == 0 ? Side.SELL : Side.BUY,
                4_000_000_000L + i);
    }

    private static QuoteTick quote(QuoteTick q, int i) {
        long time = T0 + i * 1_000L * 101;
        return q.set(BTC, time, time + 3_000, 6_183_700 + i % 50, 1 + i % 700, 6_183_760 + i % 50, 2 + i % 900);
    }

    private static Bar bar(Bar b, int i) {
        long open = T0 - T0 % MINUTE + i * MINUTE;
        return b.set(BTC, open, MINUTE, 6_183_700 + i, 6_183_900 + i, 6_183_600 + i, 6_183_800 + i, 100_000 + i);
    }
}
