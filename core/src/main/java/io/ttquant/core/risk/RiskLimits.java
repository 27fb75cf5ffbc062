package io.ttquant.core.risk;

import io.ttquant.core.instrument.Instrument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole risk configuration, validated once when built (Aeron's {@code conclude()}): the
 * instruments that may be traded, the strategies that may trade (a strategy's index in
 * {@link #strategies()} is its id in the {@link RiskEngine}), global rate limits, the global cap on
 * open orders (which also sizes the engine's pre-allocated order table), the duplicate-order window
 * and what to do when no reference price is known. Immutable; nothing re-checks it on the hot path.
 */
public final class RiskLimits {
    private final List<InstrumentLimits> instruments;
    private final List<StrategyLimits> strategies;
    private final RateLimit globalOrderRate;
    private final RateLimit globalCancelRate;
    private final int maxOpenOrders;
    private final long duplicateWindowNanos;
    private final int duplicateMemory;
    private final boolean rejectWithoutReference;

    private RiskLimits(Builder b) {
        this.instruments = List.copyOf(b.instruments);
        this.strategies = List.copyOf(b.strategies);
        this.globalOrderRate = b.globalOrderRate;
        this.globalCancelRate = b.globalCancelRate;
        this.maxOpenOrders = b.maxOpenOrders;
        this.duplicateWindowNanos = b.duplicateWindowNanos;
        this.duplicateMemory = b.duplicateMemory;
        this.rejectWithoutReference = b.rejectWithoutReference;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<InstrumentLimits> instruments() {
        return instruments;
    }

    /** The strategies in id order: the strategy at index {@code i} has id {@code i}. */
    public List<StrategyLimits> strategies() {
        return strategies;
    }

    /** Null when new orders are not rate limited globally. */
    public RateLimit globalOrderRate() {
        return globalOrderRate;
    }

    /** Null when cancels are not rate limited globally. */
    public RateLimit globalCancelRate() {
        return globalCancelRate;
    }

    /** Largest number of open orders across all strategies. */
    public int maxOpenOrders() {
        return maxOpenOrders;
    }

    /** An order equal to one the same strategy sent less than this long ago is a duplicate; 0 disables the guard. */
    public long duplicateWindowNanos() {
        return duplicateWindowNanos;
    }

    /** How many recent orders per strategy the duplicate guard remembers. */
    public int duplicateMemory() {
        return duplicateMemory;
    }

    /** True: an order that needs a reference price (collar, market notional) is rejected without one; false: it passes those checks. */
    public boolean rejectWithoutReference() {
        return rejectWithoutReference;
    }

    /** Builds {@link RiskLimits}; {@link #build()} refuses an inconsistent configuration with a clear message. */
    public static final class Builder {
        private final List<InstrumentLimits> instruments = new ArrayList<>();
        private final List<StrategyLimits> strategies = new ArrayList<>();
        private RateLimit globalOrderRate;
        private RateLimit globalCancelRate;
        private int maxOpenOrders = 4096;
        private long duplicateWindowNanos = 1_000_000_000L;
        private int duplicateMemory = 16;
        private boolean rejectWithoutReference = true;

        private Builder() {
        }

        public Builder instrument(InstrumentLimits limits) {
            instruments.add(limits);
            return this;
        }

        public Builder strategy(StrategyLimits limits) {
            strategies.add(limits);
            return this;
        }

        public Builder globalOrderRate(RateLimit limit) {
            this.globalOrderRate = limit;
            return this;
        }

        public Builder globalCancelRate(RateLimit limit) {
            this.globalCancelRate = limit;
            return this;
        }

        public Builder maxOpenOrders(int n) {
            this.maxOpenOrders = n;
            return this;
        }

        public Builder duplicateGuard(long windowNanos, int memory) {
            this.duplicateWindowNanos = windowNanos;
            this.duplicateMemory = memory;
            return this;
        }

        public Builder rejectWithoutReference(boolean reject) {
            this.rejectWithoutReference = reject;
            return this;
        }

        public RiskLimits build() {
            if (instruments.isEmpty()) {
                throw new IllegalArgumentException("risk limits need at least one instrument");
            }
            if (strategies.isEmpty()) {
                throw new IllegalArgumentException("risk limits need at least one strategy");
            }
            Set<String> symbols = new HashSet<>();
            Set<Instrument> known = new HashSet<>();
            for (InstrumentLimits i : instruments) {
                if (!symbols.add(i.instrument().symbol())) {
                    throw new IllegalArgumentException("instrument " + i.instrument().symbol() + " configured twice");
                }
                known.add(i.instrument());
            }
            Set<String> names = new HashSet<>();
            for (StrategyLimits s : strategies) {
                if (!names.add(s.name())) {
                    throw new IllegalArgumentException("strategy " + s.name() + " configured twice");
                }
                for (Instrument i : s.maxPositions().keySet()) {
                    if (!known.contains(i)) {
                        throw new IllegalArgumentException("strategy " + s.name() + " limits unknown instrument " + i.symbol());
                    }
                }
            }
            if (maxOpenOrders <= 0 || maxOpenOrders > (1 << 20)) {
                throw new IllegalArgumentException("global max open orders must be 1.." + (1 << 20) + ", got " + maxOpenOrders);
            }
            if (duplicateWindowNanos < 0) {
                throw new IllegalArgumentException("duplicate window must not be negative");
            }
            if (duplicateMemory <= 0 || duplicateMemory > 4096) {
                throw new IllegalArgumentException("duplicate memory must be 1..4096, got " + duplicateMemory);
            }
            return new RiskLimits(this);
        }
    }
}
