package io.ttquant.store.duckdb;

/**
 * Conversions between epoch nanoseconds (the project's time) and DuckDB's {@code TIMESTAMPTZ}, which
 * is microseconds since 1970-01-01T00:00Z: the appender takes them as {@code appendEpochMicros},
 * statements as {@code make_timestamptz(?)} and queries return them as {@code epoch_us(...)}, so no
 * timestamp object is ever made. Nanoseconds are truncated toward negative infinity: a time maps to
 * the microsecond at or before it. Never allocates (these run per row).
 */
final class DuckDbTime {
    private DuckDbTime() {
    }

    /** Epoch nanos to epoch micros, truncated toward negative infinity. */
    static long toMicros(long epochNanos) {
        return Math.floorDiv(epochNanos, 1000L);
    }

    /** Epoch micros (as stored) back to epoch nanos. */
    static long toNanos(long epochMicros) {
        return Math.multiplyExact(epochMicros, 1000L);
    }

    /**
     * A range bound: the first microsecond at or after {@code epochNanos}, so that a stored time t
     * (µs) is in [from, to) exactly when t * 1000 is in the nanosecond range [fromNanos, toNanos).
     */
    static long rangeBound(long epochNanos) {
        return Math.floorDiv(epochNanos, 1000L) + (Math.floorMod(epochNanos, 1000L) == 0 ? 0 : 1);
    }
}
