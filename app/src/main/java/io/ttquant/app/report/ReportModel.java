package io.ttquant.app.report;

import io.ttquant.core.analytics.PerformanceReport;
import io.ttquant.core.backtest.BacktestResult;
import io.ttquant.core.backtest.SampledSeries;
import io.ttquant.core.backtest.StrategyResult;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.portfolio.Portfolio;
import io.ttquant.core.portfolio.Position;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumMap;
import java.util.Map;

/**
 * The values every report file of one strategy shares, derived once from the result: the drawdown
 * per sample, the rejection counts, the period, the instrument used to format prices. Read-only
 * after construction.
 *
 * <p>It never recomputes a metric the {@link PerformanceReport} already holds, except the drawdown
 * series when the report's does not line up with the sampled series.
 */
final class ReportModel {
    final BacktestResult result;
    final StrategyResult strategy;
    final RunInfo info;
    final String strategyLabel;
    final Instrument instrument;
    final SampledSeries series;
    final PerformanceReport report;
    final double[] drawdown;
    final Map<RejectReason, Long> rejections;
    final Map<RejectReason, Long> expirations;
    final long startNanos;
    final long endNanos;
    final boolean hasPeriod;

    ReportModel(BacktestResult result, StrategyResult strategy, RunInfo info, boolean primary) {
        this.result = result;
        this.strategy = strategy;
        this.info = info;
        this.strategyLabel = primary || strategy.strategyName() == null || strategy.strategyName().isBlank()
                ? info.strategyName() : strategy.strategyName();
        this.instrument = findInstrument(strategy, info);
        this.series = strategy.series();
        this.report = strategy.report();
        this.drawdown = drawdownOf(series, report);
        this.rejections = countRejections(strategy);
        this.expirations = countExpirations(strategy);
        if (result.events() > 0) {
            startNanos = result.firstEventNanos();
            endNanos = result.lastEventNanos();
            hasPeriod = true;
        } else if (report.sampleCount() > 0) {
            startNanos = report.startTimeNanos();
            endNanos = report.endTimeNanos();
            hasPeriod = true;
        } else {
            startNanos = 0;
            endNanos = 0;
            hasPeriod = false;
        }
    }

    Portfolio portfolio() {
        return strategy.portfolio();
    }

    /** Total fees in the valuation asset, exact. */
    long fees() {
        return strategy.portfolio().totalFeesInValuation();
    }

    /** {@code final / initial - 1} from the exact equities, so it agrees with the final equity shown; NaN without a positive initial equity. */
    double totalReturn() {
        if (strategy.initialEquity() <= 0) {
            return Double.NaN;
        }
        return BigDecimal.valueOf(strategy.finalEquity() - strategy.initialEquity())
                .divide(BigDecimal.valueOf(strategy.initialEquity()), MathContext.DECIMAL64)
                .doubleValue();
    }

    long totalRejections() {
        long n = 0;
        for (long v : rejections.values()) {
            n += v;
        }
        return n;
    }

    /** Decimals to show for an average price: enough for the instrument's tick, at least 8. */
    int priceDecimals() {
        return instrument == null ? 8 : Math.max(8, instrument.priceScale() + 2);
    }

    int qtyDecimals() {
        return instrument == null ? 8 : instrument.qtyScale();
    }

    private static Instrument findInstrument(StrategyResult s, RunInfo info) {
        Portfolio p = s.portfolio();
        for (Position pos : p.positions()) {
            if (info.symbols().contains(pos.instrument().symbol())) {
                return pos.instrument();
            }
        }
        if (!p.positions().isEmpty()) {
            return p.positions().get(0).instrument();
        }
        if (!s.orders().isEmpty()) {
            return s.orders().get(0).instrument();
        }
        if (!s.fills().isEmpty()) {
            return s.fills().get(0).instrument();
        }
        return null;
    }

    /**
     * The report's drawdown when it has one value per sample (the curve it analysed was the sampled
     * series), else the drawdown recomputed from the sampled equity with the report's definition.
     */
    private static double[] drawdownOf(SampledSeries s, PerformanceReport r) {
        int n = s.size();
        double[] fromReport = r.drawdownSeries();
        if (fromReport.length == n) {
            return fromReport;
        }
        double[] dd = new double[n];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double e = s.equity(i);
            peak = Math.max(peak, e);
            dd[i] = peak > 0 ? (peak - e) / peak : 0.0;
        }
        return dd;
    }

    /**
     * Refused orders per reason: the larger of the portfolio's count (every pre-trade refusal) and the
     * number of REJECTED orders, so that a venue rejection the account never counted is not lost.
     */
    private static Map<RejectReason, Long> countRejections(StrategyResult s) {
        Map<RejectReason, Long> fromOrders = countByReason(s, OrderStatus.REJECTED);
        Map<RejectReason, Long> out = new EnumMap<>(RejectReason.class);
        for (RejectReason r : RejectReason.values()) {
            long n = Math.max(s.portfolio().rejections(r), fromOrders.getOrDefault(r, 0L));
            if (n > 0) {
                out.put(r, n);
            }
        }
        return out;
    }

    private static Map<RejectReason, Long> countExpirations(StrategyResult s) {
        return countByReason(s, OrderStatus.EXPIRED);
    }

    private static Map<RejectReason, Long> countByReason(StrategyResult s, OrderStatus status) {
        Map<RejectReason, Long> out = new EnumMap<>(RejectReason.class);
        for (Order o : s.orders()) {
            if (o.status() == status && o.reason() != null) {
                out.merge(o.reason(), 1L, Long::sum);
            }
        }
        return out;
    }
}
