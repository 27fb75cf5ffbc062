package io.ttquant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.store.Store;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.Stores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ttquant data import} of the real Binance files of {@code $TTQUANT_DATA} into DuckDB, and a
 * backtest from the store that equals the backtest from the files (skipped without TTQUANT_DATA).
 */
@EnabledIfEnvironmentVariable(named = "TTQUANT_DATA", matches = ".+")
class RealDataImportTest {
    private static final Path DATA = Path.of(System.getenv().getOrDefault("TTQUANT_DATA", "."), "binance");

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("real.duckdb");
    }

    private Cli.Result imported(String... args) {
        List<String> all = new ArrayList<>(List.of("data", "import", "--store", "duckdb:" + db()));
        all.addAll(List.of(args));
        Cli.Result r = Cli.run(all.toArray(String[]::new));
        assertThat(r.exitCode()).as("%s", r).isZero();
        return r;
    }

    private static BacktestOutput backtest(List<String> args) {
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as("%s", r).isZero();
        return new BacktestOutput(Path.of(args.get(args.size() - 1)));
    }

    private static List<String> args(List<String> common, List<String> source, Path out) {
        List<String> all = new ArrayList<>(common);
        all.addAll(source);
        all.addAll(List.of("--quiet", "--out", out.toString()));
        return all;
    }

    @Test
    void shouldImportRealSpotTradesAndBacktestTheSameFromTheStore() {
        Path file = DATA.resolve("trades/BTCUSDT-trades-spot-20240808T2354Z-20240809T0005Z.csv");

        Cli.Result r = imported(file.toString());
        Cli.Result again = imported(file.toString());

        assertThat(r.out()).contains("19,904 BTCUSDT trades from 2024-08-08T23:54:15.342Z to 2024-08-09T00:05:05.800Z");
        assertThat(again.out()).contains("replacing 19,904 stored rows");
        try (Store s = Stores.open(StoreConfig.duckdb(db()))) {
            assertThat(s.count("market_trades")).isEqualTo(19_904);
        }
        List<String> common = List.of("backtest", "--symbol", "BTCUSDT", "--param", "fast=2", "--param", "slow=3", "--param", "qty=0.01");
        BacktestOutput fromFile = backtest(args(common, List.of("--data", file.toString(), "--format", "binance-trades"), dir.resolve("f")));
        BacktestOutput fromDb = backtest(args(common, List.of("--db", "duckdb:" + db(), "--from", "2024-08-08"), dir.resolve("d")));
        assertThat(fromFile.summaryLong("events")).isEqualTo(19_904 + 12);
        DataImportContract.assertSameResult(fromDb, fromFile);
    }

    @Test
    void shouldImportRealKlinesInBothLayoutsAndBacktestTheSameFromTheStore() {
        Path folder = DATA.resolve("klines/data-binance-vision-format");
        Path month = DATA.resolve("klines/BTCUSDT-5m-spot-2021-04-20_2021-05-20.csv");

        // the folder holds the 28th twice (csv and zip): the second import of it replaces the first
        Cli.Result ada = imported(folder.toString());
        Cli.Result btc = imported("--step-size", "0.000001", month.toString());

        assertThat(ada.out()).contains("ADABTC-1m-2021-11-27.csv: 1,440 ADABTC bars").contains("imported 4,320 rows from 3 files");
        assertThat(btc.out()).contains("8,583 BTCUSDT bars from 2021-04-20T20:45:00Z to 2021-05-20T20:35:00Z");
        try (Store s = Stores.open(StoreConfig.duckdb(db()))) {
            assertThat(s.count("market_bars")).isEqualTo(2 * 1_440 + 8_583);
        }
        List<String> common = List.of("backtest", "--symbol", "BTCUSDT", "--step-size", "0.000001", "--param", "fast=10",
                "--param", "slow=30", "--param", "qty=1");
        BacktestOutput fromFile = backtest(args(common, List.of("--data", month.toString(), "--interval", "5m"), dir.resolve("f")));
        BacktestOutput fromDb = backtest(args(common, List.of("--db", "duckdb:" + db(), "--db-kind", "bars", "--interval", "5m"), dir.resolve("d")));
        assertThat(fromFile.summaryLong("bars")).isEqualTo(8_583);
        DataImportContract.assertSameResult(fromDb, fromFile);

        List<String> adaArgs = List.of("backtest", "--symbol", "ADABTC", "--cash", "1", "--param", "qty=10000");
        BacktestOutput adaFile = backtest(args(adaArgs, List.of("--data", folder.resolve("ADABTC-1m-2021-11-28.zip").toString()),
                dir.resolve("af")));
        BacktestOutput adaDb = backtest(args(adaArgs, List.of("--db", "duckdb:" + db(), "--db-kind", "bars",
                "--from", "2021-11-28", "--to", "2021-11-28"), dir.resolve("ad")));
        assertThat(adaDb.summaryLong("bars")).isEqualTo(1_440);
        DataImportContract.assertSameResult(adaDb, adaFile);
    }
}
