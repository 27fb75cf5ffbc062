package io.ttquant.binance.trading;

/**
 * One asset's balance: {@code free} and {@code locked} (in open orders), raw at
 * {@link io.ttquant.core.num.Fixed#CASH_SCALE}. Immutable value.
 */
public record AssetBalance(String asset, long free, long locked) {
    /** free + locked. */
    public long total() {
        return Math.addExact(free, locked);
    }
}
