package io.ttquant.sim.market;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The latest aggregate quantity of every price level of one book side that changed since the last
 * drain: a primitive open-addressing map from price to quantity (0 = the level is gone), drained
 * into a sorted list of {@link DepthLevel}s for a depth diff. Recording a change allocates nothing.
 *
 * <p>Engine thread only. Prices are positive (0 marks an empty slot).
 */
final class PriceChanges {
    private long[] prices;
    private long[] quantities;
    private int mask;
    private int size;
    private long[] scratch = new long[64];

    PriceChanges() {
        prices = new long[256];
        quantities = new long[256];
        mask = prices.length - 1;
    }

    int size() {
        return size;
    }

    /** Records that the level at {@code price} now holds {@code qty}. */
    void put(long price, long qty) {
        int i = slot(price);
        long p;
        while ((p = prices[i]) != 0) {
            if (p == price) {
                quantities[i] = qty;
                return;
            }
            i = (i + 1) & mask;
        }
        prices[i] = price;
        quantities[i] = qty;
        if (++size * 2 > prices.length) {
            grow();
        }
    }

    /** The changed levels, best first ({@code descending} for bids), and forgets them. */
    List<DepthLevel> drain(boolean descending) {
        if (size == 0) {
            return Collections.emptyList();
        }
        if (scratch.length < size) {
            scratch = new long[Math.max(size, scratch.length * 2)];
        }
        int n = 0;
        for (int i = 0; i < prices.length; i++) {
            if (prices[i] != 0) {
                scratch[n++] = prices[i];
            }
        }
        Arrays.sort(scratch, 0, n);
        List<DepthLevel> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            long price = scratch[descending ? n - 1 - k : k];
            out.add(new DepthLevel(price, quantityOf(price)));
        }
        Arrays.fill(prices, 0);
        size = 0;
        return out;
    }

    private long quantityOf(long price) {
        int i = slot(price);
        while (prices[i] != price) {
            i = (i + 1) & mask;
        }
        return quantities[i];
    }

    private void grow() {
        long[] oldPrices = prices;
        long[] oldQuantities = quantities;
        prices = new long[oldPrices.length * 2];
        quantities = new long[oldQuantities.length * 2];
        mask = prices.length - 1;
        for (int j = 0; j < oldPrices.length; j++) {
            long p = oldPrices[j];
            if (p != 0) {
                int i = slot(p);
                while (prices[i] != 0) {
                    i = (i + 1) & mask;
                }
                prices[i] = p;
                quantities[i] = oldQuantities[j];
            }
        }
    }

    private int slot(long price) {
        long h = price * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
