package io.ttquant.core.indicator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.indicators.EMAIndicator;

import static io.ttquant.core.indicator.Ta4jOracle.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EmaTest extends IndicatorContractTest<Ema> {

    @Override
    protected Ema create(int period) {
        return new Ema(period);
    }

    @Override
    protected void feed(Ema ema, PriceSeries prices, int i) {
        ema.update(prices.close(i));
    }

    @Override
    protected int inputsNeeded(int period) {
        return period;
    }

    @Test
    void shouldSeedEmaWithSmaOfFirstPeriodValues() {
        Ema ema = new Ema(3);
        ema.update(1.0);
        ema.update(2.0);
        assertThat(ema.isReady()).isFalse();

        ema.update(3.0);
        assertThat(ema.value()).isEqualTo(2.0);
        // alpha = 2 / (3 + 1) = 0.5: 2 + 0.5 * (4 - 2) = 3, then 4, 5, ...
        for (int x = 4; x <= 10; x++) {
            ema.update(x);
            assertThat(ema.value()).as("after %d", x).isEqualTo(x - 1.0);
        }
    }

    @Test
    void shouldApplyAlphaRecursionAfterTheSeed() {
        Ema ema = new Ema(4);
        assertThat(ema.alpha()).isEqualTo(0.4);
        for (double x : new double[] {10.0, 11.0, 13.0, 12.0}) {
            ema.update(x);
        }
        assertThat(ema.value()).isEqualTo(11.5);
        ema.update(20.0);
        assertThat(ema.value()).isCloseTo(14.9, within(1e-12));  // 11.5 + 0.4 * 8.5
        ema.update(5.0);
        assertThat(ema.value()).isCloseTo(10.94, within(1e-12)); // 14.9 - 0.4 * 9.9
    }

    @Test
    void shouldEqualLatestInputWhenPeriodIsOne() {
        Ema ema = new Ema(1);
        for (int i = 0; i < 100; i++) {
            ema.update(PRICES.close(i));
            assertThat(ema.value()).isEqualTo(PRICES.close(i));
        }
    }

    /**
     * ta4j starts its EMA from the first input rather than from the SMA of the first {@code period};
     * that seed difference shrinks by {@code 1 - alpha} per bar, so after {@code 20 * period} bars it is
     * far below the tolerance.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10, 26, 50})
    void shouldMatchTa4jEmaOnceSeedHasDecayed(int period) {
        PriceSeries prices = PriceSeries.randomWalk(13L, 4_000, 30_000.0, 0.02);
        EMAIndicator expected = new EMAIndicator(new Ta4jOracle(prices).close(), period);
        Ema ema = new Ema(period);

        for (int i = 0; i < prices.size(); i++) {
            ema.update(prices.close(i));
            if (i >= 20 * period) {
                assertThat(ema.value()).as("EMA(%d) at %d", period, i)
                        .isCloseTo(Ta4jOracle.value(expected, i), relative(1e-9));
            }
        }
    }
}
