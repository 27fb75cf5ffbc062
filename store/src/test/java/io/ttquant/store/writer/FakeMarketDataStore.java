package io.ttquant.store.writer;

import io.ttquant.store.MarketDataStoreStub;
import io.ttquant.store.batch.BarBatch;
import io.ttquant.store.batch.BookSnapshotBatch;
import io.ttquant.store.batch.QuoteBatch;
import io.ttquant.store.batch.TradeBatch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * An in-memory market data store for the recorder's logic tests: keeps every row written as a
 * value, records when each write was attempted, and fails the next writes as scripted (a failed
 * write stores nothing, like a real store's transaction). Thread-safe.
 */
final class FakeMarketDataStore extends MarketDataStoreStub {
    record Trade(String venue, String symbol, long time, long recv, long tradeId, long price, long qty, byte aggressor) {
    }

    record Quote(String venue, String symbol, long time, long recv, long bidPrice, long bidQty, long askPrice, long askQty) {
    }

    record BarRow(String venue, String symbol, long openTime, long interval, long open, long high, long low, long close,
                  long volume) {
    }

    record Snapshot(String venue, String symbol, long time, long lastUpdateId, List<Long> bids, List<Long> asks) {
    }

    final List<Trade> trades = new ArrayList<>();
    final List<Quote> quotes = new ArrayList<>();
    final List<BarRow> bars = new ArrayList<>();
    final List<Snapshot> snapshots = new ArrayList<>();
    final List<Long> attemptTimes = new ArrayList<>();
    final List<Integer> batchSizes = new ArrayList<>();
    private final Deque<RuntimeException> script = new ArrayDeque<>();
    private final LongSupplier clock;
    private RuntimeException always;

    FakeMarketDataStore(LongSupplier clock) {
        this.clock = clock;
    }

    /** The next writes (of any table) throw these, in order. */
    synchronized FakeMarketDataStore failNext(RuntimeException... errors) {
        script.addAll(Arrays.asList(errors));
        return this;
    }

    /** Every write throws this until cleared with null. */
    synchronized FakeMarketDataStore failAlways(RuntimeException error) {
        always = error;
        return this;
    }

    private void attempt(int rows) {
        attemptTimes.add(clock.getAsLong());
        if (always != null) {
            throw always;
        }
        RuntimeException e = script.poll();
        if (e != null) {
            throw e;
        }
        batchSizes.add(rows);
    }

    synchronized int attempts() {
        return attemptTimes.size();
    }

    synchronized List<Trade> trades() {
        return List.copyOf(trades);
    }

    @Override
    public synchronized void writeTrades(TradeBatch b) {
        attempt(b.size());
        for (int i = 0; i < b.size(); i++) {
            trades.add(new Trade(b.venue(i), b.instrument(i).symbol(), b.timeNanos(i), b.recvNanos(i), b.tradeId(i),
                    b.price(i), b.qty(i), b.aggressor(i)));
        }
    }

    @Override
    public synchronized void writeQuotes(QuoteBatch b) {
        attempt(b.size());
        for (int i = 0; i < b.size(); i++) {
            quotes.add(new Quote(b.venue(i), b.instrument(i).symbol(), b.timeNanos(i), b.recvNanos(i), b.bidPrice(i),
                    b.bidQty(i), b.askPrice(i), b.askQty(i)));
        }
    }

    @Override
    public synchronized void writeBars(BarBatch b) {
        attempt(b.size());
        for (int i = 0; i < b.size(); i++) {
            bars.add(new BarRow(b.venue(i), b.instrument(i).symbol(), b.openTimeNanos(i), b.intervalNanos(i), b.open(i),
                    b.high(i), b.low(i), b.close(i), b.volume(i)));
        }
    }

    @Override
    public synchronized void writeBookSnapshots(BookSnapshotBatch b) {
        attempt(b.size());
        for (int i = 0; i < b.size(); i++) {
            List<Long> bids = new ArrayList<>();
            for (int k = 0; k < b.bidCount(i); k++) {
                bids.add(b.bidPrice(i, k));
                bids.add(b.bidQty(i, k));
            }
            List<Long> asks = new ArrayList<>();
            for (int k = 0; k < b.askCount(i); k++) {
                asks.add(b.askPrice(i, k));
                asks.add(b.askQty(i, k));
            }
            snapshots.add(new Snapshot(b.venue(i), b.instrument(i).symbol(), b.timeNanos(i), b.lastUpdateId(i), bids, asks));
        }
    }

    @Override
    public synchronized long count(String table) {
        return switch (table) {
            case "market_trades" -> trades.size();
            case "market_quotes" -> quotes.size();
            case "market_bars" -> bars.size();
            case "book_snapshots" -> snapshots.size();
            default -> throw new IllegalArgumentException(table);
        };
    }
}
