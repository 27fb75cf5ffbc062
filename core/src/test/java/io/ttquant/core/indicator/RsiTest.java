package io.ttquant.core.indicator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.indicators.RSIIndicator;

import static io.ttquant.core.indicator.Ta4jOracle.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RsiTest extends IndicatorContractTest<Rsi> {

    @Override
    protected Rsi create(int period) {
        return new Rsi(period);
    }

    @Override
    protected void feed(Rsi rsi, PriceSeries prices, int i) {
        rsi.update(prices.close(i));
    }

    @Override
    protected int inputsNeeded(int period) {
        return period + 1;
    }

    @Test
    void shouldSeedWithSimpleAverageOfFirstPeriodChanges() {
        Rsi rsi = new Rsi(3);
        rsi.update(10.0);
        rsi.update(11.0);  // +1
        rsi.update(10.5);  // -0.5
        assertThat(rsi.isReady()).isFalse();

        rsi.update(12.0);  // +1.5: avgGain = 2.5 / 3, avgLoss = 0.5 / 3
        assertThat(rsi.value()).isCloseTo(100.0 * 2.5 / 3.0, within(1e-12));

        rsi.update(11.0);  // -1: avgGain = (5/3 + 0) / 3 = 5/9, avgLoss = (1/3 + 1) / 3 = 4/9
        assertThat(rsi.value()).isCloseTo(500.0 / 9.0, within(1e-12));

        rsi.update(13.0);  // +2: avgGain = (10/9 + 2) / 3 = 28/27, avgLoss = (8/9) / 3 = 8/27
        assertThat(rsi.value()).isCloseTo(100.0 * 28.0 / 36.0, within(1e-12));
    }

    @Test
    void shouldBeHundredWhenPricesOnlyRise() {
        Rsi rsi = new Rsi(5);
        for (int x = 1; x <= 20; x++) {
            rsi.update(x);
        }
        assertThat(rsi.value()).isEqualTo(100.0);
    }

    @Test
    void shouldBeZeroWhenPricesOnlyFall() {
        Rsi rsi = new Rsi(5);
        for (int x = 20; x >= 1; x--) {
            rsi.update(x);
        }
        assertThat(rsi.value()).isEqualTo(0.0);
    }

    @Test
    void shouldBeZeroForFlatMarketAsTaLibDoes() {
        Rsi rsi = new Rsi(5);
        for (int i = 0; i < 20; i++) {
            rsi.update(42.0);
        }
        assertThat(rsi.isReady()).isTrue();
        assertThat(rsi.value()).isEqualTo(0.0);
    }

    /**
     * ta4j's RSI smooths gains and losses with an MMA that starts from the first bar (whose gain and
     * loss are 0) instead of the simple average of the first {@code period} changes; the seed's weight
     * decays by {@code 1 - 1/period} per bar, to about {@code e^-29} after {@code 30 * period} bars.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 14, 50})
    void shouldMatchTa4jRsiOnceSeedHasDecayed(int period) {
        PriceSeries prices = PriceSeries.randomWalk(17L, 4_000, 30_000.0, 0.02);
        RSIIndicator expected = new RSIIndicator(new Ta4jOracle(prices).close(), period);
        Rsi rsi = new Rsi(period);

        for (int i = 0; i < prices.size(); i++) {
            rsi.update(prices.close(i));
            if (i >= 30 * period) {
                assertThat(rsi.value()).as("RSI(%d) at %d", period, i)
                        .isCloseTo(Ta4jOracle.value(expected, i), relative(1e-9));
            }
        }
    }
}
