package io.ttquant.transport;

import static io.ttquant.transport.TestEvents.BTC;
import static io.ttquant.transport.TestEvents.BTCFD;
import static io.ttquant.transport.TestEvents.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketDataKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Topic names follow the contract, are built once per symbol, and parse back to their kind. */
class TopicsTest {
    @Test
    void shouldNameMarketDataTopicsByVenueSymbolAndKind() {
        Topics topics = new Topics("binance");
        assertThat(topics.marketData(BTC, MarketDataKind.TRADE)).isEqualTo("md.binance.BTCUSDT.trade");
        assertThat(topics.marketData(BTC, MarketDataKind.QUOTE)).isEqualTo("md.binance.BTCUSDT.quote");
        assertThat(topics.marketData(ETH, MarketDataKind.BOOK)).isEqualTo("md.binance.ETHUSDT.book");
        assertThat(topics.marketData(ETH, MarketDataKind.BAR)).isEqualTo("md.binance.ETHUSDT.bar");
        assertThat(new String(topics.marketDataBytes(BTC, MarketDataKind.BAR), StandardCharsets.US_ASCII)).isEqualTo("md.binance.BTCUSDT.bar");
        assertThat(Topics.execution("mean-rev.1")).isEqualTo("exec.mean-rev.1");
        assertThat(Topics.marketDataPrefix("binance")).isEqualTo("md.binance.");
        assertThat(Topics.marketDataPrefix("binance", "BTCUSDT")).isEqualTo("md.binance.BTCUSDT.");
    }

    @Test
    void shouldBuildEachTopicOnceAndNumberTopicsDensely() {
        Topics topics = new Topics("binance");
        byte[] first = topics.marketDataBytes(BTC, MarketDataKind.TRADE);
        topics.marketDataBytes(ETH, MarketDataKind.TRADE);
        assertThat(topics.marketDataBytes(BTC, MarketDataKind.TRADE)).isSameAs(first);
        // Another Instrument object with the same symbol is the same topic.
        Instrument sameSymbol = Instrument.builder("BTCUSDT").tickSize("0.1").stepSize("0.001").build();
        assertThat(topics.marketDataBytes(sameSymbol, MarketDataKind.TRADE)).isSameAs(first);
        assertThat(topics.topicId(BTC, MarketDataKind.TRADE)).isEqualTo(MarketDataKind.TRADE.ordinal());
        assertThat(topics.topicId(ETH, MarketDataKind.BAR)).isEqualTo(Topics.kindCount() + MarketDataKind.BAR.ordinal());
        assertThat(topics.topicId(BTCFD, MarketDataKind.QUOTE)).isEqualTo(2 * Topics.kindCount() + MarketDataKind.QUOTE.ordinal());
        assertThat(topics.symbolCount()).isEqualTo(3);
    }

    @Test
    void shouldReadTheKindBackFromTopicBytes() {
        for (MarketDataKind kind : MarketDataKind.values()) {
            byte[] t = ("md.binance.BTCUSDT." + kind.topicName() + "-----").getBytes(StandardCharsets.US_ASCII);
            assertThat(Topics.kindOf(t, t.length - 5)).isEqualTo(kind);
        }
        for (String bad : new String[] {"exec.trade", "md.trade", "md..bar", "md.binance.BTCUSDT.trades", "mx.binance.BTCUSDT.trade", "md", ""}) {
            byte[] t = bad.getBytes(StandardCharsets.US_ASCII);
            assertThat(Topics.kindOf(t, t.length)).as(bad).isNull();
        }
    }

    @Test
    void shouldRefuseNamesThatWouldBreakTheTopicGrammar() {
        assertThatThrownBy(() -> new Topics("bin.ance")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Topics("Binance")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Topics("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.marketDataPrefix("binance", "btcusdt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.execution("has space")).isInstanceOf(IllegalArgumentException.class);
    }
}
