package io.ttquant.core.backtest;

import io.ttquant.core.analytics.PerformanceReport;
import io.ttquant.core.analytics.RoundTrip;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.portfolio.Portfolio;
import java.util.List;

/**
 * What one strategy did in a backtest: its final portfolio, every order and fill, its round trips,
 * its sampled equity and the performance report. Amounts in the portfolio are exact (cash scale).
 */
public record StrategyResult(
        String strategyId,
        String strategyName,
        Portfolio portfolio,
        long initialEquity,
        long finalEquity,
        long tradedNotional,
        List<Order> orders,
        List<Fill> fills,
        List<RoundTrip> roundTrips,
        SampledSeries series,
        PerformanceReport report) {
}
