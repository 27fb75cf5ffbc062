package io.ttquant.core.risk;

import io.ttquant.core.instrument.Instrument;
import java.util.Objects;

/**
 * Risk limits for one instrument, shared by all strategies unless a strategy overrides the position
 * limit: the largest order quantity, the default largest position (raw, at the instrument's
 * quantity scale) and the price collar in parts per million of the reference price (0: no collar).
 * Immutable and validated when built; it never changes after the engine starts.
 */
public final class InstrumentLimits {
    /** A limit that never binds. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    private final Instrument instrument;
    private final long maxOrderQty;
    private final long maxPosition;
    private final long collarPpm;

    private InstrumentLimits(Builder b) {
        this.instrument = b.instrument;
        this.maxOrderQty = b.maxOrderQty;
        this.maxPosition = b.maxPosition;
        this.collarPpm = b.collarPpm;
    }

    public static Builder of(Instrument instrument) {
        return new Builder(instrument);
    }

    public Instrument instrument() {
        return instrument;
    }

    /** Largest quantity of one order, raw; {@link #UNLIMITED} when none. */
    public long maxOrderQty() {
        return maxOrderQty;
    }

    /** Default largest absolute position per strategy including open orders, raw; {@link #UNLIMITED} when none. */
    public long maxPosition() {
        return maxPosition;
    }

    /** Largest distance of a limit price from the reference price, in ppm of the reference; 0 when not collared. */
    public long collarPpm() {
        return collarPpm;
    }

    /** Builds {@link InstrumentLimits}; every limit is optional. */
    public static final class Builder {
        private final Instrument instrument;
        private long maxOrderQty = UNLIMITED;
        private long maxPosition = UNLIMITED;
        private long collarPpm;

        private Builder(Instrument instrument) {
            this.instrument = Objects.requireNonNull(instrument, "instrument");
        }

        public Builder maxOrderQty(long rawQty) {
            this.maxOrderQty = rawQty;
            return this;
        }

        public Builder maxPosition(long rawQty) {
            this.maxPosition = rawQty;
            return this;
        }

        /** 10,000 ppm = 1 %. Must be below 1,000,000. */
        public Builder collarPpm(long ppm) {
            this.collarPpm = ppm;
            return this;
        }

        public InstrumentLimits build() {
            String name = instrument.symbol();
            if (maxOrderQty <= 0) {
                throw new IllegalArgumentException(name + ": max order quantity must be positive, got " + maxOrderQty);
            }
            if (maxPosition <= 0) {
                throw new IllegalArgumentException(name + ": max position must be positive, got " + maxPosition);
            }
            if (collarPpm < 0 || collarPpm >= 1_000_000) {
                throw new IllegalArgumentException(name + ": price collar must be 0..999999 ppm, got " + collarPpm);
            }
            return new InstrumentLimits(this);
        }
    }
}
