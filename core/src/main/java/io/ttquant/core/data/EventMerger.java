package io.ttquant.core.data;

import io.ttquant.core.marketdata.MarketEvent;
import java.util.List;

/**
 * Merges any number of time-ordered sources into one time-ordered stream with a binary heap keyed
 * by each source's current event time; ties go to the source listed first, so a run is
 * deterministic. One source is passed through without the heap. Never allocates per event.
 */
public final class EventMerger {
    private final MarketDataSource[] sources;
    private final int[] heap;
    private int size;
    private MarketDataSource last;

    public EventMerger(List<MarketDataSource> sources) {
        this.sources = sources.toArray(new MarketDataSource[0]);
        this.heap = new int[this.sources.length];
        for (int i = 0; i < this.sources.length; i++) {
            if (this.sources[i].advance()) {
                heap[size++] = i;
                siftUp(size - 1);
            }
        }
    }

    /** The next event in time order, or null when every source is exhausted. Valid until the next call. */
    public MarketEvent next() {
        if (last != null) {
            // The previous event's source moves on only now, because its event object is reused.
            int top = heap[0];
            if (sources[top].advance()) {
                siftDown(0);
            } else {
                heap[0] = heap[--size];
                if (size > 0) {
                    siftDown(0);
                }
            }
            last = null;
        }
        if (size == 0) {
            return null;
        }
        last = sources[heap[0]];
        return last.current();
    }

    private long time(int source) {
        return sources[source].current().timeNanos();
    }

    private boolean before(int a, int b) {
        long ta = time(a);
        long tb = time(b);
        return ta < tb || (ta == tb && a < b);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(heap[i], heap[parent])) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int r = l + 1;
            int best = r < size && before(heap[r], heap[l]) ? r : l;
            if (!before(heap[best], heap[i])) {
                return;
            }
            swap(i, best);
            i = best;
        }
    }

    private void swap(int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
