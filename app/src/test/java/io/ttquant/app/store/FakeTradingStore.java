package io.ttquant.app.store;

import io.ttquant.store.StoreException;
import io.ttquant.store.TradingStore;
import io.ttquant.store.trading.FillRow;
import io.ttquant.store.trading.OrderRow;
import io.ttquant.store.trading.PositionRow;
import io.ttquant.store.trading.TradingBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * A {@link TradingStore} in memory with the store's rules (see {@code io.ttquant.store}): a
 * batch and its progress commit together or not at all; orders upserted by (venue, order id) and
 * never moved back in time (times compared in microseconds, as stored); fills unique on (venue,
 * symbol, trade id, time); positions upserted on (venue, strategy, symbol, time). Failures are
 * injected per write call (before the commit, or after it: "the connection broke after COMMIT").
 * It counts every fill row it was asked to write, so a test sees a row sent twice even though
 * the key keeps one. Thread-safe (the exporter's thread writes, the test reads).
 */
final class FakeTradingStore implements TradingStore, AutoCloseable {
    final Map<String, OrderRow> orders = new HashMap<>();
    final Map<String, FillRow> fills = new HashMap<>();
    final Map<String, Integer> fillWrites = new HashMap<>();
    final Map<String, PositionRow> positions = new HashMap<>();
    final Map<String, Long> progress = new HashMap<>();
    final List<Long> progressHistory = new ArrayList<>();
    /** The fills of each committed batch. */
    final List<List<FillRow>> committedFills = new ArrayList<>();
    int writeCalls;
    int progressCalls;
    boolean closed;
    /** By write call number (1, 2, ...): an exception to throw before committing, or null. */
    IntFunction<StoreException> failBefore = n -> null;
    /** By write call number: an exception to throw after committing (the answer was lost), or null. */
    IntFunction<StoreException> failAfter = n -> null;
    /** While true every call fails as an unreachable database does. */
    boolean down;

    static StoreException retryable(String why) {
        return new StoreException(why, true, null);
    }

    @Override
    public synchronized void writeTrading(TradingBatch batch) {
        int n = ++writeCalls;
        if (down) {
            throw retryable("connection refused (fake)");
        }
        StoreException before = failBefore.apply(n);
        if (before != null) {
            throw before;
        }
        for (OrderRow r : batch.orders()) {
            String k = r.venue() + "|" + r.orderId();
            OrderRow old = orders.get(k);
            if (old == null || Math.floorDiv(old.updatedNanos(), 1000) <= Math.floorDiv(r.updatedNanos(), 1000)) {
                orders.put(k, r);
            }
        }
        List<FillRow> committed = new ArrayList<>();
        for (FillRow r : batch.fills()) {
            String k = fillKey(r);
            fillWrites.merge(k, 1, Integer::sum);
            fills.putIfAbsent(k, r);
            committed.add(r);
        }
        committedFills.add(committed);
        for (PositionRow r : batch.positions()) {
            positions.put(r.venue() + "|" + r.strategy() + "|" + r.symbol() + "|" + Math.floorDiv(r.timeNanos(), 1000), r);
        }
        if (batch.source() != null) {
            Long old = progress.get(batch.source());
            if (old != null && batch.sourcePosition() < old) {
                throw new AssertionError("progress went back from " + old + " to " + batch.sourcePosition());
            }
            progress.put(batch.source(), batch.sourcePosition());
            progressHistory.add(batch.sourcePosition());
        }
        StoreException after = failAfter.apply(n);
        if (after != null) {
            throw after;
        }
    }

    static String fillKey(FillRow r) {
        return r.venue() + "|" + r.symbol() + "|" + r.tradeId() + "|" + Math.floorDiv(r.timeNanos(), 1000);
    }

    @Override
    public synchronized OptionalLong progress(String source) {
        progressCalls++;
        if (down) {
            throw retryable("connection refused (fake)");
        }
        Long p = progress.get(source);
        return p == null ? OptionalLong.empty() : OptionalLong.of(p);
    }

    /** What the store holds, in the form {@link JournalExpectation} describes. */
    synchronized StoreContent content() {
        return StoreContent.of(orders.values(), fills.values(), positions.values());
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
