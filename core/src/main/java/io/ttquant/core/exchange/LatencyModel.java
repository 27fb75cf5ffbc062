package io.ttquant.core.exchange;

/**
 * The delay between sending an order or cancel and its arrival at the matching engine: a constant,
 * or uniform between two bounds drawn from a seeded generator so that a backtest repeats exactly.
 *
 * <p>Immutable: it only describes the delay. Each {@link SimulatedExchange} draws from its own
 * generator seeded with {@link #seed()}, one draw per message in send order. It must never read a
 * clock or an unseeded random source.
 */
public final class LatencyModel {
    private static final LatencyModel ZERO = new LatencyModel(0, 0, 0, false);

    private final long minNanos;
    private final long maxNanos;
    private final long seed;
    private final boolean random;

    private LatencyModel(long minNanos, long maxNanos, long seed, boolean random) {
        this.minNanos = minNanos;
        this.maxNanos = maxNanos;
        this.seed = seed;
        this.random = random;
    }

    /** Every message takes exactly {@code nanos} (&gt;= 0). */
    public static LatencyModel constant(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("latency must be >= 0 ns (got " + nanos + ")");
        }
        return nanos == 0 ? ZERO : new LatencyModel(nanos, nanos, 0, false);
    }

    /** Each message takes a uniformly drawn delay in {@code [minNanos, maxNanos]}, reproducible from {@code seed}. */
    public static LatencyModel uniformRandom(long minNanos, long maxNanos, long seed) {
        if (minNanos < 0 || maxNanos < minNanos || maxNanos == Long.MAX_VALUE) {
            throw new IllegalArgumentException("latency bounds must satisfy 0 <= min <= max < Long.MAX_VALUE (got min="
                    + minNanos + ", max=" + maxNanos + ")");
        }
        return new LatencyModel(minNanos, maxNanos, seed, true);
    }

    public long minNanos() {
        return minNanos;
    }

    public long maxNanos() {
        return maxNanos;
    }

    public long seed() {
        return seed;
    }

    /** True for {@link #uniformRandom}; false for a constant. */
    public boolean isRandom() {
        return random;
    }

    @Override
    public String toString() {
        return random ? "LatencyModel{uniform " + minNanos + ".." + maxNanos + " ns, seed " + seed + "}"
                : "LatencyModel{" + minNanos + " ns}";
    }
}
