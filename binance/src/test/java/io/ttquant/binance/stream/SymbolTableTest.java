package io.ttquant.binance.stream;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Symbol bytes resolve to instruments ignoring case, without false matches. */
class SymbolTableTest {
    private static final Instrument BTCUSDT = Instruments.binanceSpot("BTCUSDT");
    private static final Instrument ETHUSDT = Instruments.binanceSpot("ETHUSDT");
    private static final Instrument ETHBTC = Instruments.binanceSpot("ETHBTC");

    private final SymbolTable table = SymbolTable.of(BTCUSDT, ETHUSDT, ETHBTC);

    private static Instrument lookup(SymbolTable t, String text, int off, int len) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return t.lookup(b, off, len);
    }

    @Test
    void shouldFindAnInstrumentByItsStreamNameOrEventFieldIgnoringCase() {
        assertThat(lookup(table, "btcusdt@trade", 0, 7)).isSameAs(BTCUSDT);
        assertThat(lookup(table, "\"s\":\"BTCUSDT\"", 5, 7)).isSameAs(BTCUSDT);
        assertThat(lookup(table, "EthUsdt", 0, 7)).isSameAs(ETHUSDT);
        assertThat(lookup(table, "ethbtc", 0, 6)).isSameAs(ETHBTC);
        assertThat(table.lookup("ethBTC")).isSameAs(ETHBTC);
        assertThat(table.size()).isEqualTo(3);
    }

    @Test
    void shouldReturnNullForUnknownPartialOrEmptySymbols() {
        assertThat(lookup(table, "dogeusdt", 0, 8)).isNull();
        assertThat(lookup(table, "btcusdt", 0, 6)).isNull();
        assertThat(lookup(table, "btcusdtx", 0, 8)).isNull();
        assertThat(lookup(table, "btcusdt", 0, 0)).isNull();
        assertThat(table.lookup("")).isNull();
        assertThat(table.lookup("BTCUSDÉ")).isNull();
        byte[] odd = {(byte) 0xE2, (byte) 0x82, (byte) 0xAC, 'B', 'T', 'C', 'U', 'S', 'D'};
        assertThat(table.lookup(odd, 0, odd.length)).isNull();
    }

    @Test
    void shouldFindEveryOneOfManySymbols() {
        List<Instrument> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(Instrument.builder("C" + i + "USDT").build());
        }
        SymbolTable big = new SymbolTable(many);
        for (int i = 0; i < 500; i++) {
            assertThat(big.lookup(("c" + i + "usdt"))).isSameAs(many.get(i));
            byte[] b = ("C" + i + "USDT").getBytes(StandardCharsets.US_ASCII);
            assertThat(big.lookup(b, 0, b.length)).isSameAs(many.get(i));
        }
        assertThat(big.lookup("C500USDT")).isNull();
    }

    @Test
    void shouldRefuseTheSameSymbolTwice() {
        assertThatThrownBy(() -> SymbolTable.of(BTCUSDT, Instruments.binanceSpot("BTCUSDT")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BTCUSDT");
    }

    @Test
    void shouldTellWhetherBytesSpellAnInstrumentsSymbol() {
        byte[] b = "btcusdt".getBytes(StandardCharsets.US_ASCII);
        assertThat(SymbolTable.isSymbolOf(BTCUSDT, b, 0, 7)).isTrue();
        assertThat(SymbolTable.isSymbolOf(ETHUSDT, b, 0, 7)).isFalse();
        assertThat(SymbolTable.isSymbolOf(BTCUSDT, b, 0, 6)).isFalse();
    }
}
