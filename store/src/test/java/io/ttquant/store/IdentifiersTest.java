package io.ttquant.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.order.Side;
import io.ttquant.store.batch.TradeBatch;
import org.junit.jupiter.api.Test;

/** Venues, symbols and strategy names allowed into the tables of both stores. */
class IdentifiersTest {
    private static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");

    @Test
    void shouldAcceptVenueSymbolAndStrategyNames() {
        for (String ok : new String[] {"BINANCE", "BTCUSDT", "binance-usdm", "BTC-PERP", "momentum_1", "v1.2:a",
                "x".repeat(64)}) {
            assertThat(Identifiers.isValid(ok)).as(ok).isTrue();
        }
    }

    @Test
    void shouldRefuseEmptyLongQuotedSpacedOrNonAsciiNames() {
        for (String bad : new String[] {null, "", "x".repeat(65), "BTC'USDT", "BTC USDT", "a;b", "BTC\"", "ÄBC",
                "a\u0000b", "a/b"}) {
            assertThat(Identifiers.isValid(bad)).as(String.valueOf(bad)).isFalse();
        }
    }

    @Test
    void shouldNameWhereABadIdentifierWasFoundAndNotBeRetryable() {
        StoreException e = catchThrowableOfType(StoreException.class,
                () -> Identifiers.requireInBatch("bad venue", "venue", "market_trades row 7"));
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).startsWith("market_trades row 7: venue 'bad venue' is not a valid identifier")
                .endsWith("nothing of this batch was written");

        StoreException read = catchThrowableOfType(StoreException.class,
                () -> Identifiers.requireQuery("BINANCE", null, "reading trades"));
        assertThat(read.retryable()).isFalse();
        assertThat(read.getMessage()).isEqualTo("reading trades: no instrument");
    }

    @Test
    void shouldNameTheFirstBadRowOfAMarketDataBatchEvenAfterARunOfGoodOnes() {
        TradeBatch batch = new TradeBatch(4);
        batch.add("BINANCE", BTC, 1, 0, 1, 1, 1, Side.BUY);
        batch.add("BINANCE", BTC, 2, 0, 2, 1, 1, Side.BUY);
        batch.add("BIN ANCE", BTC, 3, 0, 3, 1, 1, Side.BUY);
        batch.add("BINANCE", null, 4, 0, 4, 1, 1, Side.BUY);

        StoreException e = catchThrowableOfType(StoreException.class, () -> Identifiers.requireRows(batch));
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).startsWith("market_trades row 2: venue 'BIN ANCE'");

        batch.clear();
        batch.add("BINANCE", BTC, 1, 0, 1, 1, 1, Side.BUY);
        batch.add("BINANCE", null, 2, 0, 2, 1, 1, Side.BUY);
        StoreException missing = catchThrowableOfType(StoreException.class, () -> Identifiers.requireRows(batch));
        assertThat(missing.getMessage()).startsWith("market_trades row 1: no instrument");
    }
}
