package io.ttquant.app.run;

import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.transport.MarketDataListener;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts the market events of the in-process bus by kind, for the dashboard's rates and the run
 * summary. Subscribed to the bus, so it is called on the market data thread only (single writer);
 * any thread may read the counts. Allocates nothing per event.
 */
final class MarketEventCounter implements MarketDataListener {
    private static final MarketDataKind[] KINDS = MarketDataKind.values();

    private final AtomicLongArray counts = new AtomicLongArray(KINDS.length);

    @Override
    public void onMarketData(MarketEvent event) {
        int k = event.kind().ordinal();
        // Single writer: an ordered store of the incremented value is enough for readers.
        counts.lazySet(k, counts.get(k) + 1);
    }

    long count(MarketDataKind kind) {
        return counts.get(kind.ordinal());
    }

    long total() {
        long n = 0;
        for (int k = 0; k < KINDS.length; k++) {
            n += counts.get(k);
        }
        return n;
    }
}
