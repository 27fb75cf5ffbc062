package io.ttquant.app.cli;

import static io.ttquant.app.cli.MarketDataFixtures.MINUTE_MS;
import static io.ttquant.app.cli.MarketDataFixtures.T0_MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.app.cli.MarketDataFixtures.Ohlc;
import io.ttquant.app.data.HistoryRange;
import io.ttquant.app.data.InstrumentRules;
import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.store.Store;
import io.ttquant.store.Stores;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ttquant data import} and {@code ttquant backtest --db}, one contract for both stores: files
 * written by the test are imported, read back exactly, re-imported without duplicates, and a backtest
 * from the store equals the backtest from the files.
 */
abstract class DataImportContract {
    static final Instrument BTCUSDT = InstrumentRules.resolve("BTCUSDT", null, null, null);
    static final Instrument ETHUSDT = InstrumentRules.resolve("ETHUSDT", null, null, null);
    static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    StoreUnderTest store;

    /** The store this run of the contract writes to. */
    abstract StoreUnderTest newStore(Path dir);

    @BeforeEach
    void openStore() {
        store = newStore(dir);
    }

    @AfterEach
    void dropStore() {
        store.close();
    }

    // ---------------------------------------------------------------- data files written by the tests

    static final List<String> BTC_TRADES_DAY1 = List.of(
            "id,price,qty,quote_qty,time,is_buyer_maker,is_best_match",
            "100,42000.10,0.00100,42.00010000,1704067200000,True,True",
            "101,42000.20,0.50000,21000.10000000,1704067200000,False,True",
            "102,41999.99,1.23456,51851.81765440,1704067201500,True,True");

    static final List<String> BTC_TRADES_DAY2 = List.of(
            "200,43000.00,0.01000,430.00000000,1704153600000,False,True",
            "201,43000.01,0.02000,860.00020000,1704153660000,True,True");

    static final List<String> ETH_AGG_TRADES = List.of(
            "7000,2300.50,1.5000,9000,9002,1704067200123,true,true",
            "7001,2300.49,0.0100,9003,9003,1704067200456,false,true");

    Path tradesDay1() {
        return MarketDataFixtures.write(dir.resolve("in/BTCUSDT-trades-2024-01-01.csv"), BTC_TRADES_DAY1);
    }

    Path tradesDay2() {
        return MarketDataFixtures.write(dir.resolve("in/BTCUSDT-trades-2024-01-02.csv"), BTC_TRADES_DAY2);
    }

    Path aggTradesZip() {
        mkdirs(dir.resolve("in"));
        return MarketDataFixtures.zip(dir.resolve("in/ETHUSDT-aggTrades-2024-01-01.zip"), "ETHUSDT-aggTrades-2024-01-01.csv",
                ETH_AGG_TRADES);
    }

    Path klinesZip(List<Ohlc> bars) {
        mkdirs(dir.resolve("in"));
        return MarketDataFixtures.zip(dir.resolve("in/BTCUSDT-1m-2024-01-01.zip"), "BTCUSDT-1m-2024-01-01.csv",
                MarketDataFixtures.klineRows(bars));
    }

    // ---------------------------------------------------------------- helpers

    static void mkdirs(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Cli.Result importing(String... args) {
        List<String> all = new ArrayList<>(List.of("data", "import"));
        all.addAll(store.args("--store"));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    Cli.Result imported(String... args) {
        Cli.Result r = importing(args);
        assertThat(r.exitCode()).as("%s", r).isZero();
        return r;
    }

    Store open() {
        return Stores.open(store.config());
    }

    static List<TradeTick> trades(Store s, Instrument instrument) {
        List<TradeTick> out = new ArrayList<>();
        try (MarketDataSource src = s.readTrades("binance", instrument, HistoryRange.START, HistoryRange.END)) {
            while (src.advance()) {
                TradeTick t = new TradeTick();
                t.copyFrom((TradeTick) src.current());
                out.add(t);
            }
        }
        return out;
    }

    static List<Bar> bars(Store s, Instrument instrument, long intervalNanos) {
        List<Bar> out = new ArrayList<>();
        try (MarketDataSource src = s.readBars("binance", instrument, intervalNanos, HistoryRange.START, HistoryRange.END)) {
            while (src.advance()) {
                Bar b = new Bar();
                b.copyFrom((Bar) src.current());
                out.add(b);
            }
        }
        return out;
    }

    static void assertTrade(TradeTick t, long id, String price, String qty, long timeMs, Side aggressor) {
        assertThat(t.tradeId()).isEqualTo(id);
        assertThat(t.price()).as("price of %d", id).isEqualTo(t.instrument().price(price));
        assertThat(t.qty()).as("qty of %d", id).isEqualTo(t.instrument().qty(qty));
        assertThat(t.exchangeTimeNanos()).as("time of %d", id).isEqualTo(timeMs * MS);
        assertThat(t.aggressor()).as("aggressor of %d", id).isEqualTo(aggressor);
    }

    // ---------------------------------------------------------------- import

    @Test
    void shouldImportTradesAggTradesAndKlinesFromAFolderAndReadBackExactValues() {
        tradesDay1();
        aggTradesZip();
        List<Ohlc> ohlc = MarketDataFixtures.sineBars(5);
        klinesZip(ohlc);

        Cli.Result r = imported(dir.resolve("in").toString());

        assertThat(r.out()).contains("BTCUSDT-1m-2024-01-01.zip: 5 BTCUSDT bars from 2024-01-01T00:00:00Z to 2024-01-01T00:04:00Z")
                .contains("BTCUSDT-trades-2024-01-01.csv: 3 BTCUSDT trades from 2024-01-01T00:00:00Z to 2024-01-01T00:00:01.500Z")
                .contains("ETHUSDT-aggTrades-2024-01-01.zip: 2 ETHUSDT trades")
                .contains("imported 10 rows from 3 files");
        try (Store s = open()) {
            assertThat(r.out()).contains("into " + s.describe());
            assertThat(s.count("market_trades")).isEqualTo(5);
            assertThat(s.count("market_bars")).isEqualTo(5);
            List<TradeTick> btc = trades(s, BTCUSDT);
            assertThat(btc).hasSize(3);
            // is_buyer_maker True: the seller aggressed
            assertTrade(btc.get(0), 100, "42000.10", "0.001", 1704067200000L, Side.SELL);
            assertTrade(btc.get(1), 101, "42000.20", "0.5", 1704067200000L, Side.BUY);
            assertTrade(btc.get(2), 102, "41999.99", "1.23456", 1704067201500L, Side.SELL);
            List<TradeTick> eth = trades(s, ETHUSDT);
            assertThat(eth).hasSize(2);
            assertTrade(eth.get(0), 7000, "2300.50", "1.5", 1704067200123L, Side.SELL);
            assertTrade(eth.get(1), 7001, "2300.49", "0.01", 1704067200456L, Side.BUY);
            List<Bar> stored = bars(s, BTCUSDT, 60_000 * MS);
            assertThat(stored).hasSize(5);
            for (int i = 0; i < 5; i++) {
                Bar b = stored.get(i);
                Ohlc o = ohlc.get(i);
                assertThat(b.openTimeNanos()).isEqualTo(o.openMs() * MS);
                assertThat(b.intervalNanos()).isEqualTo(MINUTE_MS * MS);
                assertThat(b.open()).isEqualTo(BTCUSDT.price(o.open()));
                assertThat(b.high()).isEqualTo(BTCUSDT.price(o.high()));
                assertThat(b.low()).isEqualTo(BTCUSDT.price(o.low()));
                assertThat(b.close()).isEqualTo(BTCUSDT.price(o.close()));
                assertThat(b.volume()).isEqualTo(BTCUSDT.qty(o.volume()));
            }
        }
    }

    @Test
    void shouldNotDuplicateRowsWhenTheSameFilesAreImportedAgain() {
        tradesDay1();
        aggTradesZip();
        klinesZip(MarketDataFixtures.sineBars(5));
        imported(dir.resolve("in").toString());

        Cli.Result again = imported(dir.resolve("in").toString());

        assertThat(again.out()).contains("3 BTCUSDT trades").contains("replacing 3 stored rows")
                .contains("replacing 2 stored rows");
        try (Store s = open()) {
            assertThat(s.count("market_trades")).isEqualTo(5);
            assertThat(s.count("market_bars")).isEqualTo(5);
            assertThat(trades(s, BTCUSDT)).extracting(TradeTick::tradeId).containsExactly(100L, 101L, 102L);
        }
    }

    @Test
    void shouldReplaceOnlyTheTimeRangeOfTheFileImportedAgain() {
        Path day1 = tradesDay1();
        Path day2 = tradesDay2();
        imported(day1.toString(), day2.toString());
        // a corrected day-1 file: trade 101 gone, 102 at another price
        Path corrected = MarketDataFixtures.write(dir.resolve("fixed/day1.csv"), List.of(
                "100,42000.10,0.00100,42.00010000,1704067200000,True,True",
                "102,41999.00,1.23456,51850.59542400,1704067201500,True,True"));

        Cli.Result r = imported("--format", "binance-trades", "--symbol", "btcusdt", corrected.toString());

        assertThat(r.out()).contains("day1.csv: 2 BTCUSDT trades").contains("replacing 3 stored rows");
        try (Store s = open()) {
            List<TradeTick> btc = trades(s, BTCUSDT);
            assertThat(btc).extracting(TradeTick::tradeId).containsExactly(100L, 102L, 200L, 201L);
            assertTrade(btc.get(1), 102, "41999.00", "1.23456", 1704067201500L, Side.SELL);
            assertTrade(btc.get(3), 201, "43000.01", "0.02", 1704153660000L, Side.SELL);
        }
    }

    @Test
    void shouldKeepEveryTradeWhenBatchesSplitRowsOfTheSameTime() {
        List<String> rows = new ArrayList<>();
        long[] offsets = {0, 0, 0, 1, 1, 1, 2, 2, 5};
        for (int i = 0; i < offsets.length; i++) {
            rows.add((500 + i) + ",42000.00,0.00100,42.00000000," + (T0_MS + offsets[i]) + ",True,True");
        }
        Path file = MarketDataFixtures.write(dir.resolve("in/BTCUSDT-trades-2024-01-01.csv"), rows);

        imported("--batch-size", "2", file.toString());
        Cli.Result again = imported("--batch-size", "2", file.toString());

        assertThat(again.out()).contains("9 BTCUSDT trades").contains("replacing 9 stored rows");
        try (Store s = open()) {
            assertThat(s.count("market_trades")).isEqualTo(9);
            assertThat(trades(s, BTCUSDT)).extracting(TradeTick::tradeId)
                    .containsExactly(500L, 501L, 502L, 503L, 504L, 505L, 506L, 507L, 508L);
        }
    }

    @Test
    void shouldSkipAndCountBadRowsUnderSkip() {
        List<String> rows = new ArrayList<>(BTC_TRADES_DAY1);
        rows.add(2, "103,not-a-price,0.1,0,1704067200500,True,True");
        rows.add("104,42000.00,0.1");
        Path file = MarketDataFixtures.write(dir.resolve("in/BTCUSDT-trades-2024-01-01.csv"), rows);

        Cli.Result r = imported("--on-bad-row", "skip", file.toString());

        assertThat(r.out()).contains("3 BTCUSDT trades").contains("2 bad rows skipped");
        assertThat(r.err()).contains("skipped BTCUSDT-trades-2024-01-01.csv line 3").contains("line 6");
        try (Store s = open()) {
            assertThat(s.count("market_trades")).isEqualTo(3);
        }
    }

    @Test
    void shouldStopAtTheFirstBadRowByDefaultWithOneLine() {
        List<String> rows = new ArrayList<>(BTC_TRADES_DAY1);
        rows.add(2, "103,not-a-price,0.1,0,1704067200500,True,True");
        Path file = MarketDataFixtures.write(dir.resolve("in/BTCUSDT-trades-2024-01-01.csv"), rows);

        Cli.Result r = importing(file.toString());

        assertThat(r.exitCode()).as("%s", r).isEqualTo(CliErrors.FAILURE);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("error: bad data:").contains("BTCUSDT-trades-2024-01-01.csv").contains("3");
    }

    @Test
    void shouldRefuseAFileWhoseNameDoesNotTellItsFormat() {
        Path file = MarketDataFixtures.write(dir.resolve("in/history.csv"), BTC_TRADES_DAY2);

        Cli.Result r = importing(file.toString());

        assertThat(r.exitCode()).as("%s", r).isEqualTo(CliErrors.USAGE);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("cannot tell the format of history.csv").contains("--format");
    }

    // ---------------------------------------------------------------- backtest --db

    /** {@code count} trades, one a second from {@link MarketDataFixtures#T0_MS}, on a 20-minute sine wave. */
    static List<String> sineTrades(int count) {
        List<String> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BigDecimal price = BigDecimal.valueOf(30_000 + 500 * Math.sin(2 * Math.PI * i / 1200.0) + (i % 7) * 0.37)
                    .setScale(2, RoundingMode.HALF_UP);
            rows.add((1_000 + i) + "," + price.toPlainString() + ",0.01000," + price.multiply(new BigDecimal("0.01")).toPlainString()
                    + "," + (T0_MS + i * 1_000L) + "," + (i % 3 == 0 ? "True" : "False") + ",True");
        }
        return rows;
    }

    static String[] backtestArgs(List<String> source, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("backtest", "--strategy", "ema-cross", "--param", "fast=3", "--param", "slow=8",
                "--param", "qty=0.01", "--symbol", "BTCUSDT", "--quiet"));
        args.addAll(source);
        args.addAll(List.of(extra));
        args.addAll(List.of("--out", out.toString()));
        return args.toArray(String[]::new);
    }

    static BacktestOutput backtest(String... args) {
        Cli.Result r = Cli.run(args);
        assertThat(r.exitCode()).as("%s", r).isZero();
        return new BacktestOutput(Path.of(args[args.length - 1]));
    }

    List<String> db(String... more) {
        List<String> args = new ArrayList<>(store.args("--db"));
        args.addAll(List.of(more));
        return args;
    }

    static void assertSameResult(BacktestOutput fromDb, BacktestOutput fromFile) {
        assertThat(fromDb.resultSummary()).isEqualTo(fromFile.resultSummary());
        assertThat(fromDb.read("trades.csv")).isEqualTo(fromFile.read("trades.csv"));
        assertThat(fromDb.read("fills.csv")).isEqualTo(fromFile.read("fills.csv"));
        assertThat(fromDb.read("equity.csv")).isEqualTo(fromFile.read("equity.csv"));
    }

    @Test
    void shouldBacktestTheSameFromStoredTradesAsFromTheTradeFile() {
        Path file = MarketDataFixtures.write(dir.resolve("in/BTCUSDT-trades-2024-01-01.csv"), sineTrades(6_000));
        imported(file.toString());

        BacktestOutput fromFile = backtest(backtestArgs(List.of("--data", file.toString(), "--format", "binance-trades"),
                dir.resolve("file")));
        BacktestOutput fromDb = backtest(backtestArgs(db("--db-kind", "trades"), dir.resolve("db")));

        assertThat(fromFile.summaryLong("events")).isEqualTo(6_000 + 100);
        assertThat(fromFile.summaryLong("trades")).isPositive();
        assertSameResult(fromDb, fromFile);
        assertThat(fromDb.summaryDecimal("final_equity")).isEqualByComparingTo(fromFile.summaryDecimal("final_equity"));
    }

    @Test
    void shouldBacktestTheSameFromStoredBarsAsFromTheKlineFile() {
        Path file = klinesZip(MarketDataFixtures.sineBars(500));
        imported(file.toString());

        BacktestOutput fromFile = backtest(backtestArgs(List.of("--data", file.toString(), "--format", "binance-kline"),
                dir.resolve("file")));
        BacktestOutput fromDb = backtest(backtestArgs(db("--db-kind", "bars", "--interval", "1m"), dir.resolve("db")));

        assertThat(fromFile.summaryLong("bars")).isEqualTo(500);
        assertThat(fromFile.summaryLong("trades")).isPositive();
        assertSameResult(fromDb, fromFile);
    }

    @Test
    void shouldBacktestOnlyTheBarsOfTheGivenTimeRange() {
        List<Ohlc> all = MarketDataFixtures.sineBars(500);
        imported(klinesZip(all).toString());
        // 00:40 up to 05:40 (exclusive) is bars 40..339
        Path part = MarketDataFixtures.write(dir.resolve("part/BTCUSDT-1m-part.csv"),
                MarketDataFixtures.klineRows(all.subList(40, 340)));

        BacktestOutput fromFile = backtest(backtestArgs(List.of("--data", part.toString()), dir.resolve("file")));
        BacktestOutput fromDb = backtest(backtestArgs(db("--db-kind", "bars", "--from", "2024-01-01T00:40",
                "--to", "2024-01-01T05:40:00Z"), dir.resolve("db")));

        assertThat(fromDb.summaryLong("bars")).isEqualTo(300);
        assertSameResult(fromDb, fromFile);
    }

    @Test
    void shouldSaySoWhenTheTimeRangeHoldsNoRows() {
        imported(tradesDay1().toString());

        Cli.Result r = Cli.run(backtestArgs(db("--from", "2023-01-01", "--to", "2023-12-31"), dir.resolve("out")));

        assertThat(r.exitCode()).as("%s", r).isEqualTo(CliErrors.USAGE);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("no data: the store holds no BTCUSDT trades on binance from 2023-01-01T00:00:00Z until 2024-01-01T00:00:00Z");
    }
}
