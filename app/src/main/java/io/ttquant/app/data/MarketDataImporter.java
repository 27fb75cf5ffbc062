package io.ttquant.app.data;

import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.store.MarketDataStore;
import io.ttquant.store.batch.BarBatch;
import io.ttquant.store.batch.TradeBatch;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Streams a market-data source (one file of trades or bars) into a store, one batch at a time, so
 * that an import of any size holds one batch in memory. Importing is idempotent: trades replace the
 * stored trades of their symbol over the time range they cover, bars are upserted.
 *
 * <p>The time range of a file is only known at its end, so the old trades are deleted batch by batch
 * just ahead of the rows written: before each batch, [end of the previous deletion, last time in the
 * batch] is cleared (trades arrive in time order, so a later batch never needs a range already
 * written to). Over the whole file that is exactly [first, last] and nothing outside it.
 *
 * <p>It must be the only writer of that symbol's rows while it runs, and it never writes a quote or a
 * row of another kind (the store has no way to replace them).
 */
public final class MarketDataImporter {
    private static final long MICRO = 1_000L;

    private final MarketDataStore store;
    private final String venue;
    private final TradeBatch trades;
    private final BarBatch bars;
    private final LongSupplier nanoClock;

    /**
     * @param batchSize rows per write (e.g. 50,000)
     * @param nanoClock monotonic clock for the timing in the results (System::nanoTime)
     */
    public MarketDataImporter(MarketDataStore store, String venue, int batchSize, LongSupplier nanoClock) {
        this.store = Objects.requireNonNull(store, "store");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.trades = new TradeBatch(batchSize);
        this.bars = new BarBatch(batchSize);
    }

    /**
     * Reads {@code source} to its end and writes every event; {@code file} and {@code symbol} name the
     * result. The source is not closed.
     *
     * @throws IllegalArgumentException when the source holds something other than trades or bars
     */
    public ImportResult importSource(String file, String symbol, MarketDataSource source) {
        long started = nanoClock.getAsLong();
        Run run = new Run();
        MarketDataKind kind = null;
        while (source.advance()) {
            MarketEvent e = source.current();
            if (kind == null) {
                kind = e.kind();
            }
            if (e.kind() == MarketDataKind.TRADE) {
                TradeTick t = (TradeTick) e;
                // the import knows no receive time: stored as NULL rather than the exchange time again
                trades.add(venue, t.instrument(), t.exchangeTimeNanos(), 0, t.tradeId(), t.price(), t.qty(), t.aggressor());
                run.saw(t.exchangeTimeNanos());
                if (trades.isFull()) {
                    run.replaced += flushTrades(run);
                }
            } else if (e.kind() == MarketDataKind.BAR) {
                Bar b = (Bar) e;
                bars.add(venue, b);
                run.saw(b.openTimeNanos());
                if (bars.isFull()) {
                    flushBars();
                }
            } else {
                throw new IllegalArgumentException(file + ": only trades and bars can be imported, not " + e.kind());
            }
        }
        run.replaced += flushTrades(run);
        flushBars();
        String kindName = kind == MarketDataKind.BAR ? "bars" : "trades";
        return new ImportResult(file, symbol, kindName, run.rows, source.skippedRows(), run.first, run.last,
                run.replaced, nanoClock.getAsLong() - started);
    }

    private long flushTrades(Run run) {
        int n = trades.size();
        if (n == 0) {
            return 0;
        }
        String symbol = trades.instrument(0).symbol();
        long from = run.deletedUpTo == Long.MIN_VALUE ? Math.floorDiv(trades.timeNanos(0), MICRO) * MICRO : run.deletedUpTo;
        // the store keeps microseconds: clear up to the next whole microsecond after the last row
        long to = Math.floorDiv(trades.timeNanos(n - 1), MICRO) * MICRO + MICRO;
        long deleted = to > from ? store.deleteTrades(venue, symbol, from, to) : 0;
        run.deletedUpTo = Math.max(to, from);
        store.writeTrades(trades);
        trades.clear();
        return deleted;
    }

    private void flushBars() {
        if (bars.size() > 0) {
            store.writeBars(bars);
            bars.clear();
        }
    }

    /** The running totals of one import. */
    private static final class Run {
        long rows;
        long first;
        long last;
        long replaced;
        long deletedUpTo = Long.MIN_VALUE;

        void saw(long time) {
            if (rows++ == 0) {
                first = time;
            }
            last = time;
        }
    }
}
