package io.ttquant.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.exchange.LimitFillRule;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.core.risk.InstrumentLimits;
import io.ttquant.core.risk.RateLimit;
import io.ttquant.core.risk.StrategyLimits;
import io.ttquant.transport.codec.DecodeOutcome;
import io.ttquant.transport.codec.MarketDataDecoder;
import io.ttquant.transport.codec.MarketDataEncoder;
import io.ttquant.transport.codec.SymbolTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the gateway's YAML file and options into a checked configuration, and refusing bad settings by name. */
class GatewayConfigTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadEverySectionOfTheYamlFileIntoLimitsInstrumentsAndFillModels() throws IOException {
        Path file = write("""
                gateway:
                  venue: paper
                  orders: tcp://127.0.0.1:7201
                  executions: tcp://127.0.0.1:7202
                  marketdata: {endpoint: 'tcp://127.0.0.1:5600', venue: testnet, kinds: [trade, book]}
                  paper: {fee-bps: 7.5, taker-fee-bps: 10, slippage-ticks: 2, latency-ms: 1.5, limit-fill: touch, queue-position: false}
                  risk: {max-open-orders: 500, order-rate: 100/1s, cancel-rate: 1200/1m, duplicate-window-ms: 250}
                  instruments:
                    BTCUSDT: {max-order-qty: 0.5, max-position: 1.25, collar-bps: 250}
                    ethusdt:
                  strategies:
                    alpha:
                      max-order-notional: 20000.5
                      max-open-orders: 20
                      order-rate: 10
                      daily-loss-reduce-only: 500
                      daily-loss-halt: 1000
                      max-position: {BTCUSDT: 0.25}
                    beta: {}
                  metrics: {port: 9200}
                  admin: {port: 7300}
                  idle: spin
                marketdata:
                  ignored: this section belongs to another process
                """);
        GatewayConfig.Builder b = GatewayConfig.builder();
        assertThat(GatewayConfigFile.read(file, b)).isNull();
        GatewayConfig c = b.build();

        assertThat(c.ordersEndpoint()).isEqualTo("tcp://127.0.0.1:7201");
        assertThat(c.executionsEndpoint()).isEqualTo("tcp://127.0.0.1:7202");
        assertThat(c.marketDataEndpoint()).isEqualTo("tcp://127.0.0.1:5600");
        assertThat(c.marketDataVenue()).isEqualTo("testnet");
        assertThat(c.marketDataKinds()).isEqualTo(Set.of(MarketDataKind.TRADE, MarketDataKind.BOOK));
        assertThat(c.instruments()).extracting(Instrument::symbol).containsExactly("BTCUSDT", "ETHUSDT");
        Instrument btc = c.instruments().get(0);
        assertThat(btc.qtyScale()).isEqualTo(8);
        assertThat(btc.stepSize()).isEqualTo(1_000L); // 0.00001 at 8 decimals
        InstrumentLimits btcLimits = c.riskLimits().instruments().get(0);
        assertThat(btcLimits.instrument()).isSameAs(btc);
        assertThat(btcLimits.maxOrderQty()).isEqualTo(50_000_000L);
        assertThat(btcLimits.maxPosition()).isEqualTo(125_000_000L);
        assertThat(btcLimits.collarPpm()).isEqualTo(25_000L);
        assertThat(c.riskLimits().instruments().get(1).maxOrderQty()).isEqualTo(InstrumentLimits.UNLIMITED);
        assertThat(c.riskLimits().maxOpenOrders()).isEqualTo(500);
        assertThat(c.riskLimits().globalOrderRate()).isEqualTo(RateLimit.perSecond(100));
        assertThat(c.riskLimits().globalCancelRate()).isEqualTo(new RateLimit(1200, 1200, 60_000_000_000L));
        assertThat(c.riskLimits().duplicateWindowNanos()).isEqualTo(250_000_000L);
        StrategyLimits alpha = c.riskLimits().strategies().get(0);
        assertThat(c.strategyNames()).containsExactly("alpha", "beta");
        assertThat(alpha.maxOrderNotional()).isEqualTo(2_000_050_000_000L);
        assertThat(alpha.maxOpenOrders()).isEqualTo(20);
        assertThat(alpha.orderRate()).isEqualTo(RateLimit.perSecond(10));
        assertThat(alpha.reduceOnlyLoss()).isEqualTo(50_000_000_000L);
        assertThat(alpha.haltLoss()).isEqualTo(100_000_000_000L);
        assertThat(alpha.maxPosition(btc, 0)).isEqualTo(25_000_000L);
        assertThat(c.riskLimits().strategies().get(1).maxOrderNotional()).isEqualTo(InstrumentLimits.UNLIMITED);
        assertThat(c.paper().makerFeePpm()).isEqualTo(750);
        assertThat(c.paper().takerFeePpm()).isEqualTo(1_000);
        assertThat(c.paper().latency().maxNanos()).isEqualTo(1_500_000L);
        assertThat(c.paper().limitFillRule()).isEqualTo(LimitFillRule.TOUCH);
        assertThat(c.paper().queuePosition()).isFalse();
        assertThat(c.paperDescription()).contains("fees maker 7.5 / taker 10 bps").contains("slippage 2 ticks")
                .contains("latency 1.5 ms");
        assertThat(c.metricsPort()).isEqualTo(9200);
        assertThat(c.adminPort()).isEqualTo(7300);
        assertThat(c.adminToken()).isNull();
        assertThat(c.idle()).isEqualTo(GatewayConfig.Idle.SPIN);
    }

    @Test
    void shouldUseTheDefaultsOfTheMarketDataServiceAndTheBrief() {
        GatewayConfig c = GatewayConfig.builder().strategy("--strategy", "alpha").build();
        assertThat(c.venue()).isEqualTo("paper");
        assertThat(c.ordersEndpoint()).isEqualTo("tcp://127.0.0.1:7101");
        assertThat(c.executionsEndpoint()).isEqualTo("tcp://127.0.0.1:7102");
        assertThat(c.marketDataEndpoint()).as("ttquant marketdata's default --publish").isEqualTo("tcp://127.0.0.1:5556");
        assertThat(c.marketDataVenue()).isEqualTo("binance");
        assertThat(c.instruments()).extracting(Instrument::symbol).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(c.metricsPort()).isEqualTo(9102);
        assertThat(c.adminPort()).isEqualTo(7103);
        assertThat(c.idle()).isEqualTo(GatewayConfig.Idle.PARK);
    }

    @Test
    void shouldDecodeMarketDataPublishedAtTheBinanceProtocolScaleAndRefuseItAtAnotherScale() {
        // The market data service publishes Binance-protocol feeds with exchangeInfo rules at 8 quantity decimals.
        Instrument published = Instruments.binanceSpot("BTCUSDT").withQtyScale(8);
        MarketDataEncoder encoder = new MarketDataEncoder("binance");
        TradeTick trade = new TradeTick().set(published, 1L, 2L, published.price("30000.01"), published.qty("0.00012345"),
                Side.BUY, 7);
        int length = encoder.encode(trade, 1, 3L);

        GatewayConfig atEight = GatewayConfig.builder().strategy("--strategy", "alpha").symbols("--symbols", List.of("BTCUSDT"))
                .build();
        MarketDataDecoder decoder = new MarketDataDecoder(SymbolTable.of(atEight.instruments().toArray(new Instrument[0])));
        assertThat(decoder.decode(MarketDataKind.TRADE, encoder.buffer(), 0, length)).isEqualTo(DecodeOutcome.OK);
        assertThat(((TradeTick) decoder.event()).qty()).isEqualTo(12_345L);
        assertThat(decoder.event().instrument()).isSameAs(atEight.instruments().get(0));

        GatewayConfig atStep = GatewayConfig.builder().strategy("--strategy", "alpha").symbols("--symbols", List.of("BTCUSDT"))
                .qtyScale("--qty-scale", "step").build();
        MarketDataDecoder stepDecoder = new MarketDataDecoder(SymbolTable.of(atStep.instruments().toArray(new Instrument[0])));
        assertThat(stepDecoder.decode(MarketDataKind.TRADE, encoder.buffer(), 0, length)).isEqualTo(DecodeOutcome.SCALE_MISMATCH);
    }

    @Test
    void shouldLetOptionsOverrideTheFile() throws IOException {
        Path file = write("""
                strategies: [alpha, beta]
                instruments: [BTCUSDT, ETHUSDT, SOLUSDT]
                paper: {fee-bps: 10, latency-ms: 5}
                """);
        GatewayConfig.Builder b = GatewayConfig.builder();
        GatewayConfigFile.read(file, b);
        GatewayConfig c = b.symbols("--symbols", List.of("SOLUSDT", "BTCUSDT")).feeBps("--fee-bps", "2")
                .latencyMillis("--latency-ms", "0").build();
        assertThat(c.instruments()).extracting(Instrument::symbol).containsExactly("SOLUSDT", "BTCUSDT");
        assertThat(c.paper().makerFeePpm()).isEqualTo(200);
        assertThat(c.paper().latency().maxNanos()).isZero();
        assertThat(c.strategyNames()).containsExactly("alpha", "beta");
    }

    @Test
    void shouldResolveTheAdminTokenFileAgainstTheConfigFileAndNeverShowTheToken() throws IOException {
        Files.writeString(dir.resolve("token"), "s3cret-token-abcdefghijkl\n");
        Path file = write("strategies: [alpha]\nadmin: {token-file: token}\n");
        GatewayConfig.Builder b = GatewayConfig.builder();
        Path tokenFile = GatewayConfigFile.read(file, b);
        assertThat(tokenFile).isEqualTo(dir.resolve("token"));
        GatewayConfig c = b.adminToken(AdminToken.fromFile(tokenFile, "admin.token-file")).build();
        assertThat(c.adminToken().matches("s3cret-token-abcdefghijkl")).isTrue();
        assertThat(c.toString()).doesNotContain("s3cret").contains("token from admin.token-file");
    }

    @Test
    void shouldRefuseBadSettingsWithOneLineNamingTheKey() throws IOException {
        assertRefused("strategies: [alpha]\npaper: {fee-bps: lots}\n", "gateway.yaml: paper.fee-bps: must be a number, got 'lots'");
        assertRefused("strategies: [alpha]\npaper: {fees-bps: 1}\n", "gateway.yaml: paper.fees-bps: unknown setting");
        assertRefused("strategies: [alpha]\nvenue: binance\n", "binance.endpoint: the binance venue needs to know where Binance is");
        assertRefused("strategies: [alpha]\nvenue: moon\n", "gateway.yaml: venue: venue must be paper");
        assertRefused("strategies: [alpha]\nadmin: {token: hunter2hunter2hunter2}\n",
                "gateway.yaml: admin.token: the admin token is never read from the config file");
        assertRefused("strategies: [alpha]\ninstruments: {DOGEUSDT: {}}\n", "gateway.yaml: instruments.DOGEUSDT: no built-in rules for DOGEUSDT");
        assertRefused("strategies: [alpha]\ninstruments: {BTCUSDT: {max-order-qty: 0.000000001}}\n",
                "gateway.yaml: instruments.BTCUSDT.max-order-qty: 0.000000001 has more than 8 decimals");
        assertRefused("strategies: [alpha]\ninstruments: {BTCUSDT: {collar-bps: 10000}}\n",
                "gateway.yaml: instruments.BTCUSDT.collar-bps: price collar must be 0 to below 10000 bps");
        assertRefused("strategies: [alpha]\ninstruments: [BTCUSDT, ETHBTC]\n",
                "gateway.yaml: instruments: ETHBTC is quoted in BTC but BTCUSDT in USDT");
        assertRefused("strategies: {alpha: {max-position: {ETHUSDT: 1}}}\ninstruments: [BTCUSDT]\n",
                "gateway.yaml: strategies.alpha.max-position.ETHUSDT: ETHUSDT is not a configured instrument");
        assertRefused("strategies: {alpha: {daily-loss-reduce-only: 100, daily-loss-halt: 50}}\n",
                "gateway.yaml: strategies.alpha.daily-loss-halt: the halt loss must not be below the reduce-only loss");
        assertRefused("strategies: {alpha: {order-rate: fast}}\n",
                "gateway.yaml: strategies.alpha.order-rate: must be a number, got 'fast'");
        assertRefused("strategies: {alpha: {order-rate: 5/soon}}\n",
                "gateway.yaml: strategies.alpha.order-rate: a rate is N/PERIOD like 20/1s or 1200/1m");
        assertRefused("strategies: {'bad name': {}}\n", "gateway.yaml: strategies.bad name: strategy id must be");
        assertRefused("strategies: [unknown]\n", "gateway.yaml: strategies: the strategy name 'unknown' is reserved");
        assertRefused("strategies: [alpha]\nmarketdata: {qty-scale: 3}\n",
                "gateway.yaml: marketdata.qty-scale: 3 decimals are coarser than the step 0.00001 of BTCUSDT");
        assertRefused("strategies: [alpha]\nmarketdata: {endpoint: 'tcp://*:5556'}\n",
                "gateway.yaml: marketdata.endpoint: market data endpoint must be a concrete address");
        assertRefused("strategies: [alpha]\norders: localhost:7101\n", "gateway.yaml: orders: endpoint must look like tcp://");
        assertRefused("strategies: [alpha]\nmetrics: {port: 70000}\n", "gateway.yaml: metrics.port: port must be 0..65535");
        assertRefused("strategies: [alpha]\npaper: 5\n", "gateway.yaml: paper: must be a mapping of settings");
        assertRefused("strategies: [alpha]\npaper: {fee-bps: [1, 2]}\n", "gateway.yaml: paper.fee-bps: must be a single value, not a list");
        assertRefused("paper: {fee-bps: 1}\n", "strategies: no strategy configured");
        assertRefused("strategies: [alpha\n", "gateway.yaml: not valid YAML at line");
    }

    @Test
    void shouldRefuseShortOrMissingTokenFilesWithoutShowingTheirContent() throws IOException {
        Path shortToken = dir.resolve("short");
        Files.writeString(shortToken, "abc\n");
        assertThatThrownBy(() -> AdminToken.fromFile(shortToken, "--admin-token-file"))
                .hasMessageContaining("at least 16 characters").hasMessageNotContaining("abc");
        assertThatThrownBy(() -> AdminToken.fromFile(dir.resolve("absent"), "--admin-token-file"))
                .hasMessageContaining("cannot read the admin token file");
    }

    private void assertRefused(String yaml, String message) throws IOException {
        Path file = write(yaml);
        assertThatThrownBy(() -> {
            GatewayConfig.Builder b = GatewayConfig.builder();
            GatewayConfigFile.read(file, b);
            b.build();
        }).as(yaml).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
