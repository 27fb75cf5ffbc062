package io.ttquant.core.exchange;

/**
 * The fill models of a {@link SimulatedExchange}: fees, slippage, latency, how bars fill market
 * orders, the bar volume participation cap, when resting limits fill, and whether L2 queue position
 * is modelled. Built once, validated in {@link Builder#build()} (which refuses bad values with a
 * clear {@link IllegalArgumentException}), immutable afterwards; nothing re-checks it on the hot path.
 *
 * <p>It describes a venue only: it must never refer to a backtest, a data source or a strategy.
 */
public final class ExchangeConfig {
    /** One million: rates are parts per million (10 bps = 1,000 ppm). */
    public static final long MILLION = 1_000_000L;

    private final long makerFeePpm;
    private final long takerFeePpm;
    private final SlippageModel slippage;
    private final LatencyModel latency;
    private final BarFillMode barFillMode;
    private final long maxBarVolumePpm;
    private final LimitFillRule limitFillRule;
    private final boolean queuePosition;

    private ExchangeConfig(Builder b) {
        this.makerFeePpm = b.makerFeePpm;
        this.takerFeePpm = b.takerFeePpm;
        this.slippage = b.slippage;
        this.latency = b.latency;
        this.barFillMode = b.barFillMode;
        this.maxBarVolumePpm = b.maxBarVolumePpm;
        this.limitFillRule = b.limitFillRule;
        this.queuePosition = b.queuePosition;
    }

    /**
     * Defaults: Binance spot base fees (10 bps maker and taker), no slippage, no latency,
     * {@link BarFillMode#NEXT_OPEN}, no volume cap, {@link LimitFillRule#THROUGH}, queue position on.
     */
    public static Builder builder() {
        return new Builder();
    }

    public static ExchangeConfig defaults() {
        return builder().build();
    }

    /** Maker fee in parts per million of the fill notional; negative is a rebate. */
    public long makerFeePpm() {
        return makerFeePpm;
    }

    /** Taker fee in parts per million of the fill notional. */
    public long takerFeePpm() {
        return takerFeePpm;
    }

    public SlippageModel slippage() {
        return slippage;
    }

    public LatencyModel latency() {
        return latency;
    }

    public BarFillMode barFillMode() {
        return barFillMode;
    }

    /** The volume cap as parts per million of a bar's volume; {@link #MILLION} means no cap. */
    public long maxBarVolumePpm() {
        return maxBarVolumePpm;
    }

    /** The volume cap as a fraction (reporting only). */
    public double maxBarVolumeFraction() {
        return maxBarVolumePpm / (double) MILLION;
    }

    public boolean hasVolumeCap() {
        return maxBarVolumePpm < MILLION;
    }

    public LimitFillRule limitFillRule() {
        return limitFillRule;
    }

    /** Whether resting limits track their queue position when L2 book data is present. */
    public boolean queuePosition() {
        return queuePosition;
    }

    /** A builder seeded with this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.makerFeePpm = makerFeePpm;
        b.takerFeePpm = takerFeePpm;
        b.slippage = slippage;
        b.latency = latency;
        b.barFillMode = barFillMode;
        b.maxBarVolumeFraction = maxBarVolumeFraction();
        b.limitFillRule = limitFillRule;
        b.queuePosition = queuePosition;
        return b;
    }

    @Override
    public String toString() {
        return "ExchangeConfig{makerFeePpm=" + makerFeePpm + ", takerFeePpm=" + takerFeePpm + ", slippage=" + slippage
                + ", latency=" + latency + ", barFillMode=" + barFillMode + ", maxBarVolumePpm=" + maxBarVolumePpm
                + ", limitFillRule=" + limitFillRule + ", queuePosition=" + queuePosition + "}";
    }

    /** Collects the settings; {@link #build()} validates them all at once. Not thread-safe. */
    public static final class Builder {
        private long makerFeePpm = 1_000;
        private long takerFeePpm = 1_000;
        private SlippageModel slippage = SlippageModel.none();
        private LatencyModel latency = LatencyModel.constant(0);
        private BarFillMode barFillMode = BarFillMode.NEXT_OPEN;
        private double maxBarVolumeFraction = 1.0;
        private long maxBarVolumePpm;
        private LimitFillRule limitFillRule = LimitFillRule.THROUGH;
        private boolean queuePosition = true;

        private Builder() {
        }

        /** Maker fee in ppm of notional (10 bps = 1000); negative for a rebate. */
        public Builder makerFeePpm(long ppm) {
            this.makerFeePpm = ppm;
            return this;
        }

        /** Taker fee in ppm of notional (10 bps = 1000). */
        public Builder takerFeePpm(long ppm) {
            this.takerFeePpm = ppm;
            return this;
        }

        public Builder slippage(SlippageModel slippage) {
            this.slippage = slippage;
            return this;
        }

        public Builder latency(LatencyModel latency) {
            this.latency = latency;
            return this;
        }

        public Builder barFillMode(BarFillMode mode) {
            this.barFillMode = mode;
            return this;
        }

        /** Largest share of one bar's volume one order may fill in that bar: 0 &lt; x &lt;= 1 (1 = no cap). */
        public Builder maxBarVolumeFraction(double fraction) {
            this.maxBarVolumeFraction = fraction;
            return this;
        }

        public Builder limitFillRule(LimitFillRule rule) {
            this.limitFillRule = rule;
            return this;
        }

        public Builder queuePosition(boolean on) {
            this.queuePosition = on;
            return this;
        }

        /** Validates every setting and builds; throws {@link IllegalArgumentException} naming the bad one. */
        public ExchangeConfig build() {
            if (makerFeePpm < -MILLION || makerFeePpm > MILLION) {
                throw new IllegalArgumentException("makerFeePpm must be between -1000000 and 1000000 ppm (10 bps = 1000), got "
                        + makerFeePpm);
            }
            if (takerFeePpm < 0 || takerFeePpm > MILLION) {
                throw new IllegalArgumentException("takerFeePpm must be between 0 and 1000000 ppm (10 bps = 1000), got "
                        + takerFeePpm);
            }
            require(slippage != null, "slippage must not be null (use SlippageModel.none())");
            require(latency != null, "latency must not be null (use LatencyModel.constant(0))");
            require(barFillMode != null, "barFillMode must not be null");
            require(limitFillRule != null, "limitFillRule must not be null");
            if (!(maxBarVolumeFraction > 0 && maxBarVolumeFraction <= 1)) {
                throw new IllegalArgumentException("maxBarVolumeFraction must be > 0 and <= 1 (1 = no cap), got "
                        + maxBarVolumeFraction);
            }
            maxBarVolumePpm = Math.round(maxBarVolumeFraction * MILLION);
            if (maxBarVolumePpm < 1) {
                throw new IllegalArgumentException("maxBarVolumeFraction must be at least 0.000001, got " + maxBarVolumeFraction);
            }
            return new ExchangeConfig(this);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
