package io.ttquant.core.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.indicators.SMAIndicator;

import static io.ttquant.core.indicator.Ta4jOracle.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SmaTest extends IndicatorContractTest<Sma> {

    @Override
    protected Sma create(int period) {
        return new Sma(period);
    }

    @Override
    protected void feed(Sma sma, PriceSeries prices, int i) {
        sma.update(prices.close(i));
    }

    @Override
    protected int inputsNeeded(int period) {
        return period;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 14, 50, 200})
    void shouldMatchTa4jSmaOnRandomWalk(int period) {
        PriceSeries prices = PriceSeries.randomWalk(11L, 4_000, 30_000.0, 0.02);
        Ta4jOracle oracle = new Ta4jOracle(prices);
        SMAIndicator expected = new SMAIndicator(oracle.close(), period);
        Sma sma = new Sma(period);

        for (int i = 0; i < prices.size(); i++) {
            sma.update(prices.close(i));
            if (i >= period - 1) {
                assertThat(sma.value()).as("SMA(%d) at %d", period, i)
                        .isCloseTo(Ta4jOracle.value(expected, i), relative(1e-9));
            }
        }
    }

    @Test
    void shouldAverageTheLastPeriodValues() {
        Sma sma = new Sma(3);
        sma.update(1.0);
        sma.update(2.0);
        assertThat(sma.value()).isNaN();
        double[] expected = {2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0};
        for (int x = 3; x <= 10; x++) {
            sma.update(x);
            assertThat(sma.value()).as("after %d", x).isEqualTo(expected[x - 3]);
        }
    }

    @Test
    void shouldEqualLatestInputWhenPeriodIsOne() {
        Sma sma = new Sma(1);
        for (int i = 0; i < PRICES.size(); i++) {
            sma.update(PRICES.close(i));
            assertThat(sma.value()).isCloseTo(PRICES.close(i), within(Math.ulp(PRICES.close(i))));
        }
    }

    @Test
    void shouldNotDriftOverTenMillionUpdates() {
        int period = 20;
        Sma sma = new Sma(period);
        double[] lastValues = new double[period];
        double naiveSum = 0.0;
        Random random = new Random(3L);
        double price = 60_000.0;
        for (int i = 0; i < 10_000_000; i++) {
            price += random.nextGaussian() * 5.0;
            double x = random.nextInt(100) == 0 ? price * 10.0 : price;
            sma.update(x);
            naiveSum += x - lastValues[i % period];
            lastValues[i % period] = x;
        }

        BigDecimal exactSum = BigDecimal.ZERO;
        for (double v : lastValues) {
            exactSum = exactSum.add(new BigDecimal(v));
        }
        double exactMean = exactSum.divide(BigDecimal.valueOf(period), MathContext.DECIMAL128).doubleValue();
        assertThat(sma.value()).isCloseTo(exactMean, within(2 * Math.ulp(exactMean)));
        // Control: the same sliding sum without compensation has drifted by many ulps.
        assertThat(Math.abs(naiveSum / period - exactMean)).isGreaterThan(100 * Math.ulp(exactMean));
    }
}
