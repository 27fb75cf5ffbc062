package io.ttquant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@link DataImportContract} on an embedded DuckDB file, plus what only a file store shows. */
class DuckDbDataImportTest extends DataImportContract {
    @Override
    StoreUnderTest newStore(Path dir) {
        return StoreUnderTest.duckdb(dir.resolve("db/ttquant.duckdb"));
    }

    @Test
    void shouldNotCreateTheStoreWhenAnArgumentIsBad() {
        Path file = MarketDataFixtures.write(dir.resolve("in/BTCUSDT-trades-2024-01-01.csv"), BTC_TRADES_DAY2);

        Cli.Result r = importing("--on-bad-row", "ignore", file.toString());

        assertThat(r.exitCode()).as("%s", r).isEqualTo(CliErrors.USAGE);
        assertThat(r.err()).startsWith("error: --on-bad-row must be fail or skip");
        assertThat(dir.resolve("db")).doesNotExist();
    }

    @Test
    void shouldRefuseABadStoreUriWithOneLine() {
        Path file = MarketDataFixtures.write(dir.resolve("in/BTCUSDT-trades-2024-01-01.csv"), BTC_TRADES_DAY2);

        Cli.Result r = Cli.run("data", "import", "--store", "mysql://x", file.toString());

        assertThat(r.exitCode()).as("%s", r).isEqualTo(CliErrors.USAGE);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("--store must be duckdb:<file> or postgres:<jdbc-url>");
    }

    @Test
    void shouldRefuseStoreRangeOptionsWithoutDbAndFilesTogetherWithDb() {
        Path file = MarketDataFixtures.write(dir.resolve("in/BTCUSDT-trades-2024-01-01.csv"), BTC_TRADES_DAY2);

        Cli.Result noDb = Cli.run("backtest", "--from", "2024-01-01", "--out", dir.resolve("a").toString());
        Cli.Result both = Cli.run("backtest", "--db", "duckdb:" + dir.resolve("x.duckdb"), "--data", file.toString(),
                "--out", dir.resolve("b").toString());
        Cli.Result badKind = Cli.run("backtest", "--db", "duckdb:" + dir.resolve("x.duckdb"), "--db-kind", "quotes",
                "--out", dir.resolve("c").toString());
        Cli.Result badRange = Cli.run("backtest", "--db", "duckdb:" + dir.resolve("x.duckdb"), "--from", "2024-02-01",
                "--to", "2024-01-01", "--out", dir.resolve("d").toString());

        assertThat(noDb.exitCode()).as("%s", noDb).isEqualTo(CliErrors.USAGE);
        assertThat(noDb.err()).startsWith("error: --from, --to, --venue and --store-* need --db");
        assertThat(both.exitCode()).as("%s", both).isEqualTo(CliErrors.USAGE);
        assertThat(both.err()).startsWith("error: give --data (files) or --db (a store), not both");
        assertThat(badKind.exitCode()).as("%s", badKind).isEqualTo(CliErrors.USAGE);
        assertThat(badKind.err()).startsWith("error: --db-kind must be trades or bars, got quotes");
        assertThat(badRange.exitCode()).as("%s", badRange).isEqualTo(CliErrors.USAGE);
        assertThat(badRange.err()).startsWith("error: the time range is empty");
        assertThat(dir.resolve("x.duckdb")).doesNotExist();
    }
}
