package io.ttquant.binance.ws;

import java.util.function.BooleanSupplier;

/** Polls a condition of real network I/O until it holds, failing after a timeout; optionally moves a test clock on each poll. */
final class Await {
    static final long TIMEOUT_MILLIS = 15_000;

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, condition, null);
    }

    /** Polls every 10 ms; runs {@code eachPoll} (such as moving the clock) between polls. */
    static void until(String what, BooleanSupplier condition, Runnable eachPoll) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            if (eachPoll != null) {
                eachPoll.run();
            }
            Thread.sleep(10);
        }
    }
}
