package io.ttquant.core.data;

import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static io.ttquant.core.data.Fixtures.MS;
import static io.ttquant.core.data.Fixtures.open;
import static io.ttquant.core.data.Fixtures.resource;
import static io.ttquant.core.data.Fixtures.trades;
import static io.ttquant.core.data.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinanceTradesReaderTest {
    @TempDir
    Path tmp;

    @Test
    void shouldReadTradesWithIdsTimesAndExactPrices() {
        List<TradeTick> trades = trades(open(resource("BTCUSDT-trades-2024-08-08.csv"), FileFormat.BINANCE_TRADES));

        assertThat(trades).hasSize(4);
        TradeTick first = trades.get(0);
        assertThat(first.kind()).isEqualTo(MarketDataKind.TRADE);
        assertThat(first.tradeId()).isEqualTo(3_735_683_259L);
        assertThat(first.price()).isEqualTo(6_183_763L);
        assertThat(first.qty()).isEqualTo(2_000L);
        assertThat(first.exchangeTimeNanos()).isEqualTo(1_723_161_255_342L * MS);
        assertThat(first.receiveTimeNanos()).isEqualTo(first.exchangeTimeNanos());
        assertThat(trades).extracting(TradeTick::tradeId)
                .containsExactly(3_735_683_259L, 3_735_683_260L, 3_735_683_261L, 3_735_683_262L);
    }

    @Test
    void shouldTakeSellAggressorWhenBuyerIsMakerInAnyCase() {
        List<TradeTick> trades = trades(open(resource("BTCUSDT-trades-2024-08-08.csv"), FileFormat.BINANCE_TRADES));

        assertThat(trades).extracting(TradeTick::aggressor).containsExactly(Side.SELL, Side.SELL, Side.BUY, Side.BUY);
    }

    @Test
    void shouldRoundTradeQuantityHalfUpToStep() {
        List<TradeTick> trades = trades(open(resource("BTCUSDT-trades-2024-08-08.csv"), FileFormat.BINANCE_TRADES));

        // 0.000095 -> 0.0001 and 0.000014 -> 0.00001 at five decimals
        assertThat(trades.get(2).qty()).isEqualTo(10L);
        assertThat(trades.get(3).qty()).isEqualTo(1L);
    }

    @Test
    void shouldAcceptSixColumnFuturesTradesLayout() throws IOException {
        Path file = write(tmp, "um.csv", "id,price,qty,quote_qty,time,is_buyer_maker",
                "5187430000,61800.30,0.006,370.8018,1723161256313,true");

        List<TradeTick> trades = trades(open(file, FileFormat.BINANCE_TRADES));

        assertThat(trades).singleElement().satisfies(t -> {
            assertThat(t.price()).isEqualTo(6_180_030L);
            assertThat(t.qty()).isEqualTo(600L);
            assertThat(t.aggressor()).isEqualTo(Side.SELL);
        });
    }

    @Test
    void shouldReadAggTradesWithHeaderAndMicrosecondTimes() {
        List<TradeTick> trades = trades(open(resource("BTCUSDT-aggTrades-2025-01-01.csv"), FileFormat.BINANCE_AGGTRADES));

        assertThat(trades).hasSize(2);
        assertThat(trades.get(0).tradeId()).isEqualTo(3_364_335_046L);
        assertThat(trades.get(0).price()).isEqualTo(9_357_600L);
        assertThat(trades.get(0).qty()).isEqualTo(128L);
        assertThat(trades.get(0).exchangeTimeNanos()).isEqualTo(1_735_689_600_040_317_000L);
        assertThat(trades.get(0).aggressor()).isEqualTo(Side.BUY);
        assertThat(trades.get(1).tradeId()).isEqualTo(3_364_335_047L);
        assertThat(trades.get(1).price()).isEqualTo(9_357_599L);
        assertThat(trades.get(1).aggressor()).isEqualTo(Side.SELL);
    }

    @Test
    void shouldRejectUnknownBooleanWithReason() throws IOException {
        Path file = write(tmp, "t.csv", "1,61837.63,0.02,1236.75,1723161255342,yes,True");

        assertThatThrownBy(() -> trades(open(file, FileFormat.BINANCE_TRADES)))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessage("t.csv:1: is_buyer_maker: expected True or False, got 'yes'");
    }

    @Test
    void shouldRejectTradesFileReadAsAggTrades() {
        assertThatThrownBy(() -> trades(open(resource("BTCUSDT-trades-2024-08-08.csv"), FileFormat.BINANCE_AGGTRADES)))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessageStartingWith("BTCUSDT-trades-2024-08-08.csv:1: ");
    }
}
