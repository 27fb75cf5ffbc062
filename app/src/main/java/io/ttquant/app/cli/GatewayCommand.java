package io.ttquant.app.cli;

import io.ttquant.app.gateway.AdminToken;
import io.ttquant.app.gateway.GatewayAdminClient;
import io.ttquant.app.gateway.GatewayConfig;
import io.ttquant.app.gateway.GatewayConfigFile;
import io.ttquant.app.gateway.GatewayService;
import io.ttquant.app.store.StoreOptions;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.time.SystemEpochClock;
import io.ttquant.store.StoreConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ttquant gateway}: runs the order gateway service until Ctrl-C (or for {@code --for}):
 * order commands on a ZeroMQ PULL socket, execution reports on a PUB socket, paper fills against
 * the market data on the bus (or orders routed to Binance, {@code --venue binance}), Prometheus
 * metrics and an authenticated admin endpoint. Settings come from {@code --config gateway.yaml}
 * with the options below overriding it; they are checked before anything starts and a bad one is
 * refused with one line naming it (exit 2); a venue that cannot be reached or refuses the API key
 * ends the start with one line (exit 1). The admin token comes only from
 * {@code TTQUANT_ADMIN_TOKEN} or a file, the Binance credentials only from
 * {@code BINANCE_API_KEY}/{@code BINANCE_API_SECRET} or a file, never from the command line.
 * With {@code --store duckdb:<file> | postgres:<jdbc-url>} (password from {@code TTQUANT_DB_PASSWORD}
 * or {@code --store-password-file}) every order and fill journaled is exported to that database
 * ({@link StoreOptions}; these options replace the config file's {@code store:} section).
 *
 * <p>{@code ttquant gateway kill-switch --engage|--release} and {@code ttquant gateway status} call a
 * running gateway's admin endpoint and print its answer (exit 0 when it succeeded, 1 when not).
 */
@Command(name = "gateway", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {GatewayCommand.KillSwitch.class, GatewayCommand.Status.class},
        description = {"Run the order gateway: validate -> risk -> paper venue (fills against the market data on the bus)",
                "or Binance (--venue binance; credentials from BINANCE_API_KEY/BINANCE_API_SECRET or --binance-credentials-file),",
                "reports on exec.<strategy>, Prometheus metrics, and an admin endpoint with the global kill switch.",
                "Options override the --config file. The admin token comes from " + GatewayConfig.ADMIN_TOKEN_ENV
                        + " or --admin-token-file."})
public final class GatewayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML settings (its gateway: section, or the whole file).")
    Path config;

    @Option(names = "--orders", paramLabel = "ENDPOINT", description = "PULL endpoint to bind for order commands. Default: "
            + GatewayConfig.DEFAULT_ORDERS + ".")
    String orders;

    @Option(names = "--executions", paramLabel = "ENDPOINT", description = "PUB endpoint to bind for execution reports. Default: "
            + GatewayConfig.DEFAULT_EXECUTIONS + ".")
    String executions;

    @Option(names = "--state", paramLabel = "ENDPOINT", description = "ROUTER endpoint to bind for strategy engines' start-up "
            + "state requests. Default: " + GatewayConfig.DEFAULT_STATE + " (a free port when --orders takes one).")
    String state;

    @Option(names = "--marketdata", paramLabel = "ENDPOINT", description = "Market data PUB endpoint to connect to (none: no "
            + "market data). Default: " + GatewayConfig.DEFAULT_MARKET_DATA + ".")
    String marketData;

    @Option(names = "--md-venue", paramLabel = "VENUE", description = "Venue segment of the market data topics. Default: "
            + GatewayConfig.DEFAULT_MARKET_DATA_VENUE + ".")
    String marketDataVenue;

    @Option(names = "--qty-scale", paramLabel = "DECIMALS", description = "Quantity decimals of the market data and orders: 8 "
            + "(Binance-protocol market data) or step (synthetic and replay). Default: 8.")
    String qtyScale;

    @Option(names = "--venue", description = "Where orders go: paper or binance. Default: paper.")
    String venue;

    @Option(names = "--binance-endpoint", paramLabel = "WHERE", description = "Binance for --venue binance: live, testnet, or a "
            + "base URL such as http://127.0.0.1:8090 (the exchange simulator).")
    String binanceEndpoint;

    @Option(names = "--binance-credentials-file", paramLabel = "FILE", description = "File with the Binance API key and secret "
            + "(key=... and secret=... lines); else BINANCE_API_KEY and BINANCE_API_SECRET.")
    Path binanceCredentialsFile;

    @Option(names = "--binance-foreign-orders", paramLabel = "POLICY", description = "At a restart, open orders on the account not "
            + "placed by TTQuant: ignore (warn and trade, default) or fail (refuse to trade).")
    String binanceForeignOrders;

    @Option(names = "--symbols", split = ",", description = "Instruments traded (built-in Binance rules). Default: the config "
            + "file's, else BTCUSDT,ETHUSDT.")
    List<String> symbols;

    @Option(names = "--strategy", paramLabel = "NAME", description = "A strategy served (repeatable; limits from the config file).")
    List<String> strategies = new ArrayList<>();

    @Option(names = "--fee-bps", description = "Paper maker and taker fee, basis points. Default: 10.")
    String feeBps;

    @Option(names = "--maker-fee-bps", description = "Paper maker fee, basis points (overrides --fee-bps).")
    String makerFeeBps;

    @Option(names = "--taker-fee-bps", description = "Paper taker fee, basis points (overrides --fee-bps).")
    String takerFeeBps;

    @Option(names = "--slippage-bps", description = "Paper adverse slippage on taker fills, basis points. Default: 0.")
    String slippageBps;

    @Option(names = "--slippage-ticks", description = "Paper adverse slippage on taker fills, in ticks (instead of bps).")
    String slippageTicks;

    @Option(names = "--latency-ms", description = "Paper order latency, milliseconds. Default: 0.")
    String latencyMs;

    @Option(names = "--latency-jitter-ms", description = "Paper extra uniform random latency, milliseconds. Default: 0.")
    String latencyJitterMs;

    @Option(names = "--limit-fill", description = "Paper resting limit fills: through or touch. Default: through.")
    String limitFill;

    @Option(names = "--metrics-port", description = "Prometheus /metrics port on 127.0.0.1 (0: free port, -1: none). Default: "
            + GatewayConfig.DEFAULT_METRICS_PORT + ".")
    String metricsPort;

    @Option(names = "--admin-port", description = "Admin endpoint port on 127.0.0.1 (0: free port). Default: "
            + GatewayConfig.DEFAULT_ADMIN_PORT + ".")
    String adminPort;

    @Option(names = "--admin-token-file", paramLabel = "FILE", description = "File whose first line is the admin token "
            + "(else " + GatewayConfig.ADMIN_TOKEN_ENV + "; without a token the admin endpoint is not started).")
    Path adminTokenFile;

    @Option(names = "--idle", description = "Gateway thread when idle: park (default) or spin (one core busy, lowest latency).")
    String idle;

    @Option(names = "--journal-dir", paramLabel = "DIR", description = "Order journal directory (positions and open orders "
            + "survive a restart; created when missing). Default: " + GatewayConfig.DEFAULT_JOURNAL_DIR + ".")
    Path journalDir;

    @Option(names = "--journal-sync", paramLabel = "MODE", description = "every-record (default) or group-commit (paper only: "
            + "a crash may lose the last paper orders and fills).")
    String journalSync;

    @Option(names = "--no-journal", description = "Keep no order journal: nothing survives a restart. For tests and tools only.")
    boolean noJournal;

    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--for", paramLabel = "DURATION", description = "Stop after this long (e.g. 60s, 5m); default: until Ctrl-C.")
    String runFor;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        GatewayConfig c = config();
        Duration limit = runFor == null ? null : MarketDataCommand.duration("--for", runFor);
        GatewayService service = GatewayService.start(c, SystemEpochClock.instance());
        c = service.config();
        ForegroundService foreground = ForegroundService.hold("gateway-shutdown", service::close, service::isRunning);
        out.println("gateway running");
        out.println("  venue       " + c.venue() + " (" + c.venueDescription() + ")");
        out.println("  orders      " + service.ordersEndpoint() + "  (PUSH OrderCommand frames here)");
        out.println("  executions  " + service.executionsEndpoint() + "  topics exec.<strategy>");
        out.println("  state       " + service.stateEndpoint() + "  (strategy engines' start-up state)");
        out.println("  market data " + (c.marketDataEndpoint() == null ? (c.binance() == null ? "none (paper orders never fill)" : "none")
                : c.marketDataEndpoint() + "  topics md." + c.marketDataVenue() + ".<SYMBOL>.*, quantities at "
                + (c.qtyScale() == GatewayConfig.STEP_QTY_SCALE ? "the step's decimals" : c.qtyScale() + " decimals")));
        out.println("  symbols     " + String.join(", ", c.instruments().stream().map(Instrument::symbol).toList()));
        out.println("  strategies  " + String.join(", ", c.strategyNames()));
        out.println("  journal     " + c.journalDescription());
        out.println("  store       " + c.storeDescription());
        if (service.metricsUrl() != null) {
            out.println("  metrics     " + service.metricsUrl());
        }
        out.println(service.adminUrl() != null ? "  admin       " + service.adminUrl() + "/admin (token from " + c.adminToken().source() + ")"
                : "  admin       not started: no admin token (" + GatewayConfig.ADMIN_TOKEN_ENV + " or --admin-token-file)");
        out.println(limit == null ? "Press Ctrl-C to stop." : "Stopping after " + runFor + ".");
        out.flush();
        return foreground.await(limit, out, "gateway stopped", spec.commandLine().getErr(),
                "ttquant gateway: the gateway thread stopped unexpectedly; see the log. Exiting.");
    }

    /** The configuration: the file first, then the options over it, then the admin token. */
    GatewayConfig config() {
        GatewayConfig.Builder b = GatewayConfig.builder();
        Path tokenFileFromConfig = config == null ? null : GatewayConfigFile.read(config, b);
        if (venue != null) {
            b.venue("--venue", venue);
        }
        if (binanceEndpoint != null) {
            b.binanceEndpoint("--binance-endpoint", binanceEndpoint);
        }
        if (binanceCredentialsFile != null) {
            b.binanceCredentialsFile("--binance-credentials-file", binanceCredentialsFile);
        }
        if (binanceForeignOrders != null) {
            b.binanceForeignOrders("--binance-foreign-orders", binanceForeignOrders);
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
        if (marketData != null) {
            b.marketDataEndpoint("--marketdata", marketData);
        }
        if (marketDataVenue != null) {
            b.marketDataVenue("--md-venue", marketDataVenue);
        }
        if (qtyScale != null) {
            b.qtyScale("--qty-scale", qtyScale);
        }
        if (symbols != null) {
            b.symbols("--symbols", symbols);
        }
        for (String s : strategies) {
            b.strategy("--strategy", s);
        }
        if (feeBps != null) {
            b.feeBps("--fee-bps", feeBps);
        }
        if (makerFeeBps != null) {
            b.makerFeeBps("--maker-fee-bps", makerFeeBps);
        }
        if (takerFeeBps != null) {
            b.takerFeeBps("--taker-fee-bps", takerFeeBps);
        }
        if (slippageBps != null && slippageTicks != null) {
            throw new IllegalArgumentException("--slippage-ticks: give slippage in bps or in ticks, not both");
        }
        if (slippageBps != null) {
            b.slippageBps("--slippage-bps", slippageBps);
        }
        if (slippageTicks != null) {
            b.slippageTicks("--slippage-ticks", slippageTicks);
        }
        if (latencyMs != null) {
            b.latencyMillis("--latency-ms", latencyMs);
        }
        if (latencyJitterMs != null) {
            b.latencyJitterMillis("--latency-jitter-ms", latencyJitterMs);
        }
        if (limitFill != null) {
            b.limitFill("--limit-fill", limitFill);
        }
        if (metricsPort != null) {
            b.metricsPort("--metrics-port", metricsPort);
        }
        if (adminPort != null) {
            b.adminPort("--admin-port", adminPort);
        }
        if (idle != null) {
            b.idle("--idle", idle);
        }
        if (noJournal && journalDir != null) {
            throw new IllegalArgumentException("--no-journal: give a journal directory or none, not both");
        }
        if (journalDir != null) {
            b.journalDir(journalDir);
        }
        if (noJournal) {
            b.noJournal();
        }
        if (journalSync != null) {
            b.journalSync("--journal-sync", journalSync);
        }
        StoreConfig store = storeOptions.toConfig(System.getenv());
        if (store != null) {
            b.storeConfig(store);
        }
        if (adminTokenFile != null) {
            b.adminToken(AdminToken.fromFile(adminTokenFile, "--admin-token-file"));
        } else if (System.getenv(GatewayConfig.ADMIN_TOKEN_ENV) != null && !System.getenv(GatewayConfig.ADMIN_TOKEN_ENV).isBlank()) {
            b.adminToken(AdminToken.of(System.getenv(GatewayConfig.ADMIN_TOKEN_ENV), GatewayConfig.ADMIN_TOKEN_ENV));
        } else if (tokenFileFromConfig != null) {
            b.adminToken(AdminToken.fromFile(tokenFileFromConfig, "admin.token-file"));
        }
        return b.build();
    }

    /** Where the admin endpoint is and how to authenticate, shared by the admin subcommands. */
    static final class AdminOptions {
        @Option(names = "--admin-url", defaultValue = GatewayAdminClient.DEFAULT_URL,
                description = "The gateway's admin endpoint. Default: ${DEFAULT-VALUE}.")
        String url;

        @Option(names = "--admin-token-file", paramLabel = "FILE",
                description = "File whose first line is the admin token (else " + GatewayConfig.ADMIN_TOKEN_ENV + ").")
        Path tokenFile;

        GatewayAdminClient client() {
            String token = tokenFile != null ? GatewayAdminClient.readToken(tokenFile) : System.getenv(GatewayConfig.ADMIN_TOKEN_ENV);
            return new GatewayAdminClient(url, token);
        }
    }

    /** Prints the answer: the body on standard output when it succeeded, one error line otherwise. */
    static int print(CommandSpec spec, GatewayAdminClient.Answer answer) {
        if (answer.ok()) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(answer.body().endsWith("\n") ? answer.body() : answer.body() + "\n");
            out.flush();
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("error: the gateway answered " + answer.status() + ": " + answer.body().strip().replace('\n', ' '));
        err.flush();
        return CliErrors.FAILURE;
    }

    /** {@code ttquant gateway kill-switch --engage --reason "..." | --release}. */
    @Command(name = "kill-switch", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Engage or release a running gateway's global kill switch through its admin endpoint.",
                    "Engaging blocks every new order and cancels all open ones."})
    static final class KillSwitch implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Action action;

        static final class Action {
            @Option(names = "--engage", required = true, description = "Engage: block new orders, cancel open ones.")
            boolean engage;

            @Option(names = "--release", required = true, description = "Release: accept new orders again.")
            boolean release;
        }

        @Option(names = "--reason", description = "Why (logged by the gateway and shown in its status).")
        String reason;

        @Mixin
        AdminOptions admin;

        @Override
        public Integer call() {
            if (action.release && reason != null) {
                throw new IllegalArgumentException("--reason goes with --engage");
            }
            GatewayAdminClient client = admin.client();
            return print(spec, action.engage ? client.engageKillSwitch(reason) : client.releaseKillSwitch());
        }
    }

    /** {@code ttquant gateway status}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Print a running gateway's state: kill switch, per strategy its state, open orders, daily PnL and positions.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        AdminOptions admin;

        @Override
        public Integer call() {
            return print(spec, admin.client().status());
        }
    }
}
