package io.ttquant.binance.stream;

import io.ttquant.core.instrument.Instrument;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The symbol cache answers exactly as the symbol table (and the check against a known instrument)
 * would, whatever the case, length, neighbouring bytes and order of questions: a remembered answer
 * is never given for other bytes or another instrument.
 */
class SymbolCacheTest {
    @Test
    void shouldAnswerLikeTheTableForThousandsOfSymbolsContextsAndNeighbours() {
        List<Instrument> instruments = new ArrayList<>();
        for (String s : new String[] {"BTCUSDT", "ETHUSDT", "BTCUSDC", "BNBBTC", "DOGEUSDT", "1000SHIBUSDT", "ABCDEFGHIJKLUSDT",
            "ABCDEFGHIJKLMUSDT", "ETHBTC", "BNBETH"}) {
            instruments.add(Instrument.builder(s).tickSize("0.01").stepSize("0.001").build());
        }
        SymbolTable table = new SymbolTable(instruments);
        SymbolCache cache = new SymbolCache(table);
        Random random = new Random(7);
        String[] names = {"BTCUSDT", "btcusdt", "BtcUsdT", "ETHUSDT", "BTCUSDC", "BTCUSD", "BTCUSDTT", "BNBBTC", "DOGEUSDT",
            "1000SHIBUSDT", "1000shibusdt", "AB", "A", "ABCDEFGHIJKLUSDT", "abcdefghijklusdt", "ABCDEFGHIJKLMUSDT", "ETHBTC",
            "BNBETH", "bnbeth", "BNBET", "XYZ", "", "BTC\u00e9"};
        int hits = 0;
        for (int n = 0; n < 50_000; n++) {
            String name = names[random.nextInt(names.length)];
            if (random.nextInt(4) == 0) {
                // A near miss: one bit of one character of a known symbol changed.
                char[] c = instruments.get(random.nextInt(instruments.size())).symbol().toCharArray();
                int at = random.nextInt(c.length);
                c[at] = (char) (c[at] ^ (1 << random.nextInt(7)));
                name = new String(c);
            }
            Instrument context = random.nextInt(3) == 0 ? instruments.get(random.nextInt(instruments.size())) : null;
            // The symbol at a random offset, followed by random bytes (what follows must not matter).
            byte[] symbol = name.getBytes(StandardCharsets.UTF_8);
            int before = random.nextInt(4);
            byte[] b = new byte[before + symbol.length + random.nextInt(24)];
            random.nextBytes(b);
            System.arraycopy(symbol, 0, b, before, symbol.length);
            int limit = before + symbol.length + random.nextInt(b.length - before - symbol.length + 1);
            Instrument expected = context == null ? table.lookup(b, before, symbol.length)
                    : SymbolTable.isSymbolOf(context, b, before, symbol.length) ? context : null;
            assertThat(cache.resolve(b, before, symbol.length, limit, context)).as("%s for %s", name, context).isSameAs(expected);
            if (expected != null) {
                hits++;
            }
        }
        assertThat(hits).isGreaterThan(10_000);
    }
}
