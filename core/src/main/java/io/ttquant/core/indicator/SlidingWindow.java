package io.ttquant.core.indicator;

/**
 * A fixed-capacity ring of the last {@code capacity} doubles, pre-allocated at construction.
 * Must never grow or allocate after construction.
 */
final class SlidingWindow {
    private final double[] values;
    private int next;
    private int size;

    SlidingWindow(int capacity) {
        this.values = new double[capacity];
    }

    boolean isFull() {
        return size == values.length;
    }

    int size() {
        return size;
    }

    /** The value the next {@link #push} will overwrite; only meaningful when {@link #isFull()}. */
    double oldest() {
        return values[next];
    }

    /** Stores {@code x}, overwriting the oldest value once the window is full. */
    void push(double x) {
        values[next] = x;
        next = next + 1 == values.length ? 0 : next + 1;
        if (size < values.length) {
            size++;
        }
    }

    /**
     * The value in slot {@code i}, for {@code 0 <= i < size()}: every stored value is visited once
     * over that range, in slot order rather than arrival order (enough for sums).
     */
    double slot(int i) {
        return values[i];
    }

    void clear() {
        next = 0;
        size = 0;
    }
}
