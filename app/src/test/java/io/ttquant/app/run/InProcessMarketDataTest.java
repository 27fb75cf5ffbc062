package io.ttquant.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.data.SyntheticMarketData;
import io.ttquant.core.data.TradeBarAggregator;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.transport.bus.FrameRing;
import io.ttquant.transport.codec.MarketDataDecoder;
import io.ttquant.transport.codec.SymbolTable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-process market data path of {@code ttquant run}: bars built from live trades, and events carried between threads by rings. */
class InProcessMarketDataTest {
    private static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private static MarketDataSource synthetic() {
        return SyntheticMarketData.builder(BTC).kind(SyntheticMarketData.Kind.QUOTES_AND_TRADES).seed(7).startTimeNanos(T0 + 123_456_789L)
                .count(5_000).build();
    }

    @Test
    void shouldBuildTheSameBarsFromLiveTradesAsTheBacktestersAggregator() {
        List<String> expected = new ArrayList<>();
        MarketDataSource oracle = new TradeBarAggregator(synthetic(), SECOND);
        while (oracle.advance()) {
            if (oracle.current() instanceof Bar b) {
                expected.add(b.toString());
            }
        }
        List<String> built = new ArrayList<>();
        TradeBarBuilder builder = new TradeBarBuilder(SECOND, e -> built.add(e.toString()) || true);
        MarketDataSource live = synthetic();
        while (live.advance()) {
            builder.onMarketData(live.current());
        }

        // The aggregator also closes the last bar at the end of its data; a live stream has no end, so that bar is still open.
        assertThat(built).hasSizeGreaterThan(100).isEqualTo(expected.subList(0, expected.size() - 1));
        assertThat(builder.published()).isEqualTo(built.size());
    }

    @Test
    void shouldCarryTheForwardedKindsThroughTheRingToTheConsumersOwnInstrument() {
        FrameRing ring = new FrameRing(1 << 16);
        MarketDataRingWriter writer = new MarketDataRingWriter("test", ring, "binance",
                EnumSet.of(MarketDataKind.TRADE, MarketDataKind.QUOTE));
        Instrument consumers = Instruments.binanceSpot("BTCUSDT");
        List<String> received = new ArrayList<>();
        MarketDataRingReader reader = new MarketDataRingReader(ring, new MarketDataDecoder(SymbolTable.of(consumers)), e -> {
            assertThat(e.instrument()).isSameAs(consumers);
            received.add(e.toString());
        });
        TradeTick trade = new TradeTick().set(BTC, T0, T0 + 5, BTC.price("100.01"), BTC.qty("0.5"), null, 42);
        QuoteTick quote = new QuoteTick().set(BTC, T0 + 1, T0 + 6, BTC.price("100.00"), BTC.qty("1"), BTC.price("100.02"), BTC.qty("2"));
        Bar bar = new Bar().set(BTC, T0, SECOND, 1, 2, 1, 2, 3);

        for (MarketEvent e : List.of(trade, quote, bar)) {
            writer.onMarketData(e);
        }
        int taken = reader.poll(10);

        assertThat(taken).isEqualTo(2);
        assertThat(received).containsExactly(trade.toString(), quote.toString());
        assertThat(reader.handled()).isEqualTo(2);
    }

    @Test
    void shouldDropRatherThanWaitWhenTheConsumersRingIsFull() {
        FrameRing ring = new FrameRing(256);
        MarketDataRingWriter writer = new MarketDataRingWriter("test", ring, "binance", EnumSet.allOf(MarketDataKind.class));
        TradeTick trade = new TradeTick().set(BTC, T0, T0, BTC.price("100.01"), BTC.qty("0.5"), null, 1);

        for (int i = 0; i < 100; i++) {
            writer.onMarketData(trade);
        }

        assertThat(ring.refused()).isPositive();
        assertThat(ring.offered() + ring.refused()).isEqualTo(100);
    }
}
