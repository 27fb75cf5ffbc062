package io.ttquant.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.store.Store;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.Stores;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code ttquant run} on the command line: a timed run, its banner and summary, what it leaves on disk, and refused options. */
class RunCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldRunForTheGivenTimeThenStoreEveryJournaledOrderAndFillAndPrintTheSummary() {
        Path data = dir.resolve("data");

        // A market 30 times faster and quick averages: ema-cross trades within the three seconds.
        RunFixture.Result r = RunFixture.cli("run", "--for", "3s", "--speed", "30", "--param", "fast=2", "--param", "slow=5",
                "--metrics-port", "0", "--http-port", "0", "--data-dir", data.toString());

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).contains("market data  synthetic market", "gateway      paper venue", "strategy     ema-cross",
                "store        DuckDB", "metrics      http://127.0.0.1:", "dashboard    http://127.0.0.1:", "TTQuant stopped after");
        long events = r.number("events");
        long sent = r.number("orders sent");
        long fills = r.number("fills");
        assertThat(events).as("%s", r).isPositive();
        assertThat(sent).as("%s", r).isPositive();
        assertThat(fills).as("%s", r).isPositive();
        RunFixture.JournalCounts journal = RunFixture.journalCounts(data.resolve("gateway-journal"));
        assertThat(journal.fills()).isEqualTo(fills);
        try (Store store = Stores.open(StoreConfig.duckdb(data.resolve("ttquant.duckdb")))) {
            assertThat(store.count("market_trades")).isEqualTo(r.number("trades")).isPositive();
            assertThat(store.count("market_bars")).isPositive();
            assertThat(store.count("orders")).isEqualTo(journal.orders()).isPositive();
            assertThat(store.count("fills")).isEqualTo(journal.fills());
        }
        assertThat(r.out()).contains("stored     market_trades " + r.number("market_trades"), "orders " + journal.orders(),
                "fills " + journal.fills());
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of(new String[] {"--feed", "nasdaq"}, "error: --feed must be synthetic, sim or binance, got 'nasdaq'"),
                Arguments.of(new String[] {"--speed", "0"}, "error: --speed must be above 0 and at most 10000, got 0.0"),
                Arguments.of(new String[] {"--feed", "sim", "--speed", "5"},
                        "error: --speed paces the synthetic market only; --feed sim runs in real time"),
                Arguments.of(new String[] {"--for", "soon"}, "error: --for: not a duration: 'soon' (use e.g. 30s, 5m, 1h)"),
                Arguments.of(new String[] {"--metrics-port", "70000"},
                        "error: --metrics-port must be 0-65535 (0: a free port, -1: none), got 70000"),
                Arguments.of(new String[] {"--http-port", "9464"}, "error: --http-port must differ from --metrics-port (9464)"),
                Arguments.of(new String[] {"--bar-interval", "10ms"}, "error: --bar-interval must be from 100ms to 1d, got 10ms"),
                Arguments.of(new String[] {"--symbol", "DOGEEUR"}, "error: --symbol: no built-in rules for 'DOGEEUR'; use one of BTCUSDT, "
                        + "ETHUSDT, BNBUSDT, SOLUSDT (the paper venue needs them)"),
                Arguments.of(new String[] {"--no-store", "--store", "duckdb:x.duckdb"},
                        "error: --no-store cannot be combined with --store or its options"),
                Arguments.of(new String[] {"--sim-url", "http://127.0.0.1:8090"}, "error: --sim-url needs --feed sim"),
                Arguments.of(new String[] {"--param", "fast=30"}, "error: --param: fast (30) must be less than slow (10)"));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void shouldRefuseABadOptionWithOneLineAndExitCode2BeforeStartingAnything(String[] options, String message) {
        Path data = dir.resolve("untouched");
        String[] args = Stream.concat(Stream.of("run", "--data-dir", data.toString()), Stream.of(options)).toArray(String[]::new);

        RunFixture.Result r = RunFixture.cli(args);

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(message);
        assertThat(r.out()).isEmpty();
        assertThat(data).doesNotExist();
    }
}
