package io.ttquant.core.indicator;

/**
 * Constructor-time argument checks shared by the indicators. Never called on the update path.
 */
final class Periods {

    private Periods() {
    }

    /** Returns {@code period}, or throws naming the parameter when it is below 1. */
    static int requirePositive(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, was " + period);
        }
        return period;
    }
}
