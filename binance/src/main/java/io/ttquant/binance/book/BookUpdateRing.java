package io.ttquant.binance.book;

import io.ttquant.core.marketdata.BookUpdate;

/**
 * A bounded FIFO of diff events copied into a fixed pool of pre-allocated {@link BookUpdate}s,
 * used by {@link BookSynchronizer} while it waits for a snapshot. When full, adding drops the
 * oldest event (the caller counts it; the sequence check then sees the hole). Never allocates
 * after construction except when a copy needs more levels than a pooled event has held before.
 * Single-threaded; never hands out an event it has not copied.
 */
final class BookUpdateRing {
    private final BookUpdate[] slots;
    private int head;
    private int size;

    BookUpdateRing(int capacity) {
        slots = new BookUpdate[capacity];
        for (int i = 0; i < capacity; i++) {
            slots[i] = new BookUpdate();
        }
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Copies {@code event} in at the tail; returns true when the oldest event had to be dropped for it. */
    boolean add(BookUpdate event) {
        boolean dropped = false;
        if (size == slots.length) {
            head = next(head);
            size--;
            dropped = true;
        }
        int tail = head + size;
        if (tail >= slots.length) {
            tail -= slots.length;
        }
        BookCopies.copy(event, slots[tail]);
        size++;
        return dropped;
    }

    BookUpdate first() {
        if (size == 0) {
            throw new IllegalStateException("empty");
        }
        return slots[head];
    }

    void removeFirst() {
        if (size == 0) {
            throw new IllegalStateException("empty");
        }
        head = next(head);
        size--;
    }

    void clear() {
        head = 0;
        size = 0;
    }

    private int next(int i) {
        return i + 1 == slots.length ? 0 : i + 1;
    }
}
