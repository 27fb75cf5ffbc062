package io.ttquant.core.indicator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.indicators.bollinger.BollingerBandWidthIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.Num;

import static io.ttquant.core.indicator.Ta4jOracle.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BollingerBandsTest extends IndicatorContractTest<BollingerBands> {

    @Override
    protected BollingerBands create(int period) {
        return new BollingerBands(period, 2.0);
    }

    @Override
    protected void feed(BollingerBands bands, PriceSeries prices, int i) {
        bands.update(prices.close(i));
    }

    @Override
    protected int inputsNeeded(int period) {
        return period;
    }

    @Test
    void shouldUsePopulationStandardDeviation() {
        BollingerBands bands = new BollingerBands(8, 2.0);
        for (double x : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            bands.update(x);
        }
        // mean 5, squared deviations sum to 32: population sigma = sqrt(32 / 8) = 2 (sample would be 2.14)
        assertThat(bands.middle()).isEqualTo(5.0);
        assertThat(bands.standardDeviation()).isEqualTo(2.0);
        assertThat(bands.upper()).isEqualTo(9.0);
        assertThat(bands.lower()).isEqualTo(1.0);
        assertThat(bands.bandwidth()).isEqualTo(1.6);
        assertThat(bands.percentB(9.0)).isEqualTo(1.0);
        assertThat(bands.percentB(1.0)).isEqualTo(0.0);
        assertThat(bands.percentB(5.0)).isEqualTo(0.5);
        assertThat(bands.percentB(7.0)).isEqualTo(0.75);
        assertThat(bands.value()).isEqualTo(bands.middle());
    }

    @Test
    void shouldSlideTheWindow() {
        BollingerBands bands = new BollingerBands(4, 1.0);
        for (double x : new double[] {100, 1, 2, 3, 4}) {
            bands.update(x);
        }
        // window 1, 2, 3, 4: mean 2.5, population variance 1.25
        assertThat(bands.middle()).isEqualTo(2.5);
        assertThat(bands.standardDeviation()).isCloseTo(Math.sqrt(1.25), within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5, 20, 50})
    void shouldMatchTa4jBollingerBandsOnRandomWalk(int period) {
        double k = 2.0;
        PriceSeries prices = PriceSeries.randomWalk(23L, 4_000, 30_000.0, 0.02);
        ClosePriceIndicator close = new Ta4jOracle(prices).close();
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, period));
        StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, period);
        Num kNum = close.numOf(k);
        BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(middle, deviation, kNum);
        BollingerBandsLowerIndicator lower = new BollingerBandsLowerIndicator(middle, deviation, kNum);
        BollingerBandWidthIndicator width = new BollingerBandWidthIndicator(upper, middle, lower);
        PercentBIndicator percentB = new PercentBIndicator(close, period, k);
        BollingerBands bands = new BollingerBands(period, k);

        for (int i = 0; i < prices.size(); i++) {
            bands.update(prices.close(i));
            if (i < period - 1) {
                continue;
            }
            String at = "BB(" + period + ") at " + i;
            assertThat(bands.middle()).as(at).isCloseTo(Ta4jOracle.value(middle, i), relative(1e-9));
            assertThat(bands.upper()).as(at).isCloseTo(Ta4jOracle.value(upper, i), relative(1e-9));
            assertThat(bands.lower()).as(at).isCloseTo(Ta4jOracle.value(lower, i), relative(1e-9));
            assertThat(bands.standardDeviation()).as(at)
                    .isCloseTo(Ta4jOracle.value(deviation, i), relative(1e-9));
            // ta4j reports bandwidth in percent
            assertThat(bands.bandwidth()).as(at).isCloseTo(Ta4jOracle.value(width, i) / 100.0, relative(1e-9));
            assertThat(bands.percentB(prices.close(i))).as(at)
                    .isCloseTo(Ta4jOracle.value(percentB, i), within(1e-9));
        }
    }

    /**
     * Closes at 60000 moving by one cent: the variance (about 1e-4) is 1e-13 of the squared price, so
     * {@code E[x^2] - E[x]^2} in doubles has no correct digit left. Sigma must still match ta4j's
     * 32-digit result to 1e-9 relative; the inputs' own rounding (half an ulp of 60000, 3.6e-12,
     * against a sigma of about 0.03) limits any double implementation to about 1e-10.
     */
    @Test
    void shouldStayAccurateForPricesNear60000WithTinyMoves() {
        int period = 20;
        PriceSeries prices = PriceSeries.tickWalk(29L, 5_000, 60_000.0, 0.01);
        ClosePriceIndicator close = new Ta4jOracle(prices).close();
        StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, period);
        SMAIndicator middle = new SMAIndicator(close, period);
        BollingerBands bands = new BollingerBands(period, 2.0);
        double worstNaiveError = 0.0;

        for (int i = 0; i < prices.size(); i++) {
            bands.update(prices.close(i));
            if (i < period - 1) {
                continue;
            }
            double expectedSigma = Ta4jOracle.value(deviation, i);
            assertThat(bands.middle()).as("middle at %d", i)
                    .isCloseTo(Ta4jOracle.value(middle, i), within(2 * Math.ulp(60_000.0)));
            assertThat(bands.standardDeviation()).as("sigma at %d", i)
                    .isCloseTo(expectedSigma, relative(1e-9));
            worstNaiveError = Math.max(worstNaiveError,
                    Math.abs(naiveSigma(prices, i - period + 1, period) - expectedSigma) / expectedSigma);
        }
        // The data really is hard: the textbook formula gets sigma wrong by more than 1%.
        assertThat(worstNaiveError).isGreaterThan(0.01);
    }

    @Test
    void shouldReportExactlyZeroWidthOnceVolatilityHasLeftTheWindow() {
        int period = 20;
        BollingerBands bands = new BollingerBands(period, 2.0);
        PriceSeries wild = PriceSeries.randomWalk(31L, 1_000, 60_000.0, 0.05);
        for (int i = 0; i < wild.size(); i++) {
            bands.update(wild.close(i));
        }
        for (int i = 0; i < period; i++) {
            bands.update(60_000.0);
        }
        assertThat(bands.standardDeviation()).isZero();
        assertThat(bands.middle()).isEqualTo(60_000.0);
        assertThat(bands.percentB(60_000.0)).isNaN();
    }

    /** A window of two nearly equal closes right after a volatile stretch: sigma is a tiny difference. */
    @Test
    void shouldKeepRelativeAccuracyWhenVolatilityCollapses() {
        BollingerBands bands = new BollingerBands(2, 2.0);
        PriceSeries wild = PriceSeries.randomWalk(37L, 1_000, 60_000.0, 0.05);
        for (int i = 0; i < wild.size(); i++) {
            bands.update(wild.close(i));
        }
        double a = wild.close(wild.size() - 1);
        double b = a + 0.01;
        bands.update(b);
        assertThat(bands.standardDeviation()).isCloseTo((b - a) / 2.0, relative(1e-12));
    }

    @Test
    void shouldCollapseBandsOntoMiddleWhenKIsZero() {
        BollingerBands bands = new BollingerBands(3, 0.0);
        for (double x : new double[] {1, 2, 6}) {
            bands.update(x);
        }
        assertThat(bands.upper()).isEqualTo(3.0);
        assertThat(bands.lower()).isEqualTo(3.0);
        assertThat(bands.bandwidth()).isZero();
        assertThat(bands.percentB(3.0)).isNaN();
    }

    @Test
    void shouldReportNaNBandsBeforePeriodValues() {
        BollingerBands bands = new BollingerBands(3, 2.0);
        bands.update(1.0);
        bands.update(2.0);
        assertThat(bands.middle()).isNaN();
        assertThat(bands.upper()).isNaN();
        assertThat(bands.lower()).isNaN();
        assertThat(bands.standardDeviation()).isNaN();
        assertThat(bands.bandwidth()).isNaN();
        assertThat(bands.percentB(1.5)).isNaN();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.0, -Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY})
    void shouldRejectNegativeOrNonFiniteK(double k) {
        assertThatThrownBy(() -> new BollingerBands(20, k))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k");
    }

    private static double naiveSigma(PriceSeries prices, int from, int period) {
        double sum = 0.0;
        double sumOfSquares = 0.0;
        for (int i = from; i < from + period; i++) {
            double x = prices.close(i);
            sum += x;
            sumOfSquares += x * x;
        }
        double mean = sum / period;
        return Math.sqrt(Math.max(sumOfSquares / period - mean * mean, 0.0));
    }
}
