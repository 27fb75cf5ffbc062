package io.ttquant.core.risk;

import java.util.Arrays;

/**
 * A fixed-capacity map from order id (any long) to a small non-negative slot number, by open
 * addressing with linear probing and backward-shift deletion, so it never allocates after
 * construction and never degrades with tombstones. Single-threaded. It never grows: putting more
 * than its capacity is a bug and throws.
 */
final class OrderIdIndex {
    static final int MISSING = -1;

    private final long[] keys;
    private final int[] values;
    private final int mask;
    private final int capacity;
    private int size;

    OrderIdIndex(int capacity) {
        int tableSize = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) << 1;
        this.keys = new long[tableSize];
        this.values = new int[tableSize];
        Arrays.fill(values, MISSING);
        this.mask = tableSize - 1;
        this.capacity = capacity;
    }

    int size() {
        return size;
    }

    /** The slot of {@code key}, or {@link #MISSING}. */
    int get(long key) {
        int i = index(key);
        while (values[i] != MISSING) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return MISSING;
    }

    /** Maps a key that is not present yet. */
    void putNew(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("slot must not be negative: " + value);
        }
        if (size >= capacity) {
            throw new IllegalStateException("order index full at " + capacity + " orders");
        }
        int i = index(key);
        while (values[i] != MISSING) {
            if (keys[i] == key) {
                throw new IllegalStateException("order id " + key + " already present");
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    /** Removes {@code key}; returns its slot or {@link #MISSING}. */
    int remove(long key) {
        int i = index(key);
        while (values[i] != MISSING) {
            if (keys[i] == key) {
                int removed = values[i];
                shiftBack(i);
                size--;
                return removed;
            }
            i = (i + 1) & mask;
        }
        return MISSING;
    }

    private void shiftBack(int hole) {
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            if (values[i] == MISSING) {
                break;
            }
            int home = index(keys[i]);
            // Move the entry into the hole unless its home lies cyclically in (hole, i].
            boolean homeBetween = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
            if (!homeBetween) {
                keys[hole] = keys[i];
                values[hole] = values[i];
                hole = i;
            }
        }
        values[hole] = MISSING;
    }

    private int index(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
