package io.ttquant.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ttquant.store.StoreException;
import org.junit.jupiter.api.Test;

/** Venues, symbols and strategy names allowed into the tables. */
class PgIdentifiersTest {

    @Test
    void shouldAcceptVenueSymbolAndStrategyNames() {
        for (String ok : new String[] {"BINANCE", "BTCUSDT", "binance-usdm", "BTC-PERP", "momentum_1", "v1.2:a",
                "x".repeat(64)}) {
            assertThat(PgIdentifiers.isValid(ok)).as(ok).isTrue();
        }
    }

    @Test
    void shouldRefuseEmptyLongQuotedSpacedOrNonAsciiNames() {
        for (String bad : new String[] {null, "", "x".repeat(65), "BTC'USDT", "BTC USDT", "a;b", "BTC\"", "ÄBC",
                "a\u0000b", "a/b"}) {
            assertThat(PgIdentifiers.isValid(bad)).as(String.valueOf(bad)).isFalse();
        }
    }

    @Test
    void shouldNameWhereABadIdentifierWasFoundAndNotBeRetryable() {
        StoreException e = catchThrowableOfType(StoreException.class,
                () -> PgIdentifiers.require("bad venue", "venue", "market_trades row 7"));
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).startsWith("market_trades row 7: venue 'bad venue' is not a valid identifier");
    }
}
