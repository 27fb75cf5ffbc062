package io.ttquant.core.engine;

/** Hands out unique, increasing order ids within one engine. Single-threaded. */
public final class OrderIdSource {
    private long next;

    public OrderIdSource(long first) {
        this.next = first;
    }

    public long next() {
        return next++;
    }
}
