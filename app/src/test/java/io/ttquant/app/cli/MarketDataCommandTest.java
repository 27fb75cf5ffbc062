package io.ttquant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketDataCommandTest {
    @Test
    void shouldRunTheSyntheticFeedForTheGivenTimeAndSayWhereItPublishes() {
        Cli.Result r = Cli.run("marketdata", "--source", "synthetic", "--symbols", "BTCUSDT", "--speed", "20",
                "--publish", "tcp://127.0.0.1:0", "--metrics-port", "0", "--for", "1s");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("market data service running")
                .contains("synthetic market (seed 1")
                .containsPattern("publishing tcp://127\\.0\\.0\\.1:[1-9][0-9]*  topics md\\.binance\\.<SYMBOL>")
                .containsPattern("metrics    http://127\\.0\\.0\\.1:[1-9][0-9]*/metrics")
                .contains("market data service stopped");
    }

    @Test
    void shouldRecordTheSyntheticFeedIntoTheDuckDbStoreGivenWithStore(@TempDir Path dir) {
        Path db = dir.resolve("md.duckdb");
        Cli.Result r = Cli.run("marketdata", "--source", "synthetic", "--symbols", "BTCUSDT", "--speed", "20",
                "--publish", "none", "--metrics-port", "-1", "--for", "1s", "--store", "duckdb:" + db);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("  recording  ").contains(db.getFileName().toString())
                .containsPattern("recorded   trades [1-9][0-9]*, quotes [1-9][0-9]*, bars 0, book snapshots 0")
                .doesNotContain("dropped");
        assertThat(Files.exists(db)).isTrue();
    }

    @Test
    void shouldRefuseBadSettingsWithOneLineAndExitCodeTwo() {
        assertRefused(new String[] {"marketdata", "--source", "moon"}, "--source must be binance, testnet, sim, url, synthetic or replay");
        assertRefused(new String[] {"marketdata", "--source", "replay"}, "--source replay needs --replay SYMBOL=FILE");
        assertRefused(new String[] {"marketdata", "--trade-stream", "bars"}, "--trade-stream must be aggTrade or trade");
        assertRefused(new String[] {"marketdata", "--symbols", "DOGEUSDT"}, "no built-in rules for DOGEUSDT");
        assertRefused(new String[] {"marketdata", "--for", "soon"}, "--for: not a duration");
        assertRefused(new String[] {"marketdata", "--source", "url", "--rest-url", "x", "--ws-url", "ws://y"}, "REST URL must start with http");
        assertRefused(new String[] {"marketdata", "--publish", "localhost"}, "publish endpoint must look like tcp://");
        assertRefused(new String[] {"marketdata", "--store", "mysql:x"}, "--store must be duckdb:<file> or postgres:<jdbc-url>");
        assertRefused(new String[] {"marketdata", "--store-schema", "x"}, "need --store");
        assertRefused(new String[] {"marketdata", "--store", "postgres:jdbc:postgresql://h/db?password=pw"},
                "must not carry a password");
        assertRefused(new String[] {"marketdata", "--book-snapshot-interval", "soon"}, "--book-snapshot-interval: not a duration");
    }

    @Test
    void shouldFailWithOneLineWhenTheSimulatorIsNotRunning() {
        Cli.Result r = Cli.run("marketdata", "--source", "sim", "--sim-port", "1", "--metrics-port", "-1", "--for", "1s");
        assertThat(r.exitCode()).as(r.toString()).isNotZero();
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("cannot read the exchange rules from http://127.0.0.1:1").doesNotContain("Exception\n\tat");
    }

    private static void assertRefused(String[] args, String reason) {
        Cli.Result r = Cli.run(args);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(CliErrors.USAGE);
        assertThat(r.err()).as(r.toString()).contains(reason);
        assertThat(r.errLines()).hasSizeLessThanOrEqualTo(2);
    }
}
