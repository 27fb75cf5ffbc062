package io.ttquant.core.risk;

/**
 * What a strategy may do: ACTIVE trades normally; REDUCE_ONLY lets through only orders that shrink
 * its position; HALTED rejects every new order and replace but still allows cancels. Ordered from
 * least to most restrictive, so the stricter of two states is the one with the larger ordinal.
 */
public enum TradingState {
    ACTIVE,
    REDUCE_ONLY,
    HALTED;

    /** The more restrictive of this state and {@code other}. */
    public TradingState stricter(TradingState other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
