package io.ttquant.app.strategy;

/**
 * How long a strategy callback may take before the engine quarantines the strategy: one callback
 * longer than {@code hardLimitNanos}, or {@code maxConsecutive} callbacks in a row each longer than
 * {@code budgetNanos} (a callback within the budget resets the count). One slow call (a GC pause, a
 * cold cache) is forgiven; a strategy that is slow again and again, or once by far, is not. The
 * engine's single thread cannot interrupt a callback: the verdict comes when it returns (a callback
 * that never returns stops the engine, which is why strategies must never block). Immutable.
 */
public record CallbackBudget(long budgetNanos, int maxConsecutive, long hardLimitNanos) {
    /** 1 ms budget, 5 in a row, 250 ms at once. */
    public static final CallbackBudget DEFAULT = new CallbackBudget(1_000_000L, 5, 250_000_000L);

    public CallbackBudget {
        if (budgetNanos <= 0 || maxConsecutive < 1 || hardLimitNanos < budgetNanos) {
            throw new IllegalArgumentException("a callback budget needs a positive budget, at least 1 consecutive call and a hard "
                    + "limit not below the budget");
        }
    }

    /** True when a callback of {@code nanos} is over the budget. */
    boolean isSlow(long nanos) {
        return nanos > budgetNanos;
    }

    /** Why a strategy whose latest callback took {@code nanos}, the {@code consecutive}-th slow one in a row, is quarantined; null when it is not. */
    String verdict(long nanos, int consecutive) {
        if (nanos > hardLimitNanos) {
            return "a callback took " + micros(nanos) + " us, over the hard limit of " + micros(hardLimitNanos) + " us";
        }
        if (consecutive >= maxConsecutive) {
            return consecutive + " callbacks in a row took longer than the budget of " + micros(budgetNanos) + " us (the last "
                    + micros(nanos) + " us)";
        }
        return null;
    }

    private static long micros(long nanos) {
        return nanos / 1_000;
    }
}
