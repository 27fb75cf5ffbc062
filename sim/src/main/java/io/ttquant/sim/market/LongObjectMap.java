package io.ttquant.sim.market;

import java.util.Arrays;

/**
 * A map from non-zero {@code long} keys (order ids) to objects, with open addressing, linear
 * probing and backward-shift deletion: no boxing of keys, no entry objects, no tombstones. Grows
 * at a load factor of one half.
 *
 * <p>For the book's order index on the engine thread; not thread-safe. Key 0 is reserved for an
 * empty slot and must never be used (order ids start at 1).
 */
final class LongObjectMap<V> {
    private long[] keys;
    private Object[] values;
    private int mask;
    private int size;

    LongObjectMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    boolean containsKey(long key) {
        return get(key) != null;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        int i = slot(key);
        long k;
        while ((k = keys[i]) != 0) {
            if (k == key) {
                return (V) values[i];
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** Maps {@code key} (non-zero) to {@code value} (not null); returns the previous value or null. */
    @SuppressWarnings("unchecked")
    V put(long key, V value) {
        if (key == 0 || value == null) {
            throw new IllegalArgumentException("key must be non-zero and value not null");
        }
        int i = slot(key);
        long k;
        while ((k = keys[i]) != 0) {
            if (k == key) {
                V old = (V) values[i];
                values[i] = value;
                return old;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return null;
    }

    /** Maps {@code key} (non-zero) to {@code value} (not null) unless it is mapped already; false then, and nothing changes. */
    boolean putIfAbsent(long key, V value) {
        if (key == 0 || value == null) {
            throw new IllegalArgumentException("key must be non-zero and value not null");
        }
        int i = slot(key);
        long k;
        while ((k = keys[i]) != 0) {
            if (k == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return true;
    }

    /** Removes {@code key}; returns its value or null. */
    @SuppressWarnings("unchecked")
    V remove(long key) {
        int i = slot(key);
        long k;
        while ((k = keys[i]) != 0) {
            if (k == key) {
                V old = (V) values[i];
                shiftBack(i);
                size--;
                return old;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** Closes the gap at {@code gap} by moving later entries of the same probe run back. */
    private void shiftBack(int gap) {
        int i = gap;
        while (true) {
            i = (i + 1) & mask;
            long k = keys[i];
            if (k == 0) {
                break;
            }
            int home = slot(k);
            // the entry at i may move to the gap when its home slot is not cyclically in (gap, i]
            boolean movable = gap <= i ? (home <= gap || home > i) : (home <= gap && home > i);
            if (movable) {
                keys[gap] = k;
                values[gap] = values[i];
                gap = i;
            }
        }
        keys[gap] = 0;
        values[gap] = null;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldValues.length * 2];
        mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long k = oldKeys[j];
            if (k != 0) {
                int i = slot(k);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                values[i] = oldValues[j];
            }
        }
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    void clear() {
        Arrays.fill(keys, 0);
        Arrays.fill(values, null);
        size = 0;
    }
}
