package io.ttquant.app.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.app.Main;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.strategy.example.EmaCrossStrategy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The strategy engine's settings: {@code config/strategy.example.yaml} builds as the engine it
 * describes and shows every setting the reader knows; a bad setting, in the file or on the command
 * line, is refused with one line naming it (exit 2); options override the file.
 */
class StrategyConfigTest {
    @TempDir
    Path dir;

    private static Path example() {
        for (Path p : List.of(Path.of("..", "config", "strategy.example.yaml"), Path.of("config", "strategy.example.yaml"))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new AssertionError("config/strategy.example.yaml not found from " + Path.of("").toAbsolutePath());
    }

    @Test
    void shouldBuildTheExampleAsTheEngineItDescribes() {
        StrategyEngineConfig.Builder b = StrategyEngineConfig.builder();
        StrategyConfigFile.read(example(), b);
        StrategyEngineConfig c = b.build();
        assertThat(c.ordersEndpoint()).isEqualTo(StrategyEngineConfig.DEFAULT_ORDERS);
        assertThat(c.executionsEndpoint()).isEqualTo(StrategyEngineConfig.DEFAULT_EXECUTIONS);
        assertThat(c.stateEndpoint()).isEqualTo(StrategyEngineConfig.DEFAULT_STATE);
        assertThat(c.marketDataEndpoint()).isEqualTo(StrategyEngineConfig.DEFAULT_MARKET_DATA);
        assertThat(c.marketDataVenue()).isEqualTo("binance");
        assertThat(c.marketDataKinds()).isEqualTo(Set.of(MarketDataKind.values()));
        assertThat(c.metricsPort()).isEqualTo(StrategyEngineConfig.DEFAULT_METRICS_PORT);
        assertThat(c.spin()).isFalse();
        assertThat(c.idleParkNanos()).isEqualTo(50_000);
        EngineSettings s = c.settings();
        assertThat(s.gatewayVenue()).isEqualTo("paper");
        assertThat(s.takerFeePpm()).isEqualTo(1_000);
        assertThat(s.marketBufferPpm()).isEqualTo(20_000);
        assertThat(s.budget()).isEqualTo(CallbackBudget.DEFAULT);
        assertThat(s.syncDelayNanos()).isEqualTo(200_000_000L);
        assertThat(s.syncTimeoutNanos()).isEqualTo(2_000_000_000L);
        assertThat(c.strategyIds()).containsExactly("alpha", "beta");
        Instrument btc = c.instruments().get(0);
        assertThat(btc.symbol()).isEqualTo("BTCUSDT");
        assertThat(btc.qtyScale()).as("quantities at the bus's 8 decimals").isEqualTo(8);
        assertThat(btc.tickSize()).isEqualTo(btc.price("0.01"));
        List<StrategyDefinition> d = c.definitions();
        assertThat(d.get(0).strategy()).isInstanceOf(EmaCrossStrategy.class);
        assertThat(d.get(0).name()).isEqualTo("ema-cross");
        assertThat(d.get(0).balances()).containsEntry("USDT", Fixed.parse("10000", Fixed.CASH_SCALE));
        assertThat(d.get(0).limits().maxOrderNotional()).isEqualTo(Fixed.parse("2000", Fixed.CASH_SCALE));
        assertThat(d.get(0).limits().maxPosition("BTCUSDT")).isEqualTo(btc.qty("0.01"));
        assertThat(d.get(1).name()).isEqualTo("bollinger-reversion");
        assertThat(d.get(1).limits().maxPosition("BTCUSDT")).isEqualTo(EngineRiskLimits.UNLIMITED);
        assertThat(c.definitions().get(0).strategy()).as("fresh strategy objects per engine").isNotSameAs(d.get(0).strategy());
    }

    @Test
    void shouldShowEverySettingTheReaderKnows() throws IOException {
        String text = Files.readString(example());
        List<String> missing = new ArrayList<>();
        for (String setting : StrategyConfigFile.settingNames()) {
            String leaf = setting.substring(setting.lastIndexOf('.') + 1);
            if (!text.matches("(?s).*[\\s{,#-]" + java.util.regex.Pattern.quote(leaf) + ":.*")) {
                missing.add(setting);
            }
        }
        assertThat(missing).as("settings the example does not show").isEmpty();
        assertThat(StrategyConfigFile.settingNames()).contains("gateway.state", "callbacks.hard-limit-ms", "strategies[].class",
                "strategies[].limits.max-position", "instruments.*.min-notional");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "gateway: {orderz: tcp://127.0.0.1:1}|s.yaml: gateway.orderz: unknown setting",
        "gateway: {orders: 'tcp://127.0.0.1:0'}|s.yaml: gateway.orders: an endpoint to connect to",
        "marketdata: {qty-scale: 12}|s.yaml: marketdata.qty-scale: must be 0..8",
        "marketdata: {kinds: [trade, candles]}|s.yaml: marketdata.kinds: market data kinds are",
        "callbacks: {budget-us: 5000, hard-limit-ms: 1}|callbacks.hard-limit-ms: the hard limit",
        "account: {taker-fee-bps: -1}|s.yaml: account.taker-fee-bps: basis points must be 0..10000",
        "strategies: [{id: alpha, name: ema-cross, instruments: [BTCUSDT]}]|s.yaml: strategies.alpha.cash: the strategy has no cash",
        "strategies: [{id: alpha, name: ema-cross, cash: {USDT: 1}}]|s.yaml: strategies.alpha.instruments: the strategy trades no",
        "strategies: [{id: alpha, name: ema-crossing, instruments: [BTCUSDT], cash: {USDT: 1}}]|s.yaml: strategies.alpha: unknown "
                + "strategy 'ema-crossing'",
        "strategies: [{id: alpha, name: ema-cross, params: {fast: 40}, instruments: [BTCUSDT], cash: {USDT: 1}}]|s.yaml: "
                + "strategies.alpha: fast (40) must be less than slow",
        "strategies: [{id: alpha, class: com.example.Nope, instruments: [BTCUSDT], cash: {USDT: 1}}]|s.yaml: strategies.alpha: "
                + "class com.example.Nope is not on the classpath",
        "strategies: [{id: alpha, class: java.lang.String, instruments: [BTCUSDT], cash: {USDT: 1}}]|does not implement",
        "strategies: [{id: alpha, name: ema-cross, instruments: [XYZUSDT], cash: {USDT: 1}}]|s.yaml: strategies.alpha.instruments: "
                + "no built-in rules for XYZUSDT",
        "strategies: [{id: alpha, name: ema-cross, instruments: [BTCUSDT], cash: {USDT: 0.000000001}}]|s.yaml: "
                + "strategies.alpha.cash.USDT: at most 8 decimals",
        "strategies: [{id: 'way-too-long-a-strategy-id', name: ema-cross, instruments: [BTCUSDT], cash: {USDT: 1}}]|s.yaml: "
                + "strategies[0].id: a strategy id is 1-20",
        "strategies: [{id: alpha, name: ema-cross, instruments: [BTCUSDT], cash: {USDT: 1}, limits: {max-position: "
                + "{ETHUSDT: 1}}}]|s.yaml: strategies.alpha.limits.max-position.ETHUSDT: ETHUSDT is not one of",
        "strategies: [{id: alpha, name: ema-cross, instruments: [BTCUSDT], cash: {USDT: 1}, limits: {max-position: "
                + "{BTCUSDT: 0.000000001}}}]|s.yaml: strategies.alpha.limits.max-position.BTCUSDT: 0.000000001 has more decimals",
        "strategies: {alpha: {}}|s.yaml: strategies: must be a list of strategies",
        "strategies: [{id: alpha, name: ema-cross, color: red}]|s.yaml: strategies[0].color: unknown setting",
    })
    void shouldRefuseABadSettingWithOneLineNamingIt(String yaml, String message) throws IOException {
        Path file = dir.resolve("s.yaml");
        String text = yaml.startsWith("strategies:") ? yaml
                : yaml + "\nstrategies: [{id: alpha, name: ema-cross, instruments: [BTCUSDT], cash: {USDT: 1000}}]";
        Files.writeString(file, text + "\n");
        assertThatThrownBy(() -> {
            StrategyEngineConfig.Builder b = StrategyEngineConfig.builder();
            StrategyConfigFile.read(file, b);
            b.build();
        }).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void shouldRefuseABadFlagWithExitCode2AndOneLine() throws IOException {
        Path file = dir.resolve("strategy.yaml");
        Files.writeString(file, "strategy:\n  strategies: [{id: alpha, name: ema-cross, instruments: [BTCUSDT], cash: {USDT: 1000}}]\n");
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "strategy", "--config", file.toString(),
                "--orders", "tcp://127.0.0.1");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("error: --orders: an endpoint to connect to").doesNotContain("\n");

        err = new StringWriter();
        code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "strategy", "--config", file.toString(),
                "--param", "gamma.fast=3");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--param: no strategy 'gamma'");

        err = new StringWriter();
        code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "strategy");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("strategies: no strategy configured");
    }

    @Test
    void shouldLetOptionsOverrideTheFile() throws IOException {
        Path file = dir.resolve("strategy.yaml");
        Files.writeString(file, String.join("\n",
                "strategy:",
                "  gateway: {orders: 'tcp://127.0.0.1:17101', venue: paper}",
                "  metrics: {port: 0}",
                "  sync: {delay-ms: 0}",
                "  strategies: [{id: alpha, name: ema-cross, instruments: [BTCUSDT], cash: {USDT: 1000}}]",
                ""));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "strategy", "--config", file.toString(),
                "--orders", "tcp://127.0.0.1:17999", "--strategy", "beta=ema-cross", "--param", "beta.fast=3", "--param", "beta.slow=9",
                "--cash", "USDT=500", "--metrics-port", "-1", "--for", "200ms");
        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString()).contains("strategies  alpha, beta").contains("orders tcp://127.0.0.1:17999")
                .doesNotContain("metrics ").contains("strategy engine stopped");
    }
}
