package io.ttquant.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.app.gateway.binance.ForeignOrderPolicy;
import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.risk.InstrumentLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binance venue's settings: where Binance is, credentials only from the environment or a file
 * (every problem one line naming the setting, the secret never in a message or a description),
 * the journal it needs, and the instruments' rules replaced by the venue's at the bus's scale.
 */
class GatewayBinanceConfigTest {
    private static final String KEY = "gatewayConfigTestKey0123456789";
    private static final String SECRET = "gatewayConfigTestSecret-DO-NOT-PRINT-0123456789";
    private static final Map<String, String> ENV = Map.of("BINANCE_API_KEY", KEY, "BINANCE_API_SECRET", SECRET);

    @TempDir
    Path dir;

    private Path yaml(String body) throws IOException {
        Path f = dir.resolve("gateway.yaml");
        Files.writeString(f, body);
        return f;
    }

    private GatewayConfig build(String body, Map<String, String> env) throws IOException {
        GatewayConfig.Builder b = GatewayConfig.builder().environment(env);
        GatewayConfigFile.read(yaml(body), b);
        return b.build();
    }

    private void assertRefused(String body, Map<String, String> env, String start) {
        assertThatThrownBy(() -> build(body, env)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(start)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(SECRET));
    }

    @Test
    void shouldTakeTheBinanceSettingsFromTheFileAndTheCredentialsFromTheEnvironment() throws IOException {
        GatewayConfig c = build("""
                venue: binance
                strategies: [alpha]
                instruments: [BTCUSDT]
                binance: {endpoint: 'http://127.0.0.1:8090', recv-window-ms: 2500, poll-interval-ms: 700,
                          foreign-orders: fail, reconcile-timeout-ms: 9000}
                """, ENV);
        assertThat(c.venue()).isEqualTo("binance");
        assertThat(c.binance().endpoints().restBaseUrl()).isEqualTo("http://127.0.0.1:8090");
        assertThat(c.binance().endpoints().wsBaseUrl()).isEqualTo("ws://127.0.0.1:8090");
        assertThat(c.binance().credentials().apiKey()).isEqualTo(KEY);
        assertThat(c.binance().credentialsSource()).isEqualTo("BINANCE_API_KEY/BINANCE_API_SECRET");
        assertThat(c.binance().recvWindowMillis()).isEqualTo(2500);
        assertThat(c.binance().pollIntervalMillis()).isEqualTo(700);
        assertThat(c.binance().foreignOrders()).isEqualTo(ForeignOrderPolicy.FAIL);
        assertThat(c.binance().reconcileTimeoutMillis()).isEqualTo(9000);
        assertThat(c.journalSync().toString()).isEqualTo(io.ttquant.app.gateway.journal.SyncPolicy.everyRecord().toString());
        assertThat(c.toString() + c.venueDescription() + c.binance()).doesNotContain(SECRET);
        var venue = c.binance().venueConfig(() -> 0L, c.instruments());
        assertThat(venue.recvWindowMillis()).isEqualTo(2500);
        assertThat(venue.pollIntervalNanos()).isEqualTo(700_000_000L);
        assertThat(venue.foreignOrders()).isEqualTo(ForeignOrderPolicy.FAIL);
        assertThat(venue.reconcileTimeoutNanos()).isEqualTo(9_000_000_000L);
        assertThat(venue.toString()).doesNotContain(SECRET);
    }

    @Test
    void shouldNameLiveTestnetAndDeriveTheStreamBaseFromAUrl() throws IOException {
        assertThat(build("venue: binance\nstrategies: [a]\nbinance: {endpoint: live}\n", ENV).binance().endpoints())
                .isSameAs(BinanceEndpoints.PRODUCTION);
        assertThat(build("venue: binance\nstrategies: [a]\nbinance: {endpoint: testnet}\n", ENV).binance().endpoints())
                .isSameAs(BinanceEndpoints.TESTNET);
        BinanceEndpoints tls = build("venue: binance\nstrategies: [a]\nbinance: {endpoint: 'https://proxy.example:8443'}\n", ENV)
                .binance().endpoints();
        assertThat(tls.wsBaseUrl()).isEqualTo("wss://proxy.example:8443");
        assertRefused("venue: binance\nstrategies: [a]\nbinance: {endpoint: moon}\n", ENV,
                "gateway.yaml: binance.endpoint: must be live, testnet or a base URL");
        assertRefused("venue: binance\nstrategies: [a]\nbinance: {endpoint: 'http://127.0.0.1:8090/api'}\n", ENV,
                "gateway.yaml: binance.endpoint: a base URL holds only scheme, host and port");
        assertRefused("venue: binance\nstrategies: [a]\n", ENV, "binance.endpoint: the binance venue needs to know where Binance is");
    }

    @Test
    void shouldRefuseMissingOrBadCredentialsWithOneLineNamingTheSettingAndNeverTheSecret() throws IOException {
        String body = "venue: binance\nstrategies: [a]\nbinance: {endpoint: testnet}\n";
        assertRefused(body, Map.of(), "venue binance: no Binance API credentials: set BINANCE_API_KEY and BINANCE_API_SECRET");
        assertRefused(body, Map.of("BINANCE_API_SECRET", SECRET), "venue binance: BINANCE_API_KEY is not set");
        assertRefused(body, Map.of("BINANCE_API_KEY", KEY), "venue binance: BINANCE_API_SECRET is not set");
        assertRefused(body, Map.of("BINANCE_API_KEY", KEY, "BINANCE_API_SECRET", "has space " + SECRET),
                "venue binance: BINANCE_API_SECRET must be printable ASCII without spaces");

        assertRefused("venue: binance\nstrategies: [a]\nbinance: {endpoint: testnet, credentials-file: nowhere}\n", ENV,
                "gateway.yaml: binance.credentials-file: cannot read the Binance credentials file");
        Files.writeString(dir.resolve("half"), "secret=" + SECRET + "\n");
        assertRefused("venue: binance\nstrategies: [a]\nbinance: {endpoint: testnet, credentials-file: half}\n", ENV,
                "gateway.yaml: binance.credentials-file: the Binance credentials file");
        assertRefused("venue: binance\nstrategies: [a]\nbinance: {endpoint: testnet, api-secret: " + SECRET + "}\n", ENV,
                "gateway.yaml: binance.api-secret: Binance credentials are never read from the config file");
    }

    @Test
    void shouldPreferANamedCredentialsFileOverTheEnvironment() throws IOException {
        Files.writeString(dir.resolve("binance.creds"), "# test account\nkey=fileKey0123456789\nsecret=" + SECRET + "\n");
        GatewayConfig c = build("venue: binance\nstrategies: [a]\nbinance: {endpoint: testnet, credentials-file: binance.creds}\n",
                Map.of("BINANCE_API_KEY", "envKey0123456789", "BINANCE_API_SECRET", "envSecret0123456789"));
        assertThat(c.binance().credentials().apiKey()).isEqualTo("fileKey0123456789");
        assertThat(c.binance().credentialsSource()).isEqualTo("the file " + dir.resolve("binance.creds"));
        assertThat(c.toString()).doesNotContain(SECRET);
    }

    @Test
    void shouldRefuseGroupCommitAndNoJournalForTheBinanceVenue() throws IOException {
        assertRefused("venue: binance\nstrategies: [a]\nbinance: {endpoint: testnet}\njournal: {sync: group-commit}\n", ENV,
                "gateway.yaml: journal.sync: group commit may lose journaled orders");
        assertThatThrownBy(() -> {
            GatewayConfig.Builder b = GatewayConfig.builder().environment(ENV);
            GatewayConfigFile.read(yaml("venue: binance\nstrategies: [a]\nbinance: {endpoint: testnet}\n"), b);
            b.noJournal().build();
        }).hasMessageStartingWith("--no-journal: the binance venue needs an order journal");
    }

    @Test
    void shouldIgnoreTheBinanceSectionAndNeverReadCredentialsForThePaperVenue() throws IOException {
        GatewayConfig c = build("strategies: [a]\nbinance: {endpoint: testnet, credentials-file: nowhere}\n", Map.of());
        assertThat(c.venue()).isEqualTo("paper");
        assertThat(c.binance()).isNull();
    }

    @Test
    void shouldTakeTheVenuesInstrumentRulesAtTheMarketDataQuantityScale() throws IOException {
        GatewayConfig c = build("""
                venue: binance
                strategies: {alpha: {max-position: {BTCUSDT: 0.5}}}
                instruments: {BTCUSDT: {max-order-qty: 0.25}, DOGEUSDT: {}}
                binance: {endpoint: testnet}
                """, ENV);
        Instrument btc = Instrument.builder("BTCUSDT").tickSize("0.1").stepSize("0.001").minQty("0.001").maxQty("100")
                .minNotional("10").build();
        Instrument doge = Instrument.builder("DOGEUSDT").tickSize("0.00001").stepSize("1").minQty("1").maxQty("1000000").build();
        GatewayConfig venue = c.withInstrumentRules(List.of(doge, btc));
        Instrument b = venue.instruments().get(0);
        assertThat(b.symbol()).isEqualTo("BTCUSDT");
        assertThat(b.priceScale()).isEqualTo(1);
        assertThat(b.qtyScale()).isEqualTo(GatewayConfig.DEFAULT_QTY_SCALE);
        assertThat(b.tickSize()).isEqualTo(1);
        assertThat(b.stepSize()).isEqualTo(b.qty("0.001"));
        assertThat(venue.instruments().get(1).tickSize()).isEqualTo(1);
        InstrumentLimits limits = venue.riskLimits().instruments().get(0);
        assertThat(limits.instrument()).isSameAs(b);
        assertThat(limits.maxOrderQty()).isEqualTo(b.qty("0.25"));
        assertThat(venue.binance()).isNotNull();
        assertThatThrownBy(() -> c.withInstrumentRules(List.of(btc))).hasMessageStartingWith("gateway.yaml: instruments.DOGEUSDT: "
                + "the binance venue gave no rules for DOGEUSDT");
    }
}
