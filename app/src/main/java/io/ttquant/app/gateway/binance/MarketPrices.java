package io.ttquant.app.gateway.binance;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last trade price and best bid and ask of each instrument as seen on the gateway's market
 * data bus, kept for the gateway's risk checks (reference prices); the exchange itself never
 * needs them. Prices raw at the instrument's price scale, 0 when none seen. Order books are not
 * rebuilt here: only trades and quotes move the values. Gateway's thread only; allocates nothing
 * per event.
 */
final class MarketPrices {
    private final Map<String, long[]> bySymbol = new HashMap<>();

    MarketPrices(List<Instrument> instruments) {
        for (Instrument i : instruments) {
            bySymbol.put(i.symbol(), new long[3]);
        }
    }

    void onMarketEvent(MarketEvent e) {
        if (e.instrument() == null) {
            return;
        }
        long[] p = bySymbol.get(e.instrument().symbol());
        if (p == null) {
            return;
        }
        if (e instanceof TradeTick t) {
            p[0] = t.price();
        } else if (e instanceof QuoteTick q) {
            p[1] = q.bidPrice();
            p[2] = q.askPrice();
        }
    }

    long last(Instrument i) {
        return get(i, 0);
    }

    long bid(Instrument i) {
        return get(i, 1);
    }

    long ask(Instrument i) {
        return get(i, 2);
    }

    private long get(Instrument i, int k) {
        long[] p = i == null ? null : bySymbol.get(i.symbol());
        return p == null ? 0 : p[k];
    }
}
