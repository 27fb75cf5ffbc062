package io.ttquant.binance.userdata;

import java.util.function.BooleanSupplier;

/** Polls a condition of real network I/O until it holds, failing after a deadline. */
final class Await {
    private static final long TIMEOUT_MILLIS = 20_000;

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
