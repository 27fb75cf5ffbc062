package io.ttquant.core.indicator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.assertj.core.data.Percentage;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeries;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;

import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The independent oracle: the same bars loaded into a ta4j 0.17 {@link BaseBarSeries} with its default
 * {@code DecimalNum} (32 significant digits). Each double is handed over as its exact binary value,
 * so ta4j computes on precisely the inputs our indicators saw.
 */
final class Ta4jOracle {
    private static final ZonedDateTime START = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final BarSeries series = new BaseBarSeries("oracle");

    Ta4jOracle(PriceSeries prices) {
        Duration minute = Duration.ofMinutes(1);
        for (int i = 0; i < prices.size(); i++) {
            series.addBar(minute, START.plusMinutes(i + 1L),
                    exact(prices.open(i)), exact(prices.high(i)), exact(prices.low(i)),
                    exact(prices.close(i)), BigDecimal.ONE);
        }
    }

    BarSeries series() {
        return series;
    }

    ClosePriceIndicator close() {
        return new ClosePriceIndicator(series);
    }

    static double value(org.ta4j.core.Indicator<Num> indicator, int index) {
        return indicator.getValue(index).doubleValue();
    }

    /** A relative tolerance, as a fraction of the expected value. */
    static Percentage relative(double fraction) {
        return withinPercentage(fraction * 100.0);
    }

    private static BigDecimal exact(double x) {
        return new BigDecimal(x);
    }
}
