package io.ttquant.core.indicator;

/**
 * A streaming technical indicator: fed one input at a time by its own {@code update} method, it
 * keeps a constant amount of state and exposes its latest value.
 *
 * <p>Indicators are the one place in TTQuant where {@code double} is allowed: they describe prices,
 * they never carry money. An implementation must do O(1) work per update, must never allocate after
 * construction and must never throw on the update path; inputs are expected to be finite (a NaN or
 * infinite input poisons the value until {@link #reset()}). Instances are single-writer and not
 * thread-safe.
 */
public interface Indicator {

    /** Whether enough input has been seen for {@link #value()} to be valid. */
    boolean isReady();

    /** The latest value, or {@link Double#NaN} while not {@link #isReady() ready}. */
    double value();

    /** Number of updates seen since construction or the last {@link #reset()}; saturates at {@link Integer#MAX_VALUE}. */
    int count();

    /** Forgets all input, as if newly constructed. Does not allocate. */
    void reset();
}
