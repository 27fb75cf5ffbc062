package io.ttquant.core.backtest;

/** Told about a long run's progress every so many events; must be cheap and must not throw. */
@FunctionalInterface
public interface ProgressListener {
    void onProgress(long eventsProcessed, long simulatedTimeNanos);
}
