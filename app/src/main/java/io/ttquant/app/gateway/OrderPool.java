package io.ttquant.app.gateway;

import io.ttquant.core.order.Order;
import java.util.Arrays;

/**
 * Reusable {@link Order} objects for the gateway, so that an order costs no allocation once the
 * pool holds as many as were ever in use at once. An order that never reached the venue (refused)
 * goes back at once; a terminal order the venue saw waits in quarantine until the venue has
 * settled every request sent up to the moment it ended ({@link GatewayVenue#requestsSettled()}),
 * because a cancel still in flight to the venue holds a reference to it. A venue that does not
 * count its requests never settles any, and its orders are simply left to the garbage collector.
 * Single-threaded, owned by the gateway's thread; it must never hand out an order still in use.
 */
final class OrderPool {
    private Order[] free = new Order[64];
    private int freeCount;
    private Order[] quarantine = new Order[64];
    private long[] quarantineMark = new long[64];
    private int quarantineHead;
    private int quarantineCount;
    private long created;

    /** A blank order: a pooled one when there is one, else a new one. */
    Order acquire() {
        if (freeCount > 0) {
            Order o = free[--freeCount];
            free[freeCount] = null;
            return o;
        }
        created++;
        return Order.blank();
    }

    /** An order nobody else ever saw (refused before the venue): reusable at once. */
    void release(Order o) {
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = o;
    }

    /** A terminal order, reusable once the venue has settled {@code requestsSent} requests. */
    void retire(Order o, long requestsSent) {
        if (quarantineCount == quarantine.length) {
            growQuarantine();
        }
        int i = (quarantineHead + quarantineCount) % quarantine.length;
        quarantine[i] = o;
        quarantineMark[i] = requestsSent;
        quarantineCount++;
    }

    /** Frees the quarantined orders whose requests the venue has all settled; call between venue calls, never inside one. */
    void reclaim(long requestsSettled) {
        while (quarantineCount > 0 && quarantineMark[quarantineHead] <= requestsSettled) {
            release(quarantine[quarantineHead]);
            quarantine[quarantineHead] = null;
            quarantineHead = (quarantineHead + 1) % quarantine.length;
            quarantineCount--;
        }
    }

    /**
     * Drops the oldest quarantined order when more than {@code max} wait (a venue that never
     * settles): the garbage collector takes it once the venue lets go.
     */
    void trimQuarantine(int max) {
        while (quarantineCount > max) {
            quarantine[quarantineHead] = null;
            quarantineHead = (quarantineHead + 1) % quarantine.length;
            quarantineCount--;
        }
    }

    private void growQuarantine() {
        int n = quarantine.length;
        Order[] orders = new Order[n * 2];
        long[] marks = new long[n * 2];
        for (int k = 0; k < quarantineCount; k++) {
            orders[k] = quarantine[(quarantineHead + k) % n];
            marks[k] = quarantineMark[(quarantineHead + k) % n];
        }
        quarantine = orders;
        quarantineMark = marks;
        quarantineHead = 0;
    }

    /** Orders created since start: stops growing in the steady state. */
    long created() {
        return created;
    }

    int freeCount() {
        return freeCount;
    }

    int quarantined() {
        return quarantineCount;
    }
}
