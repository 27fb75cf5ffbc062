package io.ttquant.app.cli;

import static io.ttquant.app.cli.MarketDataFixtures.DAY_MS;
import static io.ttquant.app.cli.MarketDataFixtures.MINUTE_MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.app.cli.MarketDataFixtures.Ohlc;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ttquant backtest} contract on generated data: the files it writes, how they agree with
 * each other, and that a data set reads the same however it is packed (plain, zip, gzip, a folder of
 * daily files, the project CSV).
 */
class BacktestCommandTest {
    private static final List<String> SUMMARY_KEYS = List.of("bars", "trades", "final_equity", "total_return", "sharpe",
            "sortino", "max_drawdown", "win_rate", "profit_factor", "fees");
    private static final List<String> REPORT_FILES = List.of("summary.json", "trades.csv", "orders.csv", "equity.csv",
            "fills.csv", "report.html");
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-6");

    @TempDir
    Path dir;

    /** The command of the issue, on {@code data} in {@code format}, plus {@code extra}, writing into {@code out} (the last argument). */
    private static String[] issueCommand(Path data, String format, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("backtest", "--strategy", "ema-cross", "--param", "fast=10",
                "--param", "slow=30", "--param", "qty=1", "--data", data.toString(), "--format", format,
                "--symbol", "BTCUSDT", "--cash", "100000", "--fee-bps", "10", "--slippage-bps", "0", "--fill", "next-open"));
        args.addAll(List.of(extra));
        args.addAll(List.of("--out", out.toString()));
        return args.toArray(String[]::new);
    }

    /** Runs {@code args} ending in {@code --out DIR}, expects exit 0, and returns what DIR holds. */
    private static BacktestOutput backtest(String... args) {
        Cli.Result r = Cli.run(args);
        assertThat(r.exitCode()).as("%s", r).isZero();
        return new BacktestOutput(Path.of(args[args.length - 1]));
    }

    @Test
    void shouldWriteEveryReportFileAndPrintShortSummaryForBinanceKlineFile() {
        Path data = MarketDataFixtures.write(dir.resolve("BTCUSDT-1m-2024-01-01.csv"),
                MarketDataFixtures.klineRows(MarketDataFixtures.sineBars(500)));
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run(issueCommand(data, "binance-kline", out));

        assertThat(r.exitCode()).as("%s", r).isZero();
        for (String file : REPORT_FILES) {
            assertThat(out.resolve(file)).isRegularFile();
        }
        assertThat(r.outLines()).hasSizeBetween(3, 8);
        assertThat(r.out()).contains("ema-cross on BTCUSDT", "500 bars", "final equity", "report.html");
        Map<String, Object> summary = new BacktestOutput(out).summary();
        assertThat(summary).containsKeys(SUMMARY_KEYS.toArray(String[]::new));
        assertThat(summary.get("bars")).isEqualTo(new BigDecimal(500));
        assertThat((BigDecimal) summary.get("trades")).isGreaterThanOrEqualTo(BigDecimal.ONE);
    }

    @Test
    void shouldWriteTradesAndFillsThatAddUpToTheSummary() {
        Path data = MarketDataFixtures.write(dir.resolve("klines.csv"), MarketDataFixtures.klineRows(MarketDataFixtures.sineBars(500)));
        BacktestOutput out = backtest(issueCommand(data, "binance-kline", dir.resolve("out")));

        List<Map<String, String>> trades = out.rows("trades.csv");
        List<Map<String, String>> fills = out.rows("fills.csv");
        assertThat(out.header("trades.csv")).containsExactly("entry_time", "entry_price", "exit_time", "exit_price", "qty", "pnl",
                "fees", "side", "holding_seconds");
        assertThat(trades).hasSize((int) out.summaryLong("trades"));
        assertThat(fills).hasSize((int) out.summaryLong("fills"));
        assertThat(out.rows("orders.csv")).hasSize((int) out.summaryLong("orders"));

        // the fixture ends in a long fall: the last position is closed, so the run ends flat
        BigDecimal bought = BigDecimal.ZERO;
        BigDecimal sold = BigDecimal.ZERO;
        BigDecimal fillFees = BigDecimal.ZERO;
        for (Map<String, String> f : fills) {
            BigDecimal qty = new BigDecimal(f.get("qty"));
            if (f.get("side").equals("BUY")) {
                bought = bought.add(qty);
            } else {
                sold = sold.add(qty);
            }
            fillFees = fillFees.add(new BigDecimal(f.get("fee")));
        }
        assertThat(bought).as("run ends flat").isEqualByComparingTo(sold);
        assertThat(out.summaryDecimal("unrealized_pnl")).isEqualByComparingTo(BigDecimal.ZERO);

        BigDecimal pnl = BigDecimal.ZERO;
        BigDecimal tradeFees = BigDecimal.ZERO;
        for (Map<String, String> t : trades) {
            pnl = pnl.add(new BigDecimal(t.get("pnl")));
            tradeFees = tradeFees.add(new BigDecimal(t.get("fees")));
        }
        BigDecimal initial = new BigDecimal("100000");
        assertThat(out.summaryDecimal("initial_equity")).isEqualByComparingTo(initial);
        assertThat(out.summaryDecimal("final_equity").subtract(initial.add(pnl)).abs()).isLessThanOrEqualTo(TOLERANCE);
        assertThat(out.summaryDecimal("fees").subtract(fillFees).abs()).isLessThanOrEqualTo(TOLERANCE);
        assertThat(out.summaryDecimal("fees").subtract(tradeFees).abs()).isLessThanOrEqualTo(TOLERANCE);
        BigDecimal totalReturn = out.summaryDecimal("final_equity").divide(initial).subtract(BigDecimal.ONE);
        assertThat(out.summaryDecimal("total_return").subtract(totalReturn).abs()).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void shouldRecordTheCommandAsTyped() {
        Path data = MarketDataFixtures.write(dir.resolve("klines.csv"), MarketDataFixtures.klineRows(MarketDataFixtures.sineBars(500)));
        String[] args = issueCommand(data, "binance-kline", dir.resolve("out"));

        BacktestOutput out = backtest(args);

        assertThat(out.summary().get("command")).isEqualTo("ttquant " + String.join(" ", args));
    }

    @Test
    void shouldReadZippedKlinesExactlyLikeThePlainFile() {
        List<String> rows = MarketDataFixtures.klineRows(MarketDataFixtures.sineBars(500));
        Path plain = MarketDataFixtures.write(dir.resolve("BTCUSDT-1m-2024-01-01.csv"), rows);
        Path zip = MarketDataFixtures.zip(dir.resolve("BTCUSDT-1m-2024-01-01.zip"), "BTCUSDT-1m-2024-01-01.csv", rows);
        Path gz = MarketDataFixtures.gzip(dir.resolve("BTCUSDT-1m-2024-01-01.csv.gz"), rows);

        BacktestOutput fromPlain = backtest(issueCommand(plain, "binance-kline", dir.resolve("plain")));
        BacktestOutput fromZip = backtest(issueCommand(zip, "binance-kline", dir.resolve("zip")));
        BacktestOutput fromGz = backtest(issueCommand(gz, "binance-kline", dir.resolve("gz")));

        assertThat(fromZip.summaryLong("bars")).isEqualTo(500);
        assertThat(fromZip.resultSummary()).isEqualTo(fromPlain.resultSummary());
        assertThat(fromGz.resultSummary()).isEqualTo(fromPlain.resultSummary());
        assertThat(fromZip.read("trades.csv")).isEqualTo(fromPlain.read("trades.csv"));
        assertThat(fromZip.read("fills.csv")).isEqualTo(fromPlain.read("fills.csv"));
    }

    @Test
    void shouldReadFolderOfDailyFilesExactlyLikeOneConcatenatedFile() {
        List<Ohlc> twoDays = MarketDataFixtures.sineBars(2 * 1440);
        int perDay = (int) (DAY_MS / MINUTE_MS);
        Path whole = MarketDataFixtures.write(dir.resolve("all/BTCUSDT-1m-2024-01.csv"), MarketDataFixtures.klineRows(twoDays));
        Path daily = dir.resolve("daily");
        // written second day first: the folder is read in name order, not creation order
        MarketDataFixtures.write(daily.resolve("BTCUSDT-1m-2024-01-02.csv"), MarketDataFixtures.klineRows(twoDays.subList(perDay, 2 * perDay)));
        MarketDataFixtures.write(daily.resolve("BTCUSDT-1m-2024-01-01.csv"), MarketDataFixtures.klineRows(twoDays.subList(0, perDay)));
        Path dailyZips = dir.resolve("daily-zips");
        MarketDataFixtures.write(dailyZips.resolve("BTCUSDT-1m-2024-01-01.zip.CHECKSUM"), List.of("not data"));
        MarketDataFixtures.zip(dailyZips.resolve("BTCUSDT-1m-2024-01-01.zip"), "BTCUSDT-1m-2024-01-01.csv",
                MarketDataFixtures.klineRows(twoDays.subList(0, perDay)));
        MarketDataFixtures.zip(dailyZips.resolve("BTCUSDT-1m-2024-01-02.zip"), "BTCUSDT-1m-2024-01-02.csv",
                MarketDataFixtures.klineRows(twoDays.subList(perDay, 2 * perDay)));

        BacktestOutput fromWhole = backtest(issueCommand(whole, "binance-kline", dir.resolve("out-whole")));
        BacktestOutput fromDaily = backtest(issueCommand(daily, "binance-kline", dir.resolve("out-daily")));
        BacktestOutput fromDailyZips = backtest(issueCommand(dailyZips, "binance-kline", dir.resolve("out-daily-zips")));

        assertThat(fromWhole.summaryLong("bars")).isEqualTo(2880);
        assertThat(fromWhole.summaryLong("trades")).isGreaterThan(10);
        assertThat(fromDaily.resultSummary()).isEqualTo(fromWhole.resultSummary());
        assertThat(fromDailyZips.resultSummary()).isEqualTo(fromWhole.resultSummary());
        assertThat(fromDaily.read("trades.csv")).isEqualTo(fromWhole.read("trades.csv"));
        assertThat(fromDaily.summary().get("data")).isEqualTo("daily/ (2 files)");
    }

    @Test
    void shouldSkipKlineHeaderRowAndReadMicrosecondTimesLikeMilliseconds() {
        List<String> rows = MarketDataFixtures.klineRows(MarketDataFixtures.sineBars(500));
        List<String> withHeader = new ArrayList<>();
        withHeader.add("open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
                + "taker_buy_quote_volume,ignore");
        withHeader.addAll(rows);
        // data.binance.vision spot files from 2025 on give open_time and close_time in microseconds
        List<String> micros = new ArrayList<>();
        for (String row : rows) {
            String[] f = row.split(",");
            f[0] = f[0] + "000";
            f[6] = f[6] + "999";
            micros.add(String.join(",", f));
        }
        Path plain = MarketDataFixtures.write(dir.resolve("plain.csv"), rows);

        BacktestOutput fromPlain = backtest(issueCommand(plain, "binance-kline", dir.resolve("out-plain")));
        BacktestOutput fromHeader = backtest(issueCommand(MarketDataFixtures.write(dir.resolve("header.csv"), withHeader),
                "binance-kline", dir.resolve("out-header")));
        BacktestOutput fromMicros = backtest(issueCommand(MarketDataFixtures.write(dir.resolve("micros.csv"), micros),
                "binance-kline", dir.resolve("out-micros")));

        assertThat(fromHeader.resultSummary()).isEqualTo(fromPlain.resultSummary());
        assertThat(fromMicros.resultSummary()).isEqualTo(fromPlain.resultSummary());
    }

    @Test
    void shouldReadSixColumnKlinesWithIntervalGivenOrInferredLikeTwelveColumns() {
        List<String> rows = MarketDataFixtures.klineRows(MarketDataFixtures.sineBars(500));
        List<String> sixColumns = new ArrayList<>();
        sixColumns.add("open_time_ms,open,high,low,close,volume");
        for (String row : rows) {
            sixColumns.add(String.join(",", List.of(row.split(",")).subList(0, 6)));
        }
        Path twelve = MarketDataFixtures.write(dir.resolve("twelve.csv"), rows);
        Path six = MarketDataFixtures.write(dir.resolve("six.csv"), sixColumns);

        BacktestOutput fromTwelve = backtest(issueCommand(twelve, "binance-kline", dir.resolve("out-12")));
        BacktestOutput inferred = backtest(issueCommand(six, "binance-kline", dir.resolve("out-6")));
        BacktestOutput given = backtest(issueCommand(six, "binance-kline", dir.resolve("out-6-1m"), "--interval", "1m"));

        assertThat(inferred.resultSummary()).isEqualTo(fromTwelve.resultSummary());
        assertThat(given.resultSummary()).isEqualTo(fromTwelve.resultSummary());
    }

    @Test
    void shouldReadProjectCsvBarsExactlyLikeTheSameBinanceKlines() {
        List<Ohlc> bars = MarketDataFixtures.sineBars(500);
        Path klines = MarketDataFixtures.write(dir.resolve("klines.csv"), MarketDataFixtures.klineRows(bars));
        Path csv = MarketDataFixtures.write(dir.resolve("bars.csv"), MarketDataFixtures.projectCsvRows(bars));

        BacktestOutput fromKlines = backtest(issueCommand(klines, "binance-kline", dir.resolve("out-klines")));
        BacktestOutput fromCsv = backtest(issueCommand(csv, "csv", dir.resolve("out-csv")));

        assertThat(fromCsv.summaryLong("bars")).isEqualTo(500);
        assertThat(fromCsv.resultSummary()).isEqualTo(fromKlines.resultSummary());
    }

    @Test
    void shouldRunOnBinanceTradesWithoutBarsAndTradeNothingWithBarStrategy() {
        Path data = MarketDataFixtures.write(dir.resolve("BTCUSDT-trades-2024-01-01.csv"), MarketDataFixtures.binanceTradeRows(2000));

        BacktestOutput out = backtest(issueCommand(data, "binance-trades", dir.resolve("out"), "--bar-interval", "none"));

        // ema-cross reacts to bars only: every trade is an event, none is a bar, nothing is traded
        assertThat(out.summaryLong("events")).isEqualTo(2000);
        assertThat(out.summaryLong("bars")).isZero();
        assertThat(out.summaryLong("trades")).isZero();
        assertThat(out.summaryLong("orders")).isZero();
        assertThat(out.summaryDecimal("final_equity")).isEqualByComparingTo("100000");
        assertThat(out.summary().get("start")).isEqualTo("2024-01-01T00:00:00.000Z");
        assertThat(out.summary().get("end")).isEqualTo("2024-01-01T00:03:19.900Z");
    }

    @Test
    void shouldBuildOneMinuteBarsFromTradesByDefault() {
        Path data = MarketDataFixtures.write(dir.resolve("BTCUSDT-trades-2024-01-01.csv"), MarketDataFixtures.binanceTradeRows(2000));

        BacktestOutput out = backtest(issueCommand(data, "binance-trades", dir.resolve("out")));

        // 2,000 trades from 00:00:00 to 00:03:19.9 make four one-minute bars, served among the trades
        assertThat(out.summaryLong("bars")).isEqualTo(4);
        assertThat(out.summaryLong("events")).isEqualTo(2004);
    }

    @Test
    void shouldRunOnBinanceAggTrades() {
        Path data = MarketDataFixtures.write(dir.resolve("BTCUSDT-aggTrades-2024-01-01.csv"), MarketDataFixtures.binanceAggTradeRows(1500));

        BacktestOutput out = backtest(issueCommand(data, "binance-aggtrades", dir.resolve("out"), "--bar-interval", "none"));

        assertThat(out.summaryLong("events")).isEqualTo(1500);
        assertThat(out.summaryLong("bars")).isZero();
    }

    @Test
    void shouldSkipAndCountOneMalformedRowWhenAskedTo() {
        List<String> rows = new ArrayList<>(MarketDataFixtures.klineRows(MarketDataFixtures.sineBars(500)));
        rows.set(250, rows.get(250).replaceFirst(",[0-9.]+,", ",not-a-price,"));
        Path data = MarketDataFixtures.write(dir.resolve("klines.csv"), rows);

        Cli.Result r = Cli.run(issueCommand(data, "binance-kline", dir.resolve("out"), "--on-bad-row", "skip"));

        assertThat(r.exitCode()).as("%s", r).isZero();
        BacktestOutput out = new BacktestOutput(dir.resolve("out"));
        assertThat(out.summaryLong("skipped_rows")).isEqualTo(1);
        assertThat(out.summaryLong("bars")).isEqualTo(499);
        assertThat(r.out()).contains("skipped data rows 1");
    }
}
