package io.ttquant.core.exchange;

import io.ttquant.core.order.Order;

/**
 * The messages in flight to the matching engine (order submissions and cancels) as a FIFO ring of
 * primitive arrays. Arrival times are non-decreasing in send order (the exchange guarantees it, as
 * one connection delivers in order), so the head is always the earliest. Grows by doubling; never
 * allocates otherwise.
 */
final class ArrivalQueue {
    private long[] times;
    private Order[] orders;
    private boolean[] cancels;
    private int head;
    private int size;

    ArrivalQueue(int capacity) {
        times = new long[capacity];
        orders = new Order[capacity];
        cancels = new boolean[capacity];
    }

    void add(long time, Order order, boolean cancel) {
        if (size == times.length) {
            grow();
        }
        int i = (head + size) % times.length;
        times[i] = time;
        orders[i] = order;
        cancels[i] = cancel;
        size++;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    long headTime() {
        return times[head];
    }

    Order headOrder() {
        return orders[head];
    }

    boolean headIsCancel() {
        return cancels[head];
    }

    void poll() {
        orders[head] = null;
        head = (head + 1) % times.length;
        size--;
    }

    /** Time of the i-th message from the head (for validation). */
    long timeAt(int i) {
        return times[(head + i) % times.length];
    }

    private void grow() {
        int n = times.length * 2;
        long[] t = new long[n];
        Order[] o = new Order[n];
        boolean[] c = new boolean[n];
        for (int k = 0; k < size; k++) {
            int i = (head + k) % times.length;
            t[k] = times[i];
            o[k] = orders[i];
            c[k] = cancels[i];
        }
        times = t;
        orders = o;
        cancels = c;
        head = 0;
    }
}
