package io.ttquant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.app.gateway.GatewayServiceFixture;
import io.ttquant.core.order.Side;
import io.ttquant.transport.proto.OrderStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldRunTheGatewayFromAConfigFileForTheGivenTimeAndSayWhereItListens() throws Exception {
        Files.writeString(dir.resolve("token"), GatewayServiceFixture.TOKEN + "\n");
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, """
                gateway:
                  orders: tcp://127.0.0.1:0
                  executions: tcp://127.0.0.1:0
                  strategies: {alpha: {max-order-notional: 1000}}
                  instruments: [BTCUSDT]
                  metrics: {port: 0}
                  admin: {port: 0}
                """);
        Cli.Result r = Cli.run("gateway", "--config", config.toString(), "--marketdata", "tcp://127.0.0.1:5999",
                "--admin-token-file", dir.resolve("token").toString(), "--fee-bps", "2", "--journal-dir", dir.resolve("journal").toString(), "--for", "1s");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("gateway running")
                .contains("venue       paper (fees 2 bps")
                .containsPattern("orders      tcp://127\\.0\\.0\\.1:[1-9][0-9]*")
                .containsPattern("executions  tcp://127\\.0\\.0\\.1:[1-9][0-9]*  topics exec\\.<strategy>")
                .contains("market data tcp://127.0.0.1:5999  topics md.binance.<SYMBOL>.*, quantities at 8 decimals")
                .contains("strategies  alpha")
                .containsPattern("metrics     http://127\\.0\\.0\\.1:[1-9][0-9]*/metrics")
                .containsPattern("admin       http://127\\.0\\.0\\.1:[1-9][0-9]*/admin \\(token from --admin-token-file")
                .contains("gateway stopped")
                .doesNotContain(GatewayServiceFixture.TOKEN);
    }

    @Test
    void shouldEngageAndReleaseTheKillSwitchAndPrintTheStatusOfARunningGateway() throws Exception {
        try (GatewayServiceFixture f = new GatewayServiceFixture(dir)) {
            f.awaitMarketData("30000.00", "30001.00");
            f.sendUntilReported(GatewayServiceFixture.limit(f.btc, "alpha", "open1", Side.BUY, "29900.00", "0.001"));
            String url = f.service.adminUrl();
            String token = f.tokenFile.toString();

            Cli.Result engaged = Cli.run("gateway", "kill-switch", "--engage", "--reason", "cli drill", "--admin-url", url,
                    "--admin-token-file", token);
            assertThat(engaged.exitCode()).as(engaged.toString()).isZero();
            assertThat(engaged.out()).contains("\"cancelsSent\":1").contains("cli drill");
            f.awaitReport(r -> r.getClientOrderId().equals("open1") && r.getStatus() == OrderStatus.ORDER_STATUS_CANCELED,
                    "CANCELED for open1");

            Cli.Result status = Cli.run("gateway", "status", "--admin-url", url, "--admin-token-file", token);
            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out()).contains("\"engaged\" : true").contains("\"reason\" : \"cli drill\"")
                    .contains("\"name\" : \"alpha\"").contains("\"openOrders\" : 0").contains("\"symbol\" : \"BTCUSDT\"");

            Cli.Result released = Cli.run("gateway", "kill-switch", "--release", "--admin-url", url, "--admin-token-file", token);
            assertThat(released.exitCode()).as(released.toString()).isZero();
            assertThat(f.service.status().get(10, TimeUnit.SECONDS).killSwitch()).isFalse();

            Path wrong = dir.resolve("wrong-token");
            Files.writeString(wrong, "wrong-token-0123456789abcdef\n");
            Cli.Result refused = Cli.run("gateway", "kill-switch", "--engage", "--admin-url", url, "--admin-token-file", wrong.toString());
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(CliErrors.FAILURE);
            assertThat(refused.errLines()).hasSize(1);
            assertThat(refused.err()).contains("the gateway answered 401").doesNotContain("wrong-token-0123");
            assertThat(f.service.status().get(10, TimeUnit.SECONDS).killSwitch()).isFalse();
        }
    }

    @Test
    void shouldFailWithOneLineWhenNoGatewayAnswers() throws Exception {
        Files.writeString(dir.resolve("token"), GatewayServiceFixture.TOKEN);
        Cli.Result r = Cli.run("gateway", "status", "--admin-url", "http://127.0.0.1:1", "--admin-token-file",
                dir.resolve("token").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(CliErrors.FAILURE);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("cannot reach the gateway admin endpoint at http://127.0.0.1:1");
    }

    @Test
    void shouldRefuseBadSettingsWithOneLineAndExitCodeTwo() throws Exception {
        Path bad = dir.resolve("gateway.yaml");
        Files.writeString(bad, "strategies: [alpha]\npaper: {latency-ms: -5}\n");
        assertRefused(new String[] {"gateway", "--config", bad.toString()}, "gateway.yaml: paper.latency-ms: must not be negative");
        assertRefused(new String[] {"gateway", "--strategy", "alpha", "--venue", "binance"},
                "binance.endpoint: the binance venue needs to know where Binance is");
        assertRefused(new String[] {"gateway", "--strategy", "alpha", "--symbols", "DOGEUSDT"}, "--symbols: no built-in rules for DOGEUSDT");
        assertRefused(new String[] {"gateway", "--strategy", "alpha", "--fee-bps", "x"}, "--fee-bps: must be a number, got 'x'");
        assertRefused(new String[] {"gateway", "--strategy", "alpha", "--for", "soon"}, "--for: not a duration");
        assertRefused(new String[] {"gateway"}, "strategies: no strategy configured");
        assertRefused(new String[] {"gateway", "--config", dir.resolve("absent.yaml").toString()}, "--config: no such file");
        assertRefused(new String[] {"gateway", "kill-switch", "--engage", "--release"}, "mutually exclusive");
        assertRefused(new String[] {"gateway", "kill-switch", "--release", "--reason", "x", "--admin-token-file", bad.toString()},
                "--reason goes with --engage");
    }

    private static void assertRefused(String[] args, String reason) {
        Cli.Result r = Cli.run(args);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(CliErrors.USAGE);
        assertThat(r.err()).as(r.toString()).contains(reason).doesNotContain("\tat ");
        assertThat(r.errLines()).as(r.toString()).hasSizeLessThanOrEqualTo(2);
    }
}
