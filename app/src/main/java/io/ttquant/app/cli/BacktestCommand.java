package io.ttquant.app.cli;

import io.ttquant.app.ServiceStartException;
import io.ttquant.app.data.HistoryRange;
import io.ttquant.app.data.HistoryStores;
import io.ttquant.app.data.InstrumentRules;
import io.ttquant.app.report.BacktestReportWriter;
import io.ttquant.app.report.RunInfo;
import io.ttquant.core.backtest.BacktestConfig;
import io.ttquant.core.backtest.BacktestEngine;
import io.ttquant.core.backtest.BacktestResult;
import io.ttquant.core.backtest.StrategyResult;
import io.ttquant.core.data.BadRowPolicy;
import io.ttquant.core.data.FileFormat;
import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.data.MarketDataSources;
import io.ttquant.core.data.ReaderOptions;
import io.ttquant.core.data.SyntheticMarketData;
import io.ttquant.core.data.TradeBarAggregator;
import io.ttquant.core.exchange.BarFillMode;
import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.exchange.LatencyModel;
import io.ttquant.core.exchange.LimitFillRule;
import io.ttquant.core.exchange.SlippageModel;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.strategy.Strategy;
import io.ttquant.core.strategy.StrategyCatalog;
import io.ttquant.core.strategy.StrategyParams;
import io.ttquant.store.Store;
import io.ttquant.store.StoreException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ttquant backtest}: runs one strategy over history (Binance public-data files, the project's
 * CSV, a store filled by {@code ttquant data import} and streamed back with a cursor ({@code --db}),
 * or the seeded synthetic demo) and writes summary.json, trades.csv, orders.csv, equity.csv,
 * fills.csv and report.html. Every setting is checked before the run starts; a bad one is refused
 * with a one-line reason.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Backtest a strategy on history and write a report.",
                "Without --data or --db it runs on the seeded synthetic demo market."})
public final class BacktestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--strategy", defaultValue = "ema-cross", description = "Strategy name (see: ttquant strategies). Default: ${DEFAULT-VALUE}.")
    String strategy;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Strategy parameter, repeatable (e.g. --param fast=10).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--data", paramLabel = "FILE_OR_DIR", description = "Data file (.csv, .zip, .gz) or a folder of them. Default: synthetic demo data.")
    Path data;

    @Option(names = "--db", paramLabel = "STORE",
            description = "Read history from a store instead of files: duckdb:<file> or postgres:<jdbc-url> (see: ttquant data import). "
                    + "Rows are streamed with a cursor, never loaded whole.")
    String db;

    @Option(names = "--db-kind", defaultValue = "trades", description = "With --db: trades or bars (of --interval, default 1m). Default: ${DEFAULT-VALUE}.")
    String dbKind;

    @Option(names = "--venue", description = "With --db: the venue the rows are stored under. Default: binance.")
    String venue;

    @Option(names = "--from", description = "With --db: first time, ISO date or date-time, UTC (e.g. 2024-01-01, 2024-01-01T12:00). Default: the first row.")
    String from;

    @Option(names = "--to", description = "With --db: end time, exclusive; a date means the end of that day. Default: the last row.")
    String to;

    @Option(names = "--store-user", paramLabel = "USER", description = "With --db postgres: the user (default: env TTQUANT_DB_USER, else postgres).")
    String storeUser;

    @Option(names = "--store-password-file", paramLabel = "FILE",
            description = "With --db postgres: file holding the password (default: env TTQUANT_DB_PASSWORD, else none).")
    Path storePasswordFile;

    @Option(names = "--store-schema", paramLabel = "SCHEMA", description = "With --db postgres: the schema. Default: public.")
    String storeSchema;

    @Option(names = "--format", defaultValue = "binance-kline", description = "binance-kline, binance-trades, binance-aggtrades or csv. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--symbol", defaultValue = "BTCUSDT", description = "Instrument symbol. Default: ${DEFAULT-VALUE}.")
    String symbol;

    @Option(names = "--tick-size", description = "Override the instrument's tick size (e.g. 0.01).")
    String tickSize;

    @Option(names = "--step-size", description = "Override the instrument's quantity step (e.g. 0.00001).")
    String stepSize;

    @Option(names = "--min-notional", description = "Override the instrument's minimum order notional.")
    String minNotional;

    @Option(names = "--interval", description = "Bar interval when the data does not say (6-column kline files, synthetic), e.g. 1m, 1h. Default: 1h for synthetic.")
    String interval;

    @Option(names = "--cash", defaultValue = "100000", description = "Starting balance of the quote asset. Default: ${DEFAULT-VALUE}.")
    String cash;

    @Option(names = "--fee-bps", defaultValue = "10", description = "Maker and taker fee in basis points. Default: ${DEFAULT-VALUE}.")
    String feeBps;

    @Option(names = "--maker-fee-bps", description = "Maker fee in basis points (overrides --fee-bps).")
    String makerFeeBps;

    @Option(names = "--taker-fee-bps", description = "Taker fee in basis points (overrides --fee-bps).")
    String takerFeeBps;

    @Option(names = "--slippage-bps", defaultValue = "0", description = "Adverse slippage on taker fills, basis points. Default: ${DEFAULT-VALUE}.")
    String slippageBps;

    @Option(names = "--slippage-ticks", description = "Adverse slippage on taker fills, in ticks (instead of --slippage-bps).")
    Long slippageTicks;

    @Option(names = "--fill", defaultValue = "next-open", description = "Bar fills: next-open or close. Default: ${DEFAULT-VALUE}.")
    String fill;

    @Option(names = "--latency-ms", defaultValue = "0", description = "Order latency to the exchange, milliseconds. Default: ${DEFAULT-VALUE}.")
    String latencyMs;

    @Option(names = "--latency-jitter-ms", defaultValue = "0", description = "Extra uniform random latency, milliseconds (seeded). Default: ${DEFAULT-VALUE}.")
    String latencyJitterMs;

    @Option(names = "--volume-cap", defaultValue = "1", description = "Max fraction of a bar's volume one order may fill (0-1]. Default: ${DEFAULT-VALUE}.")
    double volumeCap;

    @Option(names = "--limit-fill", defaultValue = "through", description = "Limit fills on trade/quote/bar data: through or touch. Default: ${DEFAULT-VALUE}.")
    String limitFill;

    @Option(names = "--queue-position", description = "With L2 data, a resting order waits for the displayed queue ahead of it.")
    boolean queuePosition;

    @Option(names = "--bars", defaultValue = "20000", description = "Synthetic demo: number of bars. Default: ${DEFAULT-VALUE}.")
    long bars;

    @Option(names = "--seed", defaultValue = "1", description = "Synthetic demo and random latency seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--start-price", defaultValue = "30000", description = "Synthetic demo: first price. Default: ${DEFAULT-VALUE}.")
    String startPrice;

    @Option(names = "--bar-interval", defaultValue = "1m", description = "With trade data: also build bars of this interval for bar strategies (none to disable). Default: ${DEFAULT-VALUE}.")
    String barInterval;

    @Option(names = "--sample-interval", defaultValue = "1h", description = "Equity sampling interval for returns, Sharpe and charts (e.g. 1m, 1h, 1d). Default: ${DEFAULT-VALUE}.")
    String sampleInterval;

    @Option(names = "--on-bad-row", defaultValue = "fail", description = "fail (stop at the first malformed row) or skip (count and go on). Default: ${DEFAULT-VALUE}.")
    String onBadRow;

    @Option(names = "--out", defaultValue = "backtest-out", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        StrategyCatalog catalog = new StrategyCatalog();
        Strategy strat = catalog.create(strategy, new StrategyParams(params));
        Instrument instrument = instrument();
        ExchangeConfig exchange = exchangeConfig(instrument);
        long cashRaw = decimal("--cash", cash, Fixed.CASH_SCALE, false);
        checkDbOptions();
        Store store = db != null ? openDb() : null;
        try {
            return run(stdout, stderr, strat, instrument, exchange, cashRaw, store);
        } catch (StoreException e) {
            throw new ServiceStartException("store: " + e.getMessage(), e);
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }

    private Integer run(PrintWriter stdout, PrintWriter stderr, Strategy strat, Instrument instrument, ExchangeConfig exchange,
                        long cashRaw, Store store) {
        MarketDataSource source = store != null ? dbSource(store, instrument) : source(instrument);
        long started = System.nanoTime();
        long[] lastPrint = {started};
        BacktestConfig config = BacktestConfig.builder()
                .instrument(instrument)
                .source(source)
                .exchange(exchange)
                .strategy(strategy, strategy, strat)
                .balance(instrument.quoteAsset(), cashRaw)
                .sampleInterval(interval("--sample-interval", sampleInterval))
                .progress((events, t) -> {
                    long now = System.nanoTime();
                    if (!quiet && now - lastPrint[0] > 1_000_000_000L) {
                        lastPrint[0] = now;
                        stderr.printf(Locale.ROOT, "  ... %,d events, at %s%n", events, Instant.ofEpochSecond(0, t));
                        stderr.flush();
                    }
                }, 250_000)
                .build();
        BacktestResult result = new BacktestEngine(config).run();
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        if (result.events() == 0 && store != null) {
            throw new IllegalArgumentException("no data: the store holds no " + instrument.symbol() + " " + dbKindText()
                    + " on " + dbVenue() + " " + dbRange().describe() + " (" + store.describe() + ")");
        }
        if (result.events() == 0) {
            throw new IllegalArgumentException("no data: " + source.description() + " holds no events");
        }
        RunInfo info = new RunInfo(strategy, params, instrument.symbol(), source.description(), fillModelText(),
                commandLine(), wallMillis, Instant.now().toString());
        new BacktestReportWriter().write(result, info, out);
        printSummary(stdout, result, instrument, wallMillis);
        return 0;
    }

    private Instrument instrument() {
        return InstrumentRules.resolve(symbol, tickSize, stepSize, minNotional);
    }

    private ExchangeConfig exchangeConfig(Instrument instrument) {
        long fee = bpsToPpm("--fee-bps", feeBps);
        long maker = makerFeeBps != null ? bpsToPpm("--maker-fee-bps", makerFeeBps) : fee;
        long taker = takerFeeBps != null ? bpsToPpm("--taker-fee-bps", takerFeeBps) : fee;
        SlippageModel slippage;
        if (slippageTicks != null) {
            if (slippageTicks < 0) {
                throw new IllegalArgumentException("--slippage-ticks must not be negative");
            }
            slippage = slippageTicks == 0 ? SlippageModel.none() : SlippageModel.fixedTicks(slippageTicks);
        } else {
            long ppm = bpsToPpm("--slippage-bps", slippageBps);
            slippage = ppm == 0 ? SlippageModel.none() : SlippageModel.ppm(ppm);
        }
        long latency = decimal("--latency-ms", latencyMs, 6, false);
        long jitter = decimal("--latency-jitter-ms", latencyJitterMs, 6, false);
        LatencyModel latencyModel = jitter == 0 ? LatencyModel.constant(latency)
                : LatencyModel.uniformRandom(latency, latency + jitter, seed);
        BarFillMode mode = switch (fill.toLowerCase(Locale.ROOT)) {
            case "next-open" -> BarFillMode.NEXT_OPEN;
            case "close" -> BarFillMode.CLOSE;
            default -> throw new IllegalArgumentException("--fill must be next-open or close, got " + fill);
        };
        LimitFillRule rule = switch (limitFill.toLowerCase(Locale.ROOT)) {
            case "through" -> LimitFillRule.THROUGH;
            case "touch" -> LimitFillRule.TOUCH;
            default -> throw new IllegalArgumentException("--limit-fill must be through or touch, got " + limitFill);
        };
        if (!(volumeCap > 0 && volumeCap <= 1)) {
            throw new IllegalArgumentException("--volume-cap must be in (0, 1], got " + volumeCap);
        }
        return ExchangeConfig.builder().makerFeePpm(maker).takerFeePpm(taker).slippage(slippage).latency(latencyModel)
                .barFillMode(mode).limitFillRule(rule).maxBarVolumeFraction(volumeCap).queuePosition(queuePosition).build();
    }

    private MarketDataSource source(Instrument instrument) {
        BadRowPolicy policy = switch (onBadRow.toLowerCase(Locale.ROOT)) {
            case "fail" -> BadRowPolicy.FAIL;
            case "skip" -> BadRowPolicy.SKIP;
            default -> throw new IllegalArgumentException("--on-bad-row must be fail or skip, got " + onBadRow);
        };
        FileFormat fileFormat = FileFormat.fromName(format);
        if (data == null) {
            if (bars <= 0) {
                throw new IllegalArgumentException("--bars must be positive, got " + bars);
            }
            long intervalNanos = interval("--interval", interval != null ? interval : "1h");
            try {
                instrument.price(startPrice);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--start-price must be a price on the tick grid of " + instrument + ", got " + startPrice);
            }
            // 0.1% per one-minute bar, scaled with the square root of time for other intervals
            double volatility = 0.001 * Math.sqrt(intervalNanos / 60_000_000_000.0);
            return SyntheticMarketData.builder(instrument).seed(seed).count(bars).intervalNanos(intervalNanos)
                    .volatility(Math.min(volatility, 0.2)).startPrice(startPrice).build();
        }
        if (!Files.exists(data)) {
            throw new IllegalArgumentException("--data " + data + " does not exist");
        }
        ReaderOptions options = ReaderOptions.defaults().withBadRowPolicy(policy);
        if (interval != null) {
            options = options.withBarIntervalNanos(interval("--interval", interval));
        }
        MarketDataSource source = MarketDataSources.open(data, fileFormat, instrument, options);
        boolean ticks = fileFormat == FileFormat.BINANCE_TRADES || fileFormat == FileFormat.BINANCE_AGGTRADES;
        if (ticks && !"none".equalsIgnoreCase(barInterval)) {
            return new TradeBarAggregator(source, interval("--bar-interval", barInterval));
        }
        return source;
    }

    /** The settings that only make sense with --db, checked before the store is opened. */
    private void checkDbOptions() {
        if (db == null) {
            if (from != null || to != null || venue != null || storeUser != null || storePasswordFile != null || storeSchema != null) {
                throw new IllegalArgumentException("--from, --to, --venue and --store-* need --db");
            }
            return;
        }
        if (data != null) {
            throw new IllegalArgumentException("give --data (files) or --db (a store), not both");
        }
        dbKindText();
        dbRange();
        if (!dbVenue().matches("[a-z][a-z0-9_]{0,31}")) {
            throw new IllegalArgumentException("--venue must be a lower-case name (letters, digits, '_'), got " + venue);
        }
    }

    private Store openDb() {
        return HistoryStores.open(HistoryStores.config("--db", db, storeUser, storePasswordFile, storeSchema, System.getenv()));
    }

    /** History from the store: a streaming cursor over trades (with bars built as from trade files) or bars. */
    private MarketDataSource dbSource(Store store, Instrument instrument) {
        HistoryRange range = dbRange();
        if (dbKindText().equals("bars")) {
            long intervalNanos = interval("--interval", interval != null ? interval : "1m");
            return store.readBars(dbVenue(), instrument, intervalNanos, range.fromNanos(), range.toNanos());
        }
        MarketDataSource trades = store.readTrades(dbVenue(), instrument, range.fromNanos(), range.toNanos());
        if (!"none".equalsIgnoreCase(barInterval)) {
            return new TradeBarAggregator(trades, interval("--bar-interval", barInterval));
        }
        return trades;
    }

    private String dbKindText() {
        String k = dbKind.toLowerCase(Locale.ROOT);
        if (!k.equals("trades") && !k.equals("bars")) {
            throw new IllegalArgumentException("--db-kind must be trades or bars, got " + dbKind);
        }
        return k;
    }

    private String dbVenue() {
        return venue == null ? "binance" : venue.trim().toLowerCase(Locale.ROOT);
    }

    private HistoryRange dbRange() {
        return HistoryRange.parse(from, to);
    }

    /** The fill model in a trader's words, for the report header. */
    private String fillModelText() {
        String fees = makerFeeBps == null && takerFeeBps == null ? "fees " + feeBps + " bps"
                : "fees maker " + (makerFeeBps != null ? makerFeeBps : feeBps) + " / taker " + (takerFeeBps != null ? takerFeeBps : feeBps) + " bps";
        String slip = slippageTicks != null ? "slippage " + slippageTicks + " ticks" : "slippage " + slippageBps + " bps";
        String latency = "latency " + latencyMs + (latencyJitterMs.equals("0") ? "" : "+" + latencyJitterMs) + " ms";
        return fees + ", " + slip + ", " + latency + ", bar fills at " + fill + ", limit fills " + limitFill
                + (queuePosition ? " with queue position" : "") + (volumeCap < 1 ? ", volume cap " + volumeCap * 100 + "% of a bar" : "");
    }

    private static long interval(String option, String text) {
        try {
            return ReaderOptions.parseIntervalNanos(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    private static long bpsToPpm(String option, String text) {
        return decimal(option, text, 2, false);
    }

    /** Parses a non-negative decimal option into a raw long at {@code scale}, or says why not. */
    private static long decimal(String option, String text, int scale, boolean allowNegative) {
        BigDecimal v;
        try {
            v = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, got '" + text + "'");
        }
        if (!allowNegative && v.signum() < 0) {
            throw new IllegalArgumentException(option + " must not be negative, got " + text);
        }
        try {
            return v.movePointRight(scale).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(option + " has too many decimals or is too large: " + text);
        }
    }

    private String commandLine() {
        // originalArgs() are the whole command line's arguments, the subcommand name included
        StringBuilder sb = new StringBuilder("ttquant");
        for (String a : spec.commandLine().getParseResult().originalArgs()) {
            sb.append(' ').append(a);
        }
        return sb.toString();
    }

    private void printSummary(PrintWriter out, BacktestResult result, Instrument instrument, long wallMillis) {
        StrategyResult s = result.strategies().get(0);
        var r = s.report();
        String quote = instrument.quoteAsset();
        out.printf(Locale.ROOT, "%s on %s: %,d events (%,d bars) from %s to %s%n", s.strategyName(), instrument.symbol(),
                result.events(), result.bars(), Instant.ofEpochSecond(0, result.firstEventNanos()),
                Instant.ofEpochSecond(0, result.lastEventNanos()));
        out.printf(Locale.ROOT, "  final equity %s %s (start %s), total return %s, CAGR %s%n",
                money(s.finalEquity()), quote, money(s.initialEquity()), pct(r.totalReturn()), pct(r.cagr()));
        out.printf(Locale.ROOT, "  sharpe %s, sortino %s, max drawdown %s, volatility %s%n",
                num(r.sharpeRatio()), num(r.sortinoRatio()), pct(r.maxDrawdown()), pct(r.annualisedVolatility()));
        out.printf(Locale.ROOT, "  round trips %d, win rate %s, profit factor %s, fees %s %s, orders %d, fills %d%n",
                r.tradeCount(), pct(r.winRate()), num(r.profitFactor()), Fixed.formatCompact(s.portfolio().totalFeesInValuation(), Fixed.CASH_SCALE),
                quote, s.orders().size(), s.fills().size());
        long rejected = s.portfolio().totalRejections();
        if (rejected > 0 || result.skippedRows() > 0) {
            out.printf(Locale.ROOT, "  rejected orders %d, skipped data rows %d (see summary.json)%n", rejected, result.skippedRows());
        }
        double seconds = Math.max(wallMillis, 1) / 1000.0;
        out.printf(Locale.ROOT, "  report: %s  (%.2f s, %,.0f events/s)%n", out().resolve("report.html"), seconds, result.events() / seconds);
        out.flush();
    }

    private Path out() {
        return out;
    }

    private static String money(long raw) {
        return Fixed.toBigDecimal(raw, Fixed.CASH_SCALE).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", v * 100) : "n/a";
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : (Double.isNaN(v) ? "n/a" : (v > 0 ? "inf" : "-inf"));
    }
}
