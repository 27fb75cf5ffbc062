package io.ttquant.binance.trade;

import io.ttquant.core.marketdata.TradeTick;

/**
 * A bounded set of live trades kept sorted by trade id, stored as copies in a fixed pool of
 * pre-allocated {@link TradeTick}s arranged as a ring (appends and removals at the front are
 * O(1); an out-of-order insert shifts references). Never allocates after construction and never
 * holds two trades with the same id. Single-threaded.
 */
final class TradeRing {
    /** {@link #insert} outcomes. */
    static final int INSERTED = 0;
    static final int DUPLICATE = 1;
    /** Inserted, but the highest id had to be dropped to make room. */
    static final int INSERTED_DROPPED_HIGHEST = 2;
    /** Full and the trade had the highest id: not inserted. */
    static final int DROPPED = 3;

    private final TradeTick[] slots;
    private int head;
    private int size;

    TradeRing(int capacity) {
        slots = new TradeTick[capacity];
        for (int i = 0; i < capacity; i++) {
            slots[i] = new TradeTick();
        }
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    TradeTick first() {
        if (size == 0) {
            throw new IllegalStateException("empty");
        }
        return slots[head];
    }

    long firstId() {
        return first().tradeId();
    }

    long lastId() {
        if (size == 0) {
            throw new IllegalStateException("empty");
        }
        return slots[index(size - 1)].tradeId();
    }

    void removeFirst() {
        if (size == 0) {
            throw new IllegalStateException("empty");
        }
        head = head + 1 == slots.length ? 0 : head + 1;
        size--;
    }

    /** Copies {@code trade} in at its place in id order; see the outcome constants. */
    int insert(TradeTick trade) {
        long id = trade.tradeId();
        // Position p: the number of held trades with a smaller id, found from the tail (live
        // trades nearly always go at the end).
        int p = size;
        while (p > 0) {
            long held = slots[index(p - 1)].tradeId();
            if (held == id) {
                return DUPLICATE;
            }
            if (held < id) {
                break;
            }
            p--;
        }
        int outcome = INSERTED;
        if (size == slots.length) {
            if (p == size) {
                return DROPPED;
            }
            size--;
            outcome = INSERTED_DROPPED_HIGHEST;
        }
        // The free pooled object just past the tail moves to position p; the ones after p shift up.
        TradeTick free = slots[index(size)];
        for (int i = size; i > p; i--) {
            slots[index(i)] = slots[index(i - 1)];
        }
        slots[index(p)] = free;
        free.copyFrom(trade);
        size++;
        return outcome;
    }

    private int index(int offset) {
        int i = head + offset;
        return i >= slots.length ? i - slots.length : i;
    }
}
