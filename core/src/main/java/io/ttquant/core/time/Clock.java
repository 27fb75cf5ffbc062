package io.ttquant.core.time;

/**
 * The source of time for every component: nanoseconds since the Unix epoch. Backtests advance a
 * {@link SimulatedClock} from the data; paper and live trading use a system clock supplied by the
 * application. Nothing in {@code core} reads the wall clock directly.
 */
@FunctionalInterface
public interface Clock {
    /** Current time in nanoseconds since 1970-01-01T00:00Z. */
    long nanos();
}
