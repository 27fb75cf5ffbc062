package io.ttquant.core.indicator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.indicators.ATRIndicator;

import static io.ttquant.core.indicator.Ta4jOracle.relative;
import static org.assertj.core.api.Assertions.assertThat;

class AtrTest extends IndicatorContractTest<Atr> {

    @Override
    protected Atr create(int period) {
        return new Atr(period);
    }

    @Override
    protected void feed(Atr atr, PriceSeries prices, int i) {
        atr.update(prices.high(i), prices.low(i), prices.close(i));
    }

    @Override
    protected int inputsNeeded(int period) {
        return period + 1;
    }

    @Test
    void shouldSeedWithAverageOfFirstPeriodTrueRangesIgnoringFirstBarRange() {
        Atr atr = new Atr(2);
        atr.update(100.0, 0.0, 9.0);   // no previous close: its huge range is not a true range
        atr.update(11.0, 9.0, 10.0);   // TR = max(2, |11 - 9|, |9 - 9|) = 2
        assertThat(atr.isReady()).isFalse();

        atr.update(10.5, 9.5, 10.0);   // TR = max(1, 0.5, 0.5) = 1; seed = (2 + 1) / 2
        assertThat(atr.value()).isEqualTo(1.5);

        atr.update(13.0, 11.0, 12.5);  // gap up, TR = max(2, |13 - 10|, |11 - 10|) = 3
        assertThat(atr.value()).isEqualTo((1.5 * 1 + 3.0) / 2);    // 2.25

        atr.update(9.0, 8.0, 8.5);     // gap down, TR = max(1, 3.5, |8 - 12.5|) = 4.5
        assertThat(atr.value()).isEqualTo((2.25 * 1 + 4.5) / 2);   // 3.375
    }

    @Test
    void shouldUsePreviousCloseForTrueRangeAcrossGaps() {
        Atr atr = new Atr(1);
        atr.update(10.0, 9.0, 9.5);
        atr.update(15.0, 14.0, 14.5);  // gap up: |15 - 9.5| beats the bar's own range of 1
        assertThat(atr.value()).isEqualTo(5.5);
        atr.update(9.0, 8.0, 8.5);     // gap down: |8 - 14.5|
        assertThat(atr.value()).isEqualTo(6.5);
    }

    /**
     * ta4j's ATR uses high - low for the first bar and starts its MMA from that single value rather
     * than from the SMA of the first {@code period} true ranges; the seed's weight decays by
     * {@code 1 - 1/period} per bar, to about {@code e^-29} after {@code 30 * period} bars.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 14, 50})
    void shouldMatchTa4jAtrOnceSeedHasDecayed(int period) {
        PriceSeries prices = PriceSeries.randomWalk(19L, 4_000, 30_000.0, 0.02);
        ATRIndicator expected = new ATRIndicator(new Ta4jOracle(prices).series(), period);
        Atr atr = new Atr(period);

        for (int i = 0; i < prices.size(); i++) {
            atr.update(prices.high(i), prices.low(i), prices.close(i));
            if (i >= 30 * period) {
                assertThat(atr.value()).as("ATR(%d) at %d", period, i)
                        .isCloseTo(Ta4jOracle.value(expected, i), relative(1e-9));
            }
        }
    }
}
