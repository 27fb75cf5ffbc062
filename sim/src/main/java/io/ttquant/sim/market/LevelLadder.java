package io.ttquant.sim.market;

import io.ttquant.core.order.Side;

import java.util.Arrays;

/**
 * The price levels of one book side as a sorted array, worst first and best last, with their
 * prices in a parallel primitive array for binary search: the best level is the last element, and
 * the adds and removals that happen near the touch move only the few elements after them. No
 * boxing, no entry objects.
 *
 * <p>Owned by one {@link LimitOrderBook} on the engine thread. Holds each price at most once.
 */
final class LevelLadder {
    private final boolean bids;
    /** Sort keys ascending: the price for bids, minus the price for asks, so that the best is last. */
    private long[] keys = new long[64];
    private LimitOrderBook.Level[] levels = new LimitOrderBook.Level[64];
    private int size;

    LevelLadder(Side side) {
        this.bids = side == Side.BUY;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The best level (highest bid, lowest ask), or null. */
    LimitOrderBook.Level best() {
        return size == 0 ? null : levels[size - 1];
    }

    /** The worst level (farthest from the touch), or null. */
    LimitOrderBook.Level worst() {
        return size == 0 ? null : levels[0];
    }

    /** The {@code k}-th level from the best (0 = best). */
    LimitOrderBook.Level fromBest(int k) {
        return levels[size - 1 - k];
    }

    /** The level at {@code price}, or null. */
    LimitOrderBook.Level get(long price) {
        int i = Arrays.binarySearch(keys, 0, size, key(price));
        return i >= 0 ? levels[i] : null;
    }

    /** Adds a level whose price is not in the ladder yet. */
    void add(LimitOrderBook.Level l) {
        long k = key(l.price);
        int i = Arrays.binarySearch(keys, 0, size, k);
        if (i >= 0) {
            throw new IllegalStateException("level " + l.price + " already in the ladder");
        }
        i = -i - 1;
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            levels = Arrays.copyOf(levels, size * 2);
        }
        System.arraycopy(keys, i, keys, i + 1, size - i);
        System.arraycopy(levels, i, levels, i + 1, size - i);
        keys[i] = k;
        levels[i] = l;
        size++;
    }

    /** Removes the level at {@code price}; false when there is none. */
    boolean remove(long price) {
        int i = Arrays.binarySearch(keys, 0, size, key(price));
        if (i < 0) {
            return false;
        }
        size--;
        System.arraycopy(keys, i + 1, keys, i, size - i);
        System.arraycopy(levels, i + 1, levels, i, size - i);
        levels[size] = null;
        return true;
    }

    private long key(long price) {
        return bids ? price : -price;
    }
}
