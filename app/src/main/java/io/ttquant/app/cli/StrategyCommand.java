package io.ttquant.app.cli;

import io.ttquant.app.strategy.StrategyConfigFile;
import io.ttquant.app.strategy.StrategyEngineConfig;
import io.ttquant.app.strategy.StrategyService;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.time.SystemEpochClock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ttquant strategy}: runs the live strategy engine until Ctrl-C (or for {@code --for}): the
 * strategies of {@code --config strategy.yaml} (and of {@code --strategy ID=NAME}) on the market
 * data of the bus, their orders to the gateway, their reports from it; before a strategy trades it
 * asks the gateway for its open orders and positions. Options override the file; every setting is
 * checked before anything starts and a bad one is refused with one line naming it (exit 2).
 */
@Command(name = "strategy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the live strategy engine: strategies (built-in names like ema-cross, or classes) on the market data of the",
                "bus, orders to the gateway, reports from it; each strategy syncs its open orders and positions with the gateway",
                "before it trades, and a strategy whose callback throws or is too slow is quarantined (its orders canceled).",
                "Options override the --config file."})
public final class StrategyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML settings (its strategy: section, or the whole file).")
    Path config;

    @Option(names = "--orders", paramLabel = "ENDPOINT", description = "The gateway's order endpoint (PUSH connects). Default: "
            + StrategyEngineConfig.DEFAULT_ORDERS + ".")
    String orders;

    @Option(names = "--executions", paramLabel = "ENDPOINT", description = "The gateway's execution endpoint (SUB connects). "
            + "Default: " + StrategyEngineConfig.DEFAULT_EXECUTIONS + ".")
    String executions;

    @Option(names = "--state", paramLabel = "ENDPOINT", description = "The gateway's state endpoint (start-up sync). Default: "
            + StrategyEngineConfig.DEFAULT_STATE + ".")
    String state;

    @Option(names = "--venue", description = "The venue the gateway routes to, named in every order: paper or binance. Default: paper.")
    String venue;

    @Option(names = "--marketdata", paramLabel = "ENDPOINT", description = "Market data PUB endpoint to connect to. Default: "
            + StrategyEngineConfig.DEFAULT_MARKET_DATA + ".")
    String marketData;

    @Option(names = "--md-venue", paramLabel = "VENUE", description = "Venue segment of the market data topics. Default: binance.")
    String marketDataVenue;

    @Option(names = "--qty-scale", paramLabel = "DECIMALS", description = "Quantity decimals of the market data and orders, as the "
            + "gateway has them: 8 (Binance-protocol market data) or step (synthetic and replay). Default: 8.")
    String qtyScale;

    @Option(names = "--kinds", split = ",", description = "Market data kinds subscribed to: trade, quote, book, bar. Default: all.")
    List<String> kinds;

    @Option(names = "--strategy", paramLabel = "ID=NAME", description = "A strategy to run besides the file's (repeatable): its "
            + "id at the gateway and a built-in name (ttquant strategies) or a class.")
    List<String> strategies = new ArrayList<>();

    @Option(names = "--param", paramLabel = "ID.KEY=VALUE", description = "A parameter of a strategy (repeatable), e.g. alpha.fast=5.")
    List<String> params = new ArrayList<>();

    @Option(names = "--symbols", split = ",", description = "Instruments of the --strategy strategies. Default: BTCUSDT.")
    List<String> symbols;

    @Option(names = "--cash", paramLabel = "ASSET=AMOUNT", split = ",", description = "Starting cash of the --strategy strategies. "
            + "Default: USDT=10000.")
    List<String> cash;

    @Option(names = "--metrics-port", description = "Prometheus /metrics port on 127.0.0.1 (0: free port, -1: none). Default: "
            + StrategyEngineConfig.DEFAULT_METRICS_PORT + ".")
    String metricsPort;

    @Option(names = "--idle", description = "Engine thread when idle: park (default) or spin (one core busy, lowest latency).")
    String idle;

    @Option(names = "--for", paramLabel = "DURATION", description = "Stop after this long (e.g. 60s, 5m); default: until Ctrl-C.")
    String runFor;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StrategyEngineConfig c = config();
        Duration limit = runFor == null ? null : MarketDataCommand.duration("--for", runFor);
        StrategyService service = StrategyService.start(c, SystemEpochClock.instance(), System::nanoTime);
        ForegroundService foreground = ForegroundService.hold("strategy-shutdown", service::close, service::isRunning);
        out.println("strategy engine running");
        out.println("  strategies  " + String.join(", ", c.strategyIds()));
        out.println("  symbols     " + String.join(", ", c.instruments().stream().map(Instrument::symbol).toList()));
        out.println("  gateway     orders " + c.ordersEndpoint() + ", executions " + c.executionsEndpoint() + ", state "
                + c.stateEndpoint() + ", venue " + c.settings().gatewayVenue());
        out.println("  market data " + c.marketDataEndpoint() + "  topics md." + c.marketDataVenue() + ".<SYMBOL>.*");
        if (service.metricsUrl() != null) {
            out.println("  metrics     " + service.metricsUrl());
        }
        out.println("Each strategy trades once the gateway has told it its open orders and positions.");
        out.println(limit == null ? "Press Ctrl-C to stop." : "Stopping after " + runFor + ".");
        out.flush();
        return foreground.await(limit, out, "strategy engine stopped", spec.commandLine().getErr(),
                "ttquant strategy: the engine thread stopped unexpectedly; see the log. Exiting.");
    }

    /** The configuration: the file first, then the options over it. */
    StrategyEngineConfig config() {
        StrategyEngineConfig.Builder b = StrategyEngineConfig.builder();
        if (config != null) {
            StrategyConfigFile.read(config, b);
        }
        if (orders != null) {
            b.ordersEndpoint("--orders", orders);
        }
        if (executions != null) {
            b.executionsEndpoint("--executions", executions);
        }
        if (state != null) {
            b.stateEndpoint("--state", state);
        }
        if (venue != null) {
            b.venue("--venue", venue);
        }
        if (marketData != null) {
            b.marketDataEndpoint("--marketdata", marketData);
        }
        if (marketDataVenue != null) {
            b.marketDataVenue("--md-venue", marketDataVenue);
        }
        if (qtyScale != null) {
            b.qtyScale("--qty-scale", qtyScale);
        }
        if (kinds != null) {
            b.marketDataKinds("--kinds", kinds);
        }
        if (metricsPort != null) {
            b.metricsPort("--metrics-port", metricsPort);
        }
        if (idle != null) {
            b.idle("--idle", idle);
        }
        if ((symbols != null || cash != null) && strategies.isEmpty()) {
            throw new IllegalArgumentException((symbols != null ? "--symbols" : "--cash") + ": goes with --strategy ID=NAME");
        }
        for (String s : strategies) {
            String[] kv = pair("--strategy", s, "ID=NAME");
            b.strategy("--strategy", kv[0]);
            if (kv[1].contains(".") && !kv[1].contains("-")) {
                b.strategyClass("--strategy", kv[0], kv[1]);
            } else {
                b.strategyName("--strategy", kv[0], kv[1]);
            }
            for (String sym : symbols == null ? List.of("BTCUSDT") : symbols) {
                b.strategySymbol("--symbols", kv[0], sym);
            }
            for (String c : cash == null ? List.of("USDT=10000") : cash) {
                String[] ac = pair("--cash", c, "ASSET=AMOUNT");
                b.strategyCash("--cash", kv[0], ac[0], ac[1]);
            }
        }
        for (String p : params) {
            String[] kv = pair("--param", p, "ID.KEY=VALUE");
            int dot = kv[0].lastIndexOf('.');
            if (dot <= 0 || dot == kv[0].length() - 1) {
                throw new IllegalArgumentException("--param: expected ID.KEY=VALUE (e.g. alpha.fast=5), got '" + p + "'");
            }
            String id = kv[0].substring(0, dot);
            if (!b.hasStrategy(id)) {
                throw new IllegalArgumentException("--param: no strategy '" + id + "' (from --config or --strategy)");
            }
            b.strategyParam("--param " + p, id, kv[0].substring(dot + 1), kv[1]);
        }
        return b.build();
    }

    private static String[] pair(String option, String text, String form) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException(option + ": expected " + form + ", got '" + text + "'");
        }
        return new String[] {text.substring(0, eq).trim(), text.substring(eq + 1).trim()};
    }
}
