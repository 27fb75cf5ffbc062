package io.ttquant.app.report;

import io.ttquant.core.analytics.PerformanceReport;
import io.ttquant.core.analytics.RoundTrip;
import io.ttquant.core.backtest.BacktestResult;
import io.ttquant.core.backtest.SampledSeries;
import io.ttquant.core.backtest.StrategyResult;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.portfolio.Portfolio;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the files of a backtest report into a directory, for the first strategy of the result:
 * {@code summary.json}, {@code trades.csv}, {@code orders.csv}, {@code equity.csv}, {@code fills.csv}
 * and a self-contained {@code report.html}. When the result holds several strategies, each one also
 * gets the same files in {@code DIR/<strategyId>/}.
 *
 * <p>Formats. Times are ISO-8601 UTC with milliseconds ({@code 2021-04-20T20:42:00.000Z}). Exact
 * amounts (equity, fees, PnL, order prices and quantities) are written from their fixed-point longs,
 * never through a {@code double}. Analytics values are doubles written as the shortest decimal that
 * reads back as the same double. JSON has no NaN or infinity: <b>every non-finite double (an
 * undefined metric such as the win rate without trades, or an unbounded one such as the profit
 * factor without losses) is written as {@code null}</b>; in CSV it is an empty cell. Files are
 * UTF-8, CSV per RFC 4180 with {@code \n} line ends, JSON pretty-printed in a fixed key order.
 *
 * <p>It never reads the clock (the generation time comes in {@link RunInfo}), never modifies the
 * result, and never leaves a half-written file: each file is written to a temporary sibling and
 * moved into place. An I/O failure propagates as {@link java.io.UncheckedIOException} naming the
 * path. Not for a hot path: it allocates freely, once per run.
 */
public final class BacktestReportWriter {
    /** Most decimals written for a ratio or fraction in a CSV cell. */
    private static final int FRACTION_DECIMALS = 10;

    /**
     * Writes the report of {@code result} into {@code outDir}, creating it if missing.
     *
     * @throws IllegalArgumentException when the result holds no strategy
     * @throws java.io.UncheckedIOException when a file cannot be written
     */
    public void write(BacktestResult result, RunInfo info, Path outDir) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(outDir, "outDir");
        if (result.strategies().isEmpty()) {
            throw new IllegalArgumentException("the backtest result holds no strategy to report");
        }
        writeStrategy(new ReportModel(result, result.strategies().get(0), info, true), outDir);
        if (result.strategies().size() > 1) {
            for (int i = 0; i < result.strategies().size(); i++) {
                StrategyResult s = result.strategies().get(i);
                writeStrategy(new ReportModel(result, s, info, i == 0), outDir.resolve(folderName(s.strategyId())));
            }
        }
    }

    /** A strategy id as a single safe path element: anything but letters, digits, '.', '_' and '-' becomes '_'. */
    static String folderName(String strategyId) {
        String s = strategyId == null || strategyId.isEmpty() ? "strategy" : strategyId.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.equals(".") || s.equals("..") ? s.replace('.', '_') : s;
    }

    private static void writeStrategy(ReportModel m, Path dir) {
        AtomicTextFile.createDirectories(dir);
        AtomicTextFile.write(dir.resolve("summary.json"), out -> summary(m, out));
        AtomicTextFile.write(dir.resolve("trades.csv"), out -> trades(m, out));
        AtomicTextFile.write(dir.resolve("orders.csv"), out -> orders(m, out));
        AtomicTextFile.write(dir.resolve("fills.csv"), out -> fills(m, out));
        AtomicTextFile.write(dir.resolve("equity.csv"), out -> equity(m, out));
        String html = HtmlReport.render(m);
        AtomicTextFile.write(dir.resolve("report.html"), out -> out.write(html));
    }

    private static void summary(ReportModel m, Writer out) throws IOException {
        StrategyResult s = m.strategy;
        PerformanceReport r = m.report;
        Portfolio p = s.portfolio();
        BacktestResult result = m.result;
        JsonWriter j = new JsonWriter(out);
        j.beginObject();
        j.name("strategy").value(m.strategyLabel);
        j.name("strategy_id").value(s.strategyId());
        j.name("params").beginObject();
        for (Map.Entry<String, String> e : m.info.parameters().entrySet()) {
            j.name(e.getKey()).value(e.getValue());
        }
        j.endObject();
        j.name("symbol").value(m.info.symbolText());
        j.name("data").value(m.info.dataDescription());
        j.name("fill_model").value(m.info.fillModel());
        j.name("command").value(m.info.commandLine());
        j.name("generated_at").value(m.info.generatedAt());
        j.name("wall_clock_millis").value(m.info.wallClockMillis());
        j.name("start").value(m.hasPeriod ? ValueFormat.isoTime(m.startNanos) : null);
        j.name("end").value(m.hasPeriod ? ValueFormat.isoTime(m.endNanos) : null);
        j.name("events").value(result.events());
        j.name("bars").value(result.bars());
        j.name("skipped_rows").value(result.skippedRows());
        j.name("overdrafts").value(s.portfolio().overdrafts());
        j.name("valuation_asset").value(p.valuationAsset());
        j.name("initial_equity").decimal(ValueFormat.cash(s.initialEquity()));
        j.name("final_equity").decimal(ValueFormat.cash(s.finalEquity()));
        j.name("total_return").value(m.totalReturn());
        j.name("cagr").value(r.cagr());
        j.name("annualized_volatility").value(r.annualisedVolatility());
        j.name("sharpe").value(r.sharpeRatio());
        j.name("sortino").value(r.sortinoRatio());
        j.name("calmar").value(r.calmarRatio());
        j.name("max_drawdown").value(r.maxDrawdown());
        j.name("max_drawdown_duration_seconds").decimal(ValueFormat.seconds(r.maxDrawdownDurationNanos()));
        j.name("trades").value(s.roundTrips().size());
        j.name("win_rate").value(r.winRate());
        j.name("profit_factor").value(r.profitFactor());
        j.name("payoff_ratio").value(r.payoffRatio());
        j.name("expectancy").value(r.expectancy());
        j.name("avg_holding_seconds").decimal(ValueFormat.seconds(r.averageHoldingNanos()));
        j.name("exposure").value(r.timeInMarket());
        j.name("average_exposure").value(r.averageExposure());
        j.name("turnover").value(r.turnover());
        j.name("traded_notional").decimal(ValueFormat.cash(s.tradedNotional()));
        j.name("fees").decimal(ValueFormat.cash(p.totalFeesInValuation()));
        j.name("realized_pnl").decimal(ValueFormat.cash(p.realizedPnl()));
        j.name("unrealized_pnl").decimal(ValueFormat.cash(p.unrealizedPnl()));
        j.name("orders").value(s.orders().size());
        j.name("fills").value(s.fills().size());
        j.name("rejections").beginObject();
        for (Map.Entry<RejectReason, Long> e : m.rejections.entrySet()) {
            j.name(e.getKey().name()).value(e.getValue());
        }
        j.endObject();
        j.name("expirations").beginObject();
        for (Map.Entry<RejectReason, Long> e : m.expirations.entrySet()) {
            j.name(e.getKey().name()).value(e.getValue());
        }
        j.endObject();
        j.endObject();
    }

    private static void trades(ReportModel m, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.row("entry_time", "entry_price", "exit_time", "exit_price", "qty", "pnl", "fees", "side", "holding_seconds");
        int priceDecimals = m.priceDecimals();
        for (RoundTrip r : m.strategy.roundTrips()) {
            csv.field(ValueFormat.isoTime(r.entryTimeNanos()))
                    .field(ValueFormat.plain(r.entryPrice(), priceDecimals))
                    .field(ValueFormat.isoTime(r.exitTimeNanos()))
                    .field(ValueFormat.plain(r.exitPrice(), priceDecimals))
                    .field(ValueFormat.plain(r.qty(), m.qtyDecimals()))
                    .field(ValueFormat.plain(r.pnl(), 8))
                    .field(ValueFormat.plain(r.fees(), 8))
                    .field(r.side().name())
                    .field(ValueFormat.seconds(r.holdingNanos()));
            csv.endRow();
        }
    }

    private static void orders(ReportModel m, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.row("order_id", "client_order_id", "strategy", "symbol", "side", "type", "time_in_force", "quantity", "price",
                "stop_price", "status", "reason", "filled_qty", "avg_fill_price", "fees", "created_time", "updated_time");
        for (Order o : m.strategy.orders()) {
            Instrument ins = o.instrument();
            csv.field(o.orderId())
                    .field(o.clientOrderId())
                    .field(o.strategyId())
                    .field(ins.symbol())
                    .field(o.side().name())
                    .field(o.type().name())
                    .field(o.timeInForce().name())
                    .field(ins.formatQty(o.quantity()))
                    .field(o.price() == 0 ? "" : ins.formatPrice(o.price()))
                    .field(o.stopPrice() == 0 ? "" : ins.formatPrice(o.stopPrice()))
                    .field(o.status().name())
                    .field(o.reason() == null ? "" : o.reason().name())
                    .field(ins.formatQty(o.filledQty()))
                    .field(averagePrice(o))
                    .field(ValueFormat.cash(o.feesPaid()))
                    .field(ValueFormat.isoTime(o.createdNanos()))
                    .field(ValueFormat.isoTime(o.updatedNanos()));
            csv.endRow();
        }
    }

    /**
     * The exact average fill price, filled notional over filled quantity, rounded half-even to two
     * decimals beyond the tick (at least eight); empty before the first fill.
     */
    static String averagePrice(Order o) {
        if (o.filledQty() == 0) {
            return "";
        }
        Instrument ins = o.instrument();
        BigDecimal notional = BigDecimal.valueOf(o.filledNotional(), Fixed.CASH_SCALE);
        BigDecimal qty = BigDecimal.valueOf(o.filledQty(), ins.qtyScale());
        BigDecimal avg = notional.divide(qty, Math.max(8, ins.priceScale() + 2), RoundingMode.HALF_EVEN).stripTrailingZeros();
        return avg.scale() < 0 ? avg.setScale(0).toPlainString() : avg.toPlainString();
    }

    private static void fills(ReportModel m, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.row("time", "order_id", "client_order_id", "trade_id", "symbol", "side", "price", "qty", "notional", "fee", "fee_asset",
                "liquidity");
        for (Fill f : m.strategy.fills()) {
            Instrument ins = f.instrument();
            csv.field(ValueFormat.isoTime(f.timeNanos()))
                    .field(f.orderId())
                    .field(f.clientOrderId())
                    .field(f.tradeId())
                    .field(ins.symbol())
                    .field(f.side().name())
                    .field(ins.formatPrice(f.price()))
                    .field(ins.formatQty(f.qty()))
                    .field(ValueFormat.cash(f.notional()))
                    .field(ValueFormat.cash(f.fee()))
                    .field(f.feeAsset())
                    .field(f.liquidity() == null ? "" : f.liquidity().name());
            csv.endRow();
        }
    }

    private static void equity(ReportModel m, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.row("time", "equity", "drawdown", "exposure", "price");
        SampledSeries s = m.series;
        double[] dd = m.drawdown;
        for (int i = 0, n = s.size(); i < n; i++) {
            csv.field(ValueFormat.isoTime(s.time(i)))
                    .field(ValueFormat.plainOrEmpty(s.equity(i), 8))
                    .field(ValueFormat.plainOrEmpty(dd[i], FRACTION_DECIMALS))
                    .field(ValueFormat.plainOrEmpty(s.exposure(i), FRACTION_DECIMALS))
                    .field(ValueFormat.plainOrEmpty(s.price(i), m.priceDecimals()));
            csv.endRow();
        }
    }
}
