package io.ttquant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.store.Store;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ttquant gateway --store ...}: the gateway exports its journal to the store named on the
 * command line (here the embedded DuckDB: the run's orders are none, but its SHUTDOWN record is
 * exported at the stop, so the progress reaches the journal's end), says so in its banner, and
 * refuses store options that make no sense with one line.
 */
class GatewayStoreOptionsTest {
    @TempDir
    Path dir;

    @Test
    void shouldExportTheJournalToTheStoreGivenOnTheCommandLineAndSayWhere() throws Exception {
        Path file = dir.resolve("ttquant.duckdb");
        Cli.Result r = Cli.run("gateway", "--strategy", "alpha", "--orders", "tcp://127.0.0.1:0", "--executions", "tcp://127.0.0.1:0",
                "--marketdata", "none", "--metrics-port", "-1", "--journal-dir", dir.resolve("journal").toString(),
                "--store", "duckdb:" + file, "--for", "1s");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("store       duckdb " + file + ", exported from the journal as gateway-journal:paper");
        try (Store s = Stores.open(StoreConfig.duckdb(file))) {
            assertThat(s.progress("gateway-journal:paper")).as("the stop drained the journal into the store").isPresent();
            assertThat(s.progress("gateway-journal:paper").getAsLong()).isPositive();
        }
    }

    @Test
    void shouldRefuseStoreOptionsThatMakeNoSenseWithOneLine() throws Exception {
        assertRefused(new String[] {"gateway", "--strategy", "alpha", "--store", "duckdb:" + dir.resolve("x.duckdb"), "--no-journal"},
                "--no-journal: the store export reads the order journal");
        assertRefused(new String[] {"gateway", "--strategy", "alpha", "--store-schema", "s1"}, "need --store");
        assertRefused(new String[] {"gateway", "--strategy", "alpha", "--store", "postgres:jdbc:postgresql://h/db?password=pw"},
                "must not carry a password");
        assertRefused(new String[] {"gateway", "--strategy", "alpha", "--store", "mysql:x"}, "--store must be duckdb:<file> or postgres:");
        Path yaml = dir.resolve("gateway.yaml");
        Files.writeString(yaml, "strategies: [alpha]\nstore: {url: 'postgres:jdbc:postgresql://127.0.0.1/db', password: secret1}\n");
        Cli.Result r = Cli.run("gateway", "--config", yaml.toString());
        assertThat(r.exitCode()).isEqualTo(CliErrors.USAGE);
        assertThat(r.err()).contains("store.password: the store's password is never read from the config file").doesNotContain("secret1");
    }

    private static void assertRefused(String[] args, String reason) {
        Cli.Result r = Cli.run(args);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(CliErrors.USAGE);
        assertThat(r.err()).as(r.toString()).contains(reason).doesNotContain("\tat ").doesNotContain("pw");
        assertThat(r.errLines()).as(r.toString()).hasSizeLessThanOrEqualTo(2);
    }
}
