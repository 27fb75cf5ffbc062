package io.ttquant.core.risk;

import io.ttquant.core.instrument.Instrument;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Risk limits for one strategy: largest order notional (cash scale), open-order count, order and
 * cancel rates, the daily loss that makes it reduce-only and the one that halts it (cash scale,
 * positive amounts of loss), and per-instrument position limits that override the instrument's
 * default. Immutable and validated when built; never consulted for strategies it does not name.
 */
public final class StrategyLimits {
    private final String name;
    private final long maxOrderNotional;
    private final int maxOpenOrders;
    private final RateLimit orderRate;
    private final RateLimit cancelRate;
    private final long reduceOnlyLoss;
    private final long haltLoss;
    private final Map<Instrument, Long> maxPositions;

    private StrategyLimits(Builder b) {
        this.name = b.name;
        this.maxOrderNotional = b.maxOrderNotional;
        this.maxOpenOrders = b.maxOpenOrders;
        this.orderRate = b.orderRate;
        this.cancelRate = b.cancelRate;
        this.reduceOnlyLoss = b.reduceOnlyLoss;
        this.haltLoss = b.haltLoss;
        this.maxPositions = Collections.unmodifiableMap(new IdentityHashMap<>(b.maxPositions));
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** Largest notional of one order at the cash scale; {@link InstrumentLimits#UNLIMITED} when none. */
    public long maxOrderNotional() {
        return maxOrderNotional;
    }

    public int maxOpenOrders() {
        return maxOpenOrders;
    }

    /** Null when new orders are not rate limited for this strategy. */
    public RateLimit orderRate() {
        return orderRate;
    }

    /** Null when cancels are not rate limited for this strategy. */
    public RateLimit cancelRate() {
        return cancelRate;
    }

    /** Daily loss (cash scale, positive) at which the strategy becomes reduce-only. */
    public long reduceOnlyLoss() {
        return reduceOnlyLoss;
    }

    /** Daily loss (cash scale, positive) at which the strategy is halted. */
    public long haltLoss() {
        return haltLoss;
    }

    /** The position limit this strategy overrides for {@code instrument}, or {@code fallback}. */
    public long maxPosition(Instrument instrument, long fallback) {
        Long v = maxPositions.get(instrument);
        return v == null ? fallback : v;
    }

    Map<Instrument, Long> maxPositions() {
        return maxPositions;
    }

    /** Builds {@link StrategyLimits}; every limit is optional and unlimited by default. */
    public static final class Builder {
        private final String name;
        private long maxOrderNotional = InstrumentLimits.UNLIMITED;
        private int maxOpenOrders = Integer.MAX_VALUE;
        private RateLimit orderRate;
        private RateLimit cancelRate;
        private long reduceOnlyLoss = InstrumentLimits.UNLIMITED;
        private long haltLoss = InstrumentLimits.UNLIMITED;
        private final Map<Instrument, Long> maxPositions = new IdentityHashMap<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "strategy name");
        }

        public Builder maxOrderNotional(long cash) {
            this.maxOrderNotional = cash;
            return this;
        }

        public Builder maxOpenOrders(int n) {
            this.maxOpenOrders = n;
            return this;
        }

        public Builder orderRate(RateLimit limit) {
            this.orderRate = limit;
            return this;
        }

        public Builder cancelRate(RateLimit limit) {
            this.cancelRate = limit;
            return this;
        }

        /**
         * Daily loss limits (cash scale, positive): reaching {@code reduceOnly} makes the strategy
         * reduce-only (reaching it a second time in the day halts it), reaching {@code halt} halts it.
         */
        public Builder dailyLoss(long reduceOnly, long halt) {
            this.reduceOnlyLoss = reduceOnly;
            this.haltLoss = halt;
            return this;
        }

        public Builder maxPosition(Instrument instrument, long rawQty) {
            maxPositions.put(Objects.requireNonNull(instrument, "instrument"), rawQty);
            return this;
        }

        public StrategyLimits build() {
            if (name.isBlank()) {
                throw new IllegalArgumentException("strategy name must not be blank");
            }
            if (maxOrderNotional <= 0) {
                throw new IllegalArgumentException(name + ": max order notional must be positive, got " + maxOrderNotional);
            }
            if (maxOpenOrders <= 0) {
                throw new IllegalArgumentException(name + ": max open orders must be positive, got " + maxOpenOrders);
            }
            if (reduceOnlyLoss <= 0 || haltLoss <= 0) {
                throw new IllegalArgumentException(name + ": daily loss limits must be positive amounts of loss");
            }
            if (haltLoss < reduceOnlyLoss) {
                throw new IllegalArgumentException(name + ": halt loss " + haltLoss + " below reduce-only loss " + reduceOnlyLoss);
            }
            for (Map.Entry<Instrument, Long> e : maxPositions.entrySet()) {
                if (e.getValue() <= 0) {
                    throw new IllegalArgumentException(name + ": max position for " + e.getKey() + " must be positive");
                }
            }
            return new StrategyLimits(this);
        }
    }
}
