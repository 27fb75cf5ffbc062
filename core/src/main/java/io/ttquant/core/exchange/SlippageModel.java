package io.ttquant.core.exchange;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Side;

/**
 * How much worse than the reference price a taker fill executes when the exchange prices it from a
 * single reference price (a quote, the last trade, a bar's open or close, a stop's trigger price):
 * none, a fixed number of ticks, or a fraction of the price. The result is always rounded to the
 * tick adversely (up for buys, down for sells). Book walks take the displayed levels' prices and
 * get no extra slippage: the book already models the impact.
 *
 * <p>Immutable. Must never improve a price, never use floating point, and never return a
 * non-positive price (a sell is held at one tick at least).
 */
public final class SlippageModel {
    /** The kinds of slippage model. */
    public enum Kind {
        NONE,
        FIXED_TICKS,
        BPS
    }

    private static final long MILLION = 1_000_000L;
    private static final SlippageModel NONE = new SlippageModel(Kind.NONE, 0);

    private final Kind kind;
    /** Ticks for FIXED_TICKS, parts per million for BPS. */
    private final long amount;

    private SlippageModel(Kind kind, long amount) {
        this.kind = kind;
        this.amount = amount;
    }

    /** No slippage: taker fills execute at the reference price. */
    public static SlippageModel none() {
        return NONE;
    }

    /** A fixed number of ticks against the taker ({@code ticks >= 0}). */
    public static SlippageModel fixedTicks(long ticks) {
        if (ticks < 0) {
            throw new IllegalArgumentException("slippage ticks must be >= 0 (got " + ticks + ")");
        }
        return ticks == 0 ? NONE : new SlippageModel(Kind.FIXED_TICKS, ticks);
    }

    /** {@code bps} basis points of the reference price against the taker (0 &lt;= bps &lt; 10,000). */
    public static SlippageModel bps(long bps) {
        if (bps < 0 || bps >= 10_000) {
            throw new IllegalArgumentException("slippage bps must be >= 0 and < 10000 (got " + bps + ")");
        }
        return ppm(bps * 100);
    }

    /** {@code ppm} parts per million of the reference price (1 bp = 100 ppm), for fractional basis points. */
    public static SlippageModel ppm(long ppm) {
        if (ppm < 0 || ppm >= MILLION) {
            throw new IllegalArgumentException("slippage ppm must be >= 0 and < 1000000 (got " + ppm + ")");
        }
        return ppm == 0 ? NONE : new SlippageModel(Kind.BPS, ppm);
    }

    public Kind kind() {
        return kind;
    }

    /** Ticks for {@link Kind#FIXED_TICKS}, 0 otherwise. */
    public long ticks() {
        return kind == Kind.FIXED_TICKS ? amount : 0;
    }

    /** Parts per million for {@link Kind#BPS}, 0 otherwise. */
    public long ppm() {
        return kind == Kind.BPS ? amount : 0;
    }

    /**
     * The price a taker on {@code side} gets from reference {@code price} (raw, at the instrument's
     * price scale): buys pay more, sells receive less, rounded to the tick adversely.
     */
    public long apply(Instrument instrument, Side side, long price) {
        long delta;
        switch (kind) {
            case NONE:
                return price;
            case FIXED_TICKS:
                delta = Math.multiplyExact(amount, instrument.tickSize());
                break;
            case BPS:
                delta = ceilPpm(price, amount);
                break;
            default:
                throw new IllegalStateException("unknown slippage kind " + kind);
        }
        if (side == Side.BUY) {
            return instrument.ceilToTick(Math.addExact(price, delta));
        }
        return Math.max(instrument.tickSize(), instrument.floorToTick(price - delta));
    }

    /** {@code ceil(value * ppm / 10^6)} for value &gt;= 0 and 0 &lt;= ppm &lt; 10^6, without overflow. */
    static long ceilPpm(long value, long ppm) {
        long q = value / MILLION;
        long r = value % MILLION;
        return Math.addExact(Math.multiplyExact(q, ppm), (r * ppm + MILLION - 1) / MILLION);
    }

    @Override
    public String toString() {
        switch (kind) {
            case FIXED_TICKS:
                return "SlippageModel{" + amount + " ticks}";
            case BPS:
                return "SlippageModel{" + amount + " ppm}";
            default:
                return "SlippageModel{none}";
        }
    }
}
