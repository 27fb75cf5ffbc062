package io.ttquant.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.app.gateway.binance.ForeignOrderPolicy;
import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.core.exchange.LimitFillRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code config/gateway.example.yaml} is what the gateway reads: it builds as it stands (paper), as
 * the binance venue with credentials from the environment, and it shows every setting the reader
 * knows (given or in a comment), so that it cannot fall behind the code.
 */
class GatewayExampleConfigTest {
    /** The example, from the module's folder (where Maven runs the tests) or the repository's. */
    private static Path example() {
        for (Path p : List.of(Path.of("..", "config", "gateway.example.yaml"), Path.of("config", "gateway.example.yaml"))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new AssertionError("config/gateway.example.yaml not found from " + Path.of("").toAbsolutePath());
    }

    @Test
    void shouldBuildTheExampleAsThePaperGatewayItDescribes() {
        GatewayConfig.Builder b = GatewayConfig.builder();
        Path tokenFile = GatewayConfigFile.read(example(), b);
        GatewayConfig c = b.build();
        assertThat(c.venue()).isEqualTo("paper");
        assertThat(c.binance()).isNull();
        assertThat(c.ordersEndpoint()).isEqualTo(GatewayConfig.DEFAULT_ORDERS);
        assertThat(c.executionsEndpoint()).isEqualTo(GatewayConfig.DEFAULT_EXECUTIONS);
        assertThat(c.strategyNames()).containsExactly("alpha", "beta");
        assertThat(c.instruments()).extracting(i -> i.symbol()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(c.paper().limitFillRule()).isEqualTo(LimitFillRule.THROUGH);
        assertThat(c.metricsPort()).isEqualTo(GatewayConfig.DEFAULT_METRICS_PORT);
        assertThat(c.adminPort()).isEqualTo(GatewayConfig.DEFAULT_ADMIN_PORT);
        assertThat(tokenFile).isEqualTo(Path.of("/run/secrets/ttquant-admin-token"));
        assertThat(c.journalDir()).isEqualTo(example().toAbsolutePath().getParent().resolve(GatewayConfig.DEFAULT_JOURNAL_DIR));
        assertThat(c.store()).as("no store unless one is given").isNull();
    }

    @Test
    void shouldBuildTheExampleAsTheBinanceGatewayWithCredentialsFromTheEnvironment() {
        GatewayConfig.Builder b = GatewayConfig.builder()
                .environment(Map.of("BINANCE_API_KEY", "exampleKey0123456789", "BINANCE_API_SECRET", "exampleSecret0123456789"));
        GatewayConfigFile.read(example(), b);
        GatewayConfig c = b.venue("--venue", "binance").build();
        assertThat(c.binance().endpoints()).isSameAs(BinanceEndpoints.TESTNET);
        assertThat(c.binance().recvWindowMillis()).isEqualTo(5000);
        assertThat(c.binance().pollIntervalMillis()).isEqualTo(3000);
        assertThat(c.binance().foreignOrders()).isEqualTo(ForeignOrderPolicy.IGNORE);
        assertThat(c.binance().reconcileTimeoutMillis()).isEqualTo(60_000);
        assertThat(c.toString()).doesNotContain("exampleSecret0123456789");
    }

    @Test
    void shouldExportToTheStoreTheExampleShowsOnceItsSectionIsUncommented() throws IOException {
        // The section as shown, uncommented (the DuckDB store has no user, password or schema).
        String example = Files.readString(example()).replaceAll("(?m)^  # store:", "  store:");
        String text = example.replaceAll("(?m)^  #   (url|batch-records|batch-ms|drain-ms):", "    $1:");
        Path copy = Files.createTempDirectory("gateway-example").resolve("gateway.yaml");
        Files.writeString(copy, text);
        GatewayConfig.Builder b = GatewayConfig.builder().environment(Map.of("TTQUANT_DB_PASSWORD", "exampleDbPassword01"));
        GatewayConfigFile.read(copy, b);
        GatewayConfig c = b.build();
        assertThat(c.store().kind()).isEqualTo(io.ttquant.store.StoreKind.DUCKDB);
        assertThat(c.store().duckDbFile()).isEqualTo(copy.getParent().resolve("ttquant-data/ttquant.duckdb"));
        assertThat(c.export().source()).isEqualTo("gateway-journal:paper");
        assertThat(c.export().batchRecords()).isEqualTo(1000);
        assertThat(c.export().batchDelayNanos()).isEqualTo(100_000_000L);
        assertThat(c.export().drainNanos()).isEqualTo(10_000_000_000L);

        // PostgreSQL's URL instead, with its user and schema; the password from the environment, not the file.
        Files.writeString(copy, example.replaceAll("(?m)^  #   (url|user|schema|batch-records|batch-ms|drain-ms):", "    $1:")
                .replace("url: duckdb:ttquant-data/ttquant.duckdb", "url: 'postgres:jdbc:postgresql://127.0.0.1:5432/ttquant'"));
        b = GatewayConfig.builder().environment(Map.of("TTQUANT_DB_PASSWORD", "exampleDbPassword01"));
        GatewayConfigFile.read(copy, b);
        c = b.build();
        assertThat(c.store().jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/ttquant");
        assertThat(c.store().user()).isEqualTo("ttquant");
        assertThat(c.store().schema()).isEqualTo("public");
        assertThat(c.store().password()).isEqualTo("exampleDbPassword01");
        assertThat(c.toString() + c.storeDescription()).doesNotContain("exampleDbPassword01");
    }

    @Test
    void shouldShowEverySettingTheReaderKnows() throws IOException {
        String text = Files.readString(example());
        List<String> missing = new ArrayList<>();
        for (String setting : GatewayConfigFile.settingNames()) {
            String leaf = setting.substring(setting.lastIndexOf('.') + 1);
            if (!text.matches("(?s).*[\\s{,#]" + java.util.regex.Pattern.quote(leaf) + ":.*")) {
                missing.add(setting);
            }
        }
        assertThat(missing).as("settings the example does not show").isEmpty();
        assertThat(GatewayConfigFile.settingNames()).contains("binance.endpoint", "binance.credentials-file", "journal.sync",
                "instruments.*.collar-bps", "strategies.*.max-position", "store.url", "store.password-file");
    }
}
