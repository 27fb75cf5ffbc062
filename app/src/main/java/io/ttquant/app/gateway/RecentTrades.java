package io.ttquant.app.gateway;

/**
 * The venue trade ids (per instrument) of the last {@code capacity} fills the gateway applied, so
 * that a fill the venue reports twice (a retransmission, a reconciliation that overlaps what the
 * stream delivered) is recognised and never applied twice. A ring of the keys in the order they
 * were added (the oldest is forgotten when full) and an open-addressing table over it, in
 * primitive arrays allocated once: {@link #add} allocates nothing. It never decides what a
 * duplicate means: the gateway does. Single-threaded.
 */
final class RecentTrades {
    private final long[] ringIds;
    private final int[] ringInstruments;
    private int head;
    private int count;
    private final long[] ids;
    private final int[] instruments;
    private final boolean[] used;
    private final int mask;

    /** @param capacity fills remembered (at least 1) */
    RecentTrades(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        ringIds = new long[capacity];
        ringInstruments = new int[capacity];
        int table = Integer.highestOneBit(capacity) << 2;
        ids = new long[table];
        instruments = new int[table];
        used = new boolean[table];
        mask = table - 1;
    }

    /** Remembers the trade; false (and nothing changes) when it is remembered already. */
    boolean add(int instrument, long tradeId) {
        int i = home(instrument, tradeId);
        while (used[i]) {
            if (ids[i] == tradeId && instruments[i] == instrument) {
                return false;
            }
            i = (i + 1) & mask;
        }
        if (count == ringIds.length) {
            remove(ringInstruments[head], ringIds[head]);
            head = (head + 1) % ringIds.length;
            count--;
            i = home(instrument, tradeId);
            while (used[i]) {
                i = (i + 1) & mask;
            }
        }
        used[i] = true;
        ids[i] = tradeId;
        instruments[i] = instrument;
        int tail = (head + count) % ringIds.length;
        ringIds[tail] = tradeId;
        ringInstruments[tail] = instrument;
        count++;
        return true;
    }

    boolean contains(int instrument, long tradeId) {
        for (int i = home(instrument, tradeId); used[i]; i = (i + 1) & mask) {
            if (ids[i] == tradeId && instruments[i] == instrument) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return count;
    }

    /** Backward-shift deletion keeps every probe chain unbroken without tombstones. */
    private void remove(int instrument, long tradeId) {
        int i = home(instrument, tradeId);
        while (!(ids[i] == tradeId && instruments[i] == instrument)) {
            i = (i + 1) & mask;
        }
        int gap = i;
        for (int j = (gap + 1) & mask; used[j]; j = (j + 1) & mask) {
            int h = home(instruments[j], ids[j]);
            // j's entry may move into the gap when its home is not in the cyclic range (gap, j].
            boolean between = gap <= j ? h > gap && h <= j : h > gap || h <= j;
            if (!between) {
                ids[gap] = ids[j];
                instruments[gap] = instruments[j];
                gap = j;
            }
        }
        used[gap] = false;
    }

    private int home(int instrument, long tradeId) {
        long h = (tradeId + instrument * 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 31)) & mask;
    }
}
