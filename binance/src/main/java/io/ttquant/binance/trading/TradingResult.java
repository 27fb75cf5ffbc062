package io.ttquant.binance.trading;

/**
 * The outcome of one trading call: the typed answer, or a {@link TradingFailure}. A failure is
 * an expected result on the order path, so it is a value here, never an exception.
 *
 * <p>Immutable.
 */
public final class TradingResult<T> {
    private final T value;
    private final TradingFailure failure;

    private TradingResult(T value, TradingFailure failure) {
        this.value = value;
        this.failure = failure;
    }

    static <T> TradingResult<T> ok(T value) {
        return new TradingResult<>(value, null);
    }

    static <T> TradingResult<T> failed(TradingFailure failure) {
        return new TradingResult<>(null, failure);
    }

    public boolean isOk() {
        return failure == null;
    }

    /** The answer; asking for it after a failure is a bug. */
    public T value() {
        if (failure != null) {
            throw new IllegalStateException("no value: " + failure);
        }
        return value;
    }

    /** The failure, or null when the call succeeded. */
    public TradingFailure failure() {
        return failure;
    }

    /** The failure's outcome, or null when the call succeeded. */
    public TradingFailure.Outcome outcome() {
        return failure == null ? null : failure.outcome();
    }

    @Override
    public String toString() {
        return failure == null ? "ok " + value : "failed " + failure;
    }
}
