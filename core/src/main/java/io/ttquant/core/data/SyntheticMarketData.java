package io.ttquant.core.data;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Side;

import java.util.Locale;
import java.util.Objects;

/**
 * A seeded generator of plausible market data for demos, tests and benchmarks: a geometric random
 * walk whose drift and volatility switch between regimes (up trend, down trend, range; calm,
 * normal, wild), so that trend-following strategies find trends and also whipsaws.
 *
 * <ul>
 *   <li>{@link Kind#BARS}: bars on the tick grid, open = previous close, high and low beyond
 *       open and close by a random share of the bar's volatility, lognormal volume that grows with
 *       the size of the move;</li>
 *   <li>{@link Kind#TRADES}: trades at the bid or the ask of a 1-3 tick spread around the walk,
 *       buyers more likely after an up move, exponential gaps between events;</li>
 *   <li>{@link Kind#QUOTES_AND_TRADES}: a quote per price step, each followed half the time by a
 *       trade at that quote half-way to the next step.</li>
 * </ul>
 *
 * <p>The same settings and seed always give the identical stream. The generator is a splitmix64
 * implemented inline and normal variates come from a precomputed inverse-CDF table, so an event
 * costs tens of nanoseconds and no allocation. It must never use {@code java.util.Random} or the
 * wall clock. The walk is reflected to stay within a factor 100 of the start price (so prices never
 * overflow in benchmark-length runs), and the stream ends early if its clock would pass
 * {@code Long.MAX_VALUE} nanoseconds (year 2262).
 */
public final class SyntheticMarketData implements MarketDataSource {
    /** What the generator emits. */
    public enum Kind {
        BARS,
        TRADES,
        QUOTES_AND_TRADES
    }

    private static final int TABLE_BITS = 14;
    private static final double[] NORMAL = normalTable();
    private static final double BOUND = Math.log(100);

    private final Instrument instrument;
    private final Kind kind;
    private final long count;
    private final long intervalNanos;
    private final double drift;
    private final double volatility;
    private final double switchProbability;
    private final double trendStrength;
    private final double medianQty;
    private final double lowLog;
    private final double highLog;
    private final double ticksPerUnit;
    private final long tick;
    private final long step;
    private final long lastStart;
    private final String description;

    private final Bar bar = new Bar();
    private final TradeTick trade = new TradeTick();
    private final QuoteTick quote = new QuoteTick();
    private MarketEvent current;

    private long state;
    private long emitted;
    private long time;
    private double logPrice;
    private double regimeDrift;
    private double regimeVol;
    private long lastClose;
    private int spreadTicks = 1;
    private long bid;
    private long ask;
    private long tradeId;
    private boolean tradeDue;
    private long tradeTime;
    private Side tradeSide;
    private boolean closed;

    private SyntheticMarketData(Builder b, double volatility, long intervalNanos, long startPriceRaw, long medianQtyRaw) {
        this.instrument = b.instrument;
        this.kind = b.kind;
        this.count = b.count;
        this.intervalNanos = intervalNanos;
        this.drift = b.drift;
        this.volatility = volatility;
        this.switchProbability = b.meanRegimeLength == 0 ? 0 : 1.0 / b.meanRegimeLength;
        this.trendStrength = b.trendStrength;
        this.tick = instrument.tickSize();
        this.step = instrument.stepSize();
        double priceUnit = Math.pow(10, instrument.priceScale());
        this.ticksPerUnit = priceUnit / tick;
        this.medianQty = medianQtyRaw;
        this.state = b.seed;
        this.time = b.startTimeNanos;
        this.logPrice = Math.log(startPriceRaw / priceUnit);
        this.lowLog = logPrice - BOUND;
        this.highLog = logPrice + BOUND;
        this.lastClose = startPriceRaw;
        this.regimeVol = 1.0;
        this.tradeId = 1;
        // Exponential gaps are below 40 means with probability 1 - 4e-18; stop before the clock could wrap.
        this.lastStart = Long.MAX_VALUE - 64 * intervalNanos;
        this.description = "synthetic " + instrument.symbol() + " " + kind.name().toLowerCase(Locale.ROOT)
                + " (seed " + b.seed + ")";
        setQuote(Math.exp(logPrice) * ticksPerUnit);
    }

    public static Builder builder(Instrument instrument) {
        return new Builder(instrument);
    }

    @Override
    public boolean advance() {
        if (closed || emitted >= count || time > lastStart) {
            return false;
        }
        emitted++;
        switch (kind) {
            case BARS:
                nextBar();
                break;
            case TRADES:
                stepPrice();
                emitTrade(time);
                time += gap();
                break;
            default:
                if (tradeDue) {
                    tradeDue = false;
                    emitTrade(tradeTime);
                } else {
                    stepPrice();
                    quote.set(instrument, time, time, bid, quoteQty(), ask, quoteQty());
                    current = quote;
                    long gap = gap();
                    if (uniform() < 0.5) {
                        tradeDue = true;
                        tradeTime = time + gap / 2;
                    }
                    time += gap;
                }
                break;
        }
        return true;
    }

    private void nextBar() {
        maybeSwitchRegime();
        double sigma = volatility * regimeVol;
        double z = gaussian();
        logPrice = reflect(logPrice + drift + regimeDrift + sigma * z);
        double closeTicks = Math.exp(logPrice) * ticksPerUnit;
        long open = lastClose;
        long close = Math.max(1, Math.round(closeTicks)) * tick;
        // Wicks beyond open/close: about 0.28 volatilities on average, none in one bar of ten (as in BTCUSDT 1m).
        double extension = 0.4 * sigma * closeTicks;
        long high = Math.max(open, close) + (long) Math.ceil(Math.max(0, Math.abs(gaussian()) - 0.11) * extension) * tick;
        long low = Math.max(tick, Math.min(open, close) - (long) Math.ceil(Math.max(0, Math.abs(gaussian()) - 0.11) * extension) * tick);
        long volume = Math.round(medianQty * Math.exp(0.5 * gaussian()) * (0.5 + 0.6 * Math.abs(z)) * regimeVol);
        bar.set(instrument, time, intervalNanos, open, high, low, close, volume);
        current = bar;
        lastClose = close;
        time += intervalNanos;
    }

    private void stepPrice() {
        maybeSwitchRegime();
        double z = gaussian();
        logPrice = reflect(logPrice + drift + regimeDrift + volatility * regimeVol * z);
        if (uniform() < 0.1) {
            spreadTicks = 1 + (int) ((next() >>> 33) % 3);
        }
        setQuote(Math.exp(logPrice) * ticksPerUnit);
        // Order flow follows the move: buyers lift the ask more often after an up-tick.
        tradeSide = uniform() < (z > 0 ? 0.65 : z < 0 ? 0.35 : 0.5) ? Side.BUY : Side.SELL;
    }

    private void setQuote(double midTicks) {
        long bidTicks = Math.max(1, Math.round(midTicks - spreadTicks * 0.5));
        bid = bidTicks * tick;
        ask = (bidTicks + spreadTicks) * tick;
    }

    private void emitTrade(long at) {
        long price = tradeSide == Side.BUY ? ask : bid;
        long qty = Math.max(step, Math.round(medianQty * Math.exp(0.8 * gaussian()) / step) * step);
        trade.set(instrument, at, at, price, qty, tradeSide, tradeId++);
        current = trade;
    }

    private long quoteQty() {
        return Math.max(step, Math.round(5 * medianQty * Math.exp(gaussian()) / step) * step);
    }

    private long gap() {
        return 1 + (long) (-Math.log(1.0 - uniform()) * intervalNanos);
    }

    private void maybeSwitchRegime() {
        if (uniform() < switchProbability) {
            double u = uniform();
            double direction = u < 0.35 ? -1 : u < 0.65 ? 0 : 1;
            regimeDrift = direction * trendStrength * volatility;
            double v = uniform();
            regimeVol = v < 0.3 ? 0.6 : v < 0.8 ? 1.0 : 1.8;
        }
    }

    private double reflect(double x) {
        if (x > highLog) {
            return 2 * highLog - x;
        }
        if (x < lowLog) {
            return 2 * lowLog - x;
        }
        return x;
    }

    /** splitmix64: one add and two multiply-xorshift rounds per value. */
    private long next() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    private double uniform() {
        return (next() >>> 11) * 0x1.0p-53;
    }

    /** Standard normal (within ±4) from the inverse-CDF table, linearly interpolated. */
    private double gaussian() {
        long u = next();
        int i = (int) (u >>> (64 - TABLE_BITS));
        double f = ((u >>> 18) & 0xFFFFFFFFL) * 0x1.0p-32;
        double lo = NORMAL[i];
        return lo + (NORMAL[i + 1] - lo) * f;
    }

    private static double[] normalTable() {
        int n = 1 << TABLE_BITS;
        double[] t = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            t[i] = inverseNormal((i + 0.5) / (n + 1));
        }
        return t;
    }

    /** Acklam's rational approximation of the inverse standard normal CDF (relative error 1.2e-9). */
    private static double inverseNormal(double p) {
        final double a1 = -3.969683028665376e+01, a2 = 2.209460984245205e+02, a3 = -2.759285104469687e+02;
        final double a4 = 1.383577518672690e+02, a5 = -3.066479806614716e+01, a6 = 2.506628277459239e+00;
        final double b1 = -5.447609879822406e+01, b2 = 1.615858368580409e+02, b3 = -1.556989798598866e+02;
        final double b4 = 6.680131188771972e+01, b5 = -1.328068155288572e+01;
        final double c1 = -7.784894002430293e-03, c2 = -3.223964580411365e-01, c3 = -2.400758277161838e+00;
        final double c4 = -2.549732539343734e+00, c5 = 4.374664141464968e+00, c6 = 2.938163982698783e+00;
        final double d1 = 7.784695709041462e-03, d2 = 3.224671290700398e-01, d3 = 2.445134137142996e+00;
        final double d4 = 3.754408661907416e+00;
        final double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) / ((((d1 * q + d2) * q + d3) * q + d4) * q + 1);
        }
        if (p > 1 - low) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) / ((((d1 * q + d2) * q + d3) * q + d4) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a1 * r + a2) * r + a3) * r + a4) * r + a5) * r + a6) * q
                / (((((b1 * r + b2) * r + b3) * r + b4) * r + b5) * r + 1);
    }

    @Override
    public MarketEvent current() {
        return current;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public long skippedRows() {
        return 0;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Kind of events emitted. */
    public Kind kind() {
        return kind;
    }

    /**
     * Settings for {@link SyntheticMarketData}, validated by {@link #build()}. Defaults: seed 1,
     * start 2024-01-01T00:00Z, {@link Kind#BARS}, 10,000 events, start price 100, no drift,
     * volatility 0.1% per bar (0.005% per tick step), regimes of 720 steps on average with trend
     * strength 0.05 volatilities per step, interval 1 minute per bar (mean 100 ms between tick
     * events), median volume 10 per bar (0.05 per trade).
     */
    public static final class Builder {
        private final Instrument instrument;
        private long seed = 1;
        private long startTimeNanos = 1_704_067_200_000_000_000L;
        private Kind kind = Kind.BARS;
        private long count = 10_000;
        private String startPrice = "100";
        private double drift;
        private double volatility = Double.NaN;
        private long meanRegimeLength = 720;
        private double trendStrength = 0.05;
        private long intervalNanos;
        private String medianQty;

        private Builder(Instrument instrument) {
            this.instrument = Objects.requireNonNull(instrument, "instrument");
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Time of the first event (bars: the first bar's open time), nanoseconds since the epoch. */
        public Builder startTimeNanos(long startTimeNanos) {
            this.startTimeNanos = startTimeNanos;
            return this;
        }

        public Builder kind(Kind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /** Number of events to emit; {@code Long.MAX_VALUE} for an endless benchmark stream. */
        public Builder count(long count) {
            this.count = count;
            return this;
        }

        /** Start price as decimal text; must be on the instrument's tick grid. */
        public Builder startPrice(String price) {
            this.startPrice = Objects.requireNonNull(price, "price");
            return this;
        }

        /** Mean log return per step (bar or tick step), added to the regime's trend. */
        public Builder drift(double drift) {
            this.drift = drift;
            return this;
        }

        /** Standard deviation of the log return per step (bar or tick step) in a normal regime. */
        public Builder volatility(double volatility) {
            this.volatility = volatility;
            return this;
        }

        /** Mean regime length in steps; 0 keeps one regime (a plain random walk with {@link #drift}). */
        public Builder meanRegimeLength(long steps) {
            this.meanRegimeLength = steps;
            return this;
        }

        /** Drift of a trending regime, in volatilities per step. */
        public Builder trendStrength(double strength) {
            this.trendStrength = strength;
            return this;
        }

        /** Bars: the bar interval. Tick kinds: the mean time between price steps. Nanoseconds. */
        public Builder intervalNanos(long intervalNanos) {
            this.intervalNanos = intervalNanos;
            return this;
        }

        /** Median bar volume (BARS) or median trade size (tick kinds), as decimal text in base units. */
        public Builder medianQty(String qty) {
            this.medianQty = Objects.requireNonNull(qty, "qty");
            return this;
        }

        public SyntheticMarketData build() {
            boolean bars = kind == Kind.BARS;
            double vol = Double.isNaN(volatility) ? (bars ? 0.001 : 0.00005) : volatility;
            long interval = intervalNanos == 0 ? (bars ? 60_000_000_000L : 100_000_000L) : intervalNanos;
            String median = medianQty == null ? (bars ? "10" : "0.05") : medianQty;
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative: " + count);
            }
            if (interval <= 0 || interval > 365L * 86_400_000_000_000L) {
                throw new IllegalArgumentException("interval must be positive and at most a year: " + interval);
            }
            if (!(vol >= 0 && vol < 1) || !Double.isFinite(drift) || Math.abs(drift) >= 1) {
                throw new IllegalArgumentException("need 0 <= volatility < 1 and |drift| < 1 (log return per step)");
            }
            if (meanRegimeLength < 0 || !(trendStrength >= 0 && trendStrength < 10)) {
                throw new IllegalArgumentException("need meanRegimeLength >= 0 and 0 <= trendStrength < 10");
            }
            if (startTimeNanos < 0) {
                throw new IllegalArgumentException("start time must not be negative: " + startTimeNanos);
            }
            long startPriceRaw;
            long medianQtyRaw;
            try {
                startPriceRaw = instrument.price(startPrice);
                medianQtyRaw = Fixed.parseRounded(median, instrument.qtyScale());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("start price does not fit " + instrument + ": " + e.getMessage(), e);
            }
            if (startPriceRaw <= 0 || startPriceRaw % instrument.tickSize() != 0) {
                throw new IllegalArgumentException("start price must be positive and on the tick grid of " + instrument + ": " + startPrice);
            }
            if (medianQtyRaw <= 0) {
                throw new IllegalArgumentException("median quantity must be positive at the quantity scale of " + instrument + ": " + median);
            }
            return new SyntheticMarketData(this, vol, interval, startPriceRaw, medianQtyRaw);
        }
    }
}
