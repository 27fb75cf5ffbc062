package io.ttquant.app.report;

import io.ttquant.core.analytics.EquityCurve;
import io.ttquant.core.analytics.PerformanceAnalyzer;
import io.ttquant.core.analytics.PerformanceReport;
import io.ttquant.core.analytics.RoundTrip;
import io.ttquant.core.backtest.BacktestResult;
import io.ttquant.core.backtest.SampledSeries;
import io.ttquant.core.backtest.StrategyResult;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.LiquiditySide;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.portfolio.Portfolio;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hand-built backtest results for the report tests: one small, fully known run (a winning long
 * round trip on BTCUSDT, a rejected order and a canceled stop), an empty run, and a long run.
 */
final class ReportFixture {
    static final long T0 = nanos("2021-04-20T20:42:00Z");
    static final long HOUR = 3_600_000_000_000L;
    static final long CASH = Fixed.pow10(Fixed.CASH_SCALE);

    private ReportFixture() {
    }

    static long nanos(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    static Instrument btc() {
        return Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001").build();
    }

    static RunInfo info(Map<String, String> params) {
        return new RunInfo("sma-cross", params, List.of("BTCUSDT"), "data/BTCUSDT-1h.csv (5 bars)",
                "next-bar open, 10 bps taker", "ttquant backtest --strategy sma-cross", 1234, "2024-01-02T03:04:05Z");
    }

    /**
     * Deposit 10,000 USDT; buy 0.1 BTC at 50,000 (fee 5) at T0+1h; sell 0.1 at 51,000 (fee 5.1) at
     * T0+3h; an order rejected for balance; a stop order canceled. Final equity 10,089.9, realized
     * PnL 100, fees 10.1, one round trip with net pnl 89.9.
     */
    static StrategyResult winningRun(String strategyId, String name) {
        Instrument btc = btc();
        Portfolio portfolio = new Portfolio("USDT", 0);
        portfolio.register(btc);
        portfolio.deposit("USDT", 10_000 * CASH);
        List<Order> orders = new ArrayList<>();
        List<Fill> fills = new ArrayList<>();

        long t1 = T0 + HOUR;
        Order buy = new Order(1, strategyId + "-1", strategyId, btc, Side.BUY, OrderType.MARKET, TimeInForce.GTC,
                btc.qty("0.1"), 0, 0, false, t1);
        buy.accept(t1);
        fill(portfolio, buy, 101, btc.price("50000"), 5 * CASH, t1, LiquiditySide.TAKER, fills);
        portfolio.mark(btc, btc.price("50000"));
        orders.add(buy);

        long t2 = T0 + 2 * HOUR;
        Order sell = new Order(2, "weird,\"id\"", strategyId, btc, Side.SELL, OrderType.LIMIT, TimeInForce.GTC,
                btc.qty("0.1"), btc.price("51000"), 0, false, t2);
        sell.accept(t2);
        long t3 = T0 + 3 * HOUR;
        fill(portfolio, sell, 102, btc.price("51000"), 51 * CASH / 10, t3, LiquiditySide.MAKER, fills);
        portfolio.mark(btc, btc.price("51000"));
        orders.add(sell);

        Order tooBig = new Order(3, strategyId + "-3", strategyId, btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                btc.qty("5"), btc.price("50500.5"), 0, false, t3);
        tooBig.reject(RejectReason.INSUFFICIENT_BALANCE, t3);
        portfolio.countRejection(RejectReason.INSUFFICIENT_BALANCE);
        orders.add(tooBig);

        Order stop = new Order(4, strategyId + "-4", strategyId, btc, Side.SELL, OrderType.STOP_MARKET, TimeInForce.GTC,
                btc.qty("0.05"), 0, btc.price("48000"), false, t3);
        stop.accept(t3);
        stop.cancel(T0 + 4 * HOUR);
        orders.add(stop);

        List<RoundTrip> trips = List.of(new RoundTrip(t1, t3, 50_000.0, 51_000.0, 0.1, 89.9, 10.1, RoundTrip.Side.LONG));
        SampledSeries series = new SampledSeries(HOUR, 16);
        EquityCurve curve = new EquityCurve();
        sample(series, curve, T0, 10_000.0, 0.0, 49_900.0);
        sample(series, curve, t1, 9_995.0, 5_000.0 / 9_995.0, 50_000.0);
        sample(series, curve, t2, 9_945.0, 4_950.0 / 9_945.0, 49_500.0);
        sample(series, curve, t3, 10_089.9, 0.0, 51_000.0);
        sample(series, curve, T0 + 4 * HOUR, 10_089.9, 0.0, 51_200.0);
        PerformanceReport report = PerformanceAnalyzer.analyze(curve, trips, 10_000.0, 10.1, 10_100.0);
        return new StrategyResult(strategyId, name, portfolio, 10_000 * CASH, portfolio.equity(), 10_100 * CASH,
                orders, fills, trips, series, report);
    }

    static BacktestResult result(StrategyResult... strategies) {
        return new BacktestResult(5, 5, 0, 0, 0, T0, T0 + 4 * HOUR, 2, List.of(strategies));
    }

    /** No trade at all: flat equity, every trade metric undefined. */
    static BacktestResult emptyRun() {
        Portfolio portfolio = new Portfolio("USDT", 0);
        portfolio.deposit("USDT", 1_000 * CASH);
        SampledSeries series = new SampledSeries(HOUR, 16);
        EquityCurve curve = new EquityCurve();
        sample(series, curve, T0, 1_000.0, 0.0, 100.0);
        sample(series, curve, T0 + HOUR, 1_000.0, 0.0, 101.0);
        PerformanceReport report = PerformanceAnalyzer.analyze(curve, List.of(), 1_000.0, 0.0, 0.0);
        StrategyResult s = new StrategyResult("idle", "idle", portfolio, 1_000 * CASH, 1_000 * CASH, 0,
                List.of(), List.of(), List.of(), series, report);
        return new BacktestResult(2, 2, 0, 0, 0, T0, T0 + HOUR, 0, List.of(s));
    }

    /** Nothing happened at all: no event, no sample, no order. */
    static BacktestResult nothingRun() {
        Portfolio portfolio = new Portfolio("USDT", 0);
        portfolio.deposit("USDT", 1_000 * CASH);
        PerformanceReport report = PerformanceAnalyzer.analyze(new EquityCurve(), List.of(), 1_000.0, 0.0, 0.0);
        StrategyResult s = new StrategyResult("idle", "idle", portfolio, 1_000 * CASH, 1_000 * CASH, 0,
                List.of(), List.of(), List.of(), new SampledSeries(HOUR, 16), report);
        return new BacktestResult(0, 0, 0, 0, 0, 0, 0, 0, List.of(s));
    }

    /** {@code samples} one-minute samples of a random walk and {@code trades} round trips spread over them. */
    static BacktestResult longRun(int samples, int trades) {
        long minute = 60_000_000_000L;
        Random rnd = new Random(42);
        SampledSeries series = new SampledSeries(minute, samples);
        EquityCurve curve = new EquityCurve(samples);
        double price = 50_000;
        double equity = 10_000;
        for (int i = 0; i < samples; i++) {
            price *= 1 + rnd.nextGaussian() * 0.001;
            equity *= 1 + rnd.nextGaussian() * 0.0005;
            double exposure = (i / 100) % 2 == 0 ? 0.9 : 0.0;
            sample(series, curve, T0 + i * minute, equity, exposure, price);
        }
        List<RoundTrip> trips = new ArrayList<>(trades);
        long step = (long) samples / trades;
        for (int k = 0; k < trades; k++) {
            int in = (int) (k * step);
            int out = (int) Math.min(samples - 1, in + step / 2);
            double pnl = (series.price(out) - series.price(in)) * 0.01;
            trips.add(new RoundTrip(series.time(in), series.time(out), series.price(in), series.price(out), 0.01, pnl, 0.1,
                    RoundTrip.Side.LONG));
        }
        PerformanceReport report = PerformanceAnalyzer.analyze(curve, trips, 10_000.0, 0.1 * trades, 1_000.0 * trades);
        Portfolio portfolio = new Portfolio("USDT", 0);
        portfolio.register(btc());
        portfolio.deposit("USDT", 10_000 * CASH);
        StrategyResult s = new StrategyResult("long", "long", portfolio, 10_000 * CASH, 10_000 * CASH, 0,
                List.of(), List.of(), trips, series, report);
        return new BacktestResult(samples, samples, 0, 0, 0, T0, T0 + (samples - 1) * minute, 0, List.of(s));
    }

    private static void sample(SampledSeries s, EquityCurve c, long t, double equity, double exposure, double price) {
        s.add(t, equity, exposure, price);
        c.append(t, equity, exposure);
    }

    private static void fill(Portfolio p, Order o, long tradeId, long price, long fee, long t, LiquiditySide liq, List<Fill> fills) {
        o.fill(o.quantity(), price, fee, t);
        Fill f = new Fill(o.orderId(), o.clientOrderId(), o.strategyId(), o.instrument(), o.side(), tradeId, price, o.quantity(),
                fee, "USDT", liq, t);
        p.applyFill(o, f);
        fills.add(f);
    }
}
