package io.ttquant.store.postgres;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Conversions between epoch nanoseconds (the project's time) and PostgreSQL timestamps. The binary
 * {@code timestamptz} is microseconds since 2000-01-01T00:00Z; nanoseconds are truncated toward
 * negative infinity, so a time always maps to the microsecond at or before it. Never allocates in
 * the microsecond conversions (they run per row).
 */
final class PgTime {
    /** Microseconds from 1970-01-01 to 2000-01-01, PostgreSQL's epoch. */
    static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    /** 0001-01-01T00:00Z: range bounds before it are clamped (PostgreSQL stops at 4714 BC; no data is that old). */
    private static final long MIN_BOUND_MICROS = -62_135_596_800_000_000L;

    private PgTime() {
    }

    /** Epoch nanos to PostgreSQL binary timestamptz (µs since 2000-01-01). */
    static long toPgMicros(long epochNanos) {
        return Math.floorDiv(epochNanos, 1000L) - PG_EPOCH_MICROS;
    }

    /** PostgreSQL binary timestamptz to epoch nanos. */
    static long fromPgMicros(long pgMicros) {
        return (pgMicros + PG_EPOCH_MICROS) * 1000L;
    }

    /**
     * A range bound as a query parameter: the first microsecond at or after {@code epochNanos}, so
     * that a stored (microsecond) time t is in [from, to) exactly when t * 1000 is in the nanosecond
     * range [fromNanos, toNanos).
     */
    static OffsetDateTime rangeBound(long epochNanos) {
        long micros = Math.floorDiv(epochNanos, 1000L) + (Math.floorMod(epochNanos, 1000L) == 0 ? 0 : 1);
        // open-ended ranges (Long.MIN_VALUE..) must not fall outside what a timestamptz can hold
        return ofMicros(Math.max(micros, MIN_BOUND_MICROS));
    }

    /** A row's time as a statement parameter, truncated to the microsecond like a COPYed time (per row, not hot). */
    static OffsetDateTime toOffsetDateTime(long epochNanos) {
        return ofMicros(Math.floorDiv(epochNanos, 1000L));
    }

    private static OffsetDateTime ofMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L)
                .atOffset(ZoneOffset.UTC);
    }
}
