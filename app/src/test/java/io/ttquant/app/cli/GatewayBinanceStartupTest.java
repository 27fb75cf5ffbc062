package io.ttquant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.sim.market.SimConfig;
import io.ttquant.sim.market.SimExchange;
import io.ttquant.sim.server.SimServer;
import io.ttquant.sim.server.SimServerConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ttquant gateway --venue binance} ends a start it cannot make with one line and exit 1
 * when Binance cannot be reached or refuses the API key, and with one line naming the setting and
 * exit 2 when the credentials cannot be read; the secret is never printed. Against the simulator,
 * a good key starts the gateway, which says where Binance is.
 */
class GatewayBinanceStartupTest {
    private static final String KEY = "startupTestKey0123456789abcdef";
    private static final String SECRET = "startupTestSecret-NEVER-PRINTED-0123456789";

    @TempDir
    Path dir;

    private Cli.Result gateway(String endpoint, Path credentials, String... more) {
        String[] base = {"gateway", "--venue", "binance", "--binance-endpoint", endpoint, "--binance-credentials-file",
                credentials.toString(), "--strategy", "alpha", "--symbols", "BTCUSDT", "--orders", "tcp://127.0.0.1:0",
                "--executions", "tcp://127.0.0.1:0", "--marketdata", "none", "--metrics-port", "-1",
                "--journal-dir", dir.resolve("journal").toString()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    private Path credentials(String key, String secret) throws Exception {
        Path f = dir.resolve("binance-" + key.length() + "-" + secret.length());
        Files.writeString(f, "key=" + key + "\nsecret=" + secret + "\n");
        return f;
    }

    @Test
    void shouldExitWithOneLineWhenBinanceCannotBeReached() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Cli.Result r = gateway("http://127.0.0.1:" + port, credentials(KEY, SECRET), "--for", "1s");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(CliErrors.FAILURE);
        assertThat(r.errLines()).as(r.toString()).singleElement().asString()
                .startsWith("error: binance venue: cannot read the rules of [BTCUSDT] from http://127.0.0.1:" + port)
                .doesNotContain(SECRET);
        assertThat(r.out()).doesNotContain("gateway running");
    }

    @Test
    void shouldExitWithOneLineWhenBinanceRefusesTheKeyAndStartWithAGoodOne() throws Exception {
        SimExchange exchange = new SimExchange(SimConfig.builder().flowIntensity(0)
                .account(KEY, SECRET, Map.of("USDT", "1000")).build());
        try (SimServer sim = new SimServer(exchange, SimServerConfig.builder().build()).start(0)) {
            Cli.Result refused = gateway(sim.restUrl(), credentials("unknownKey0123456789abcdef", SECRET), "--for", "1s");
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(CliErrors.FAILURE);
            assertThat(refused.errLines()).as(refused.toString()).singleElement().asString()
                    .startsWith("error: binance venue: the API key (from the file ").contains("was refused by " + sim.restUrl())
                    .doesNotContain(SECRET);

            Cli.Result badSignature = gateway(sim.restUrl(), credentials(KEY, "wrongSecret0123456789abcdefXYZ"), "--for", "1s");
            assertThat(badSignature.exitCode()).as(badSignature.toString()).isEqualTo(CliErrors.FAILURE);
            assertThat(badSignature.errLines()).singleElement().asString().contains("was refused by");

            Cli.Result ok = gateway(sim.restUrl(), credentials(KEY, SECRET), "--for", "1s");
            assertThat(ok.exitCode()).as(ok.toString()).isZero();
            assertThat(ok.out()).contains("gateway running").contains("venue       binance (url " + sim.restUrl())
                    .contains("API key from the file ").contains("gateway stopped").doesNotContain(SECRET);
        }
    }

    @Test
    void shouldRefuseUnreadableCredentialsWithOneLineNamingTheOption() {
        Cli.Result r = gateway("testnet", dir.resolve("missing"));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(CliErrors.USAGE);
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("error: --binance-credentials-file: cannot read the Binance credentials file");
    }
}
