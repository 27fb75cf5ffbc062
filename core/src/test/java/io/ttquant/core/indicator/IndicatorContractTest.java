package io.ttquant.core.indicator;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract every {@link Indicator} keeps, run once per implementation: warm-up and NaN before it,
 * counting, reset, argument checks and no allocation on the update path.
 */
abstract class IndicatorContractTest<T extends Indicator> {
    protected static final PriceSeries PRICES = PriceSeries.randomWalk(7L, 2_000, 100.0, 0.01);

    protected abstract T create(int period);

    /** Feeds bar {@code i} of {@code prices} to {@code indicator}. */
    protected abstract void feed(T indicator, PriceSeries prices, int i);

    /** Number of updates after which an indicator of this period becomes ready. */
    protected abstract int inputsNeeded(int period);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 14})
    void shouldNotBeReadyBeforeEnoughInputs(int period) {
        T indicator = create(period);
        assertThat(indicator.isReady()).isFalse();
        assertThat(indicator.value()).isNaN();

        int needed = inputsNeeded(period);
        for (int i = 0; i < needed - 1; i++) {
            feed(indicator, PRICES, i);
            assertThat(indicator.isReady()).as("ready after %d inputs", i + 1).isFalse();
            assertThat(indicator.value()).as("value after %d inputs", i + 1).isNaN();
        }
        feed(indicator, PRICES, needed - 1);
        assertThat(indicator.isReady()).as("ready after %d inputs", needed).isTrue();
        assertThat(indicator.value()).isFinite();
    }

    @Test
    void shouldCountEveryUpdate() {
        T indicator = create(5);
        assertThat(indicator.count()).isZero();
        for (int i = 0; i < 100; i++) {
            feed(indicator, PRICES, i);
            assertThat(indicator.count()).isEqualTo(i + 1);
        }
    }

    @Test
    void shouldReplayIdenticallyAfterReset() {
        T indicator = create(14);
        double[] first = new double[PRICES.size()];
        for (int i = 0; i < PRICES.size(); i++) {
            feed(indicator, PRICES, i);
            first[i] = indicator.value();
        }

        indicator.reset();
        assertThat(indicator.isReady()).isFalse();
        assertThat(indicator.value()).isNaN();
        assertThat(indicator.count()).isZero();

        for (int i = 0; i < PRICES.size(); i++) {
            feed(indicator, PRICES, i);
            assertThat(Double.doubleToRawLongBits(indicator.value()))
                    .as("value at %d after reset", i)
                    .isEqualTo(Double.doubleToRawLongBits(first[i]));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void shouldRejectNonPositivePeriod(int period) {
        assertThatThrownBy(() -> create(period))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period");
    }

    @Test
    void shouldNotAllocatePerUpdate() {
        java.lang.management.ThreadMXBean plain = ManagementFactory.getThreadMXBean();
        assumeTrue(plain instanceof com.sun.management.ThreadMXBean, "HotSpot allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) plain;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "allocation counter enabled");

        T indicator = create(14);
        feedAll(indicator, 20);
        long before = threads.getCurrentThreadAllocatedBytes();
        feedAll(indicator, 100);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        // 200,000 updates: even one 16-byte object per update would be 3.2 MB.
        assertThat(allocated).isLessThan(4_096L);
    }

    private void feedAll(T indicator, int passes) {
        for (int pass = 0; pass < passes; pass++) {
            for (int i = 0; i < PRICES.size(); i++) {
                feed(indicator, PRICES, i);
            }
        }
    }
}
