package io.ttquant.app.cli;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.sim.market.SimConfig;
import io.ttquant.sim.market.SimExchange;
import io.ttquant.sim.server.SimServer;
import io.ttquant.sim.server.SimServerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ttquant exchange-sim}: runs the local Binance-compatible exchange simulator (spot REST
 * and WebSocket API on 127.0.0.1) with one account, until Ctrl-C. Settings are checked before
 * anything starts; a bad one is refused with a one-line reason.
 *
 * <p>The API secret comes from {@code --api-secret}, {@code --api-secret-file} or the
 * {@code TTQUANT_SIM_API_SECRET} environment variable, and is never printed; so is the admin token
 * ({@code --admin-token} or {@code TTQUANT_SIM_ADMIN_TOKEN}) that unlocks the fault controls.
 */
@Command(name = "exchange-sim", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a local exchange that speaks Binance's spot REST and WebSocket API.",
                "Listens on 127.0.0.1 only; REST under /api/v3/..., streams under /ws/... and /stream?streams=...",
                "The market is a seeded synthetic order flow; your orders trade against it."})
public final class ExchangeSimCommand implements Callable<Integer> {
    static final String SECRET_ENV = "TTQUANT_SIM_API_SECRET";
    static final String ADMIN_TOKEN_ENV = "TTQUANT_SIM_ADMIN_TOKEN";

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8090", description = "Port on 127.0.0.1 (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--api-key", defaultValue = "ttquant-sim", description = "The account's API key (X-MBX-APIKEY). Default: ${DEFAULT-VALUE}.")
    String apiKey;

    @Option(names = "--api-secret", description = "The account's HMAC secret (or --api-secret-file, or $" + SECRET_ENV + ").")
    String apiSecret;

    @Option(names = "--api-secret-file", paramLabel = "FILE", description = "File whose first line is the HMAC secret.")
    Path apiSecretFile;

    @Option(names = "--balance", paramLabel = "ASSET=AMOUNT",
            description = "Initial balance, repeatable (e.g. --balance USDT=100000 --balance BTC=1). Default: USDT=100000, BTC=1.")
    Map<String, String> balances = new LinkedHashMap<>();

    @Option(names = "--symbols", split = ",", defaultValue = "BTCUSDT,ETHUSDT",
            description = "Symbols to trade (built-in Binance rules: BTCUSDT, ETHUSDT, BNBUSDT, SOLUSDT, ETHBTC, ADABTC). Default: ${DEFAULT-VALUE}.")
    List<String> symbols;

    @Option(names = "--start-price", paramLabel = "SYMBOL=PRICE",
            description = "Start price of a symbol's synthetic market (built in for BTCUSDT and ETHUSDT).")
    Map<String, String> startPrices = new LinkedHashMap<>();

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the synthetic order flow. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--flow", defaultValue = "50", description = "Synthetic actions per second per symbol (0: no flow). Default: ${DEFAULT-VALUE}.")
    double flow;

    @Option(names = "--replay", paramLabel = "SYMBOL=FILE[:format]",
            description = "Drive SYMBOL by replaying recorded Binance trades instead of the synthetic flow, repeatable; "
                    + "format trades (default; aggtrades when the file name contains 'aggTrades') or aggtrades. "
                    + "The replay starts with the simulator and stops at the end of the file (see --replay-loop).")
    Map<String, String> replays = new LinkedHashMap<>();

    @Option(names = "--replay-loop", description = "Start every replayed file over at its end instead of stopping there.")
    boolean replayLoop;

    @Option(names = "--replay-speed", paramLabel = "X", defaultValue = "1",
            description = "Replay speed: 1 = real time, 10 = ten times faster. Default: ${DEFAULT-VALUE}.")
    double replaySpeed;

    @Option(names = "--fee-bps", defaultValue = "10", description = "Maker and taker commission in basis points. Default: ${DEFAULT-VALUE}.")
    long feeBps;

    @Option(names = "--weight-limit", defaultValue = "6000", description = "Request weight per IP per minute before 429. Default: ${DEFAULT-VALUE}.")
    int weightLimit;

    @Option(names = "--order-limit", defaultValue = "100", description = "New orders per account per 10 seconds before 429. Default: ${DEFAULT-VALUE}.")
    int orderLimit;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            description = "Enables the fault controls at /admin/faults for requests with this X-Admin-Token (8-256 characters; "
                    + "or $" + ADMIN_TOKEN_ENV + "). Without it /admin answers 404.")
    String adminToken;

    @Option(names = "--ws-drop-rate", paramLabel = "P", description = "Fault: drop each WebSocket connection with probability P (0-1) every second.")
    Double wsDropRate;

    @Option(names = "--ws-delay-ms", paramLabel = "MS", description = "Fault: delay every stream message by MS milliseconds.")
    Long wsDelayMs;

    @Option(names = "--ws-drop-fraction", paramLabel = "F", description = "Fault: drop the fraction F (0-1) of stream messages.")
    Double wsDropFraction;

    @Option(names = "--clock-skew-ms", paramLabel = "MS",
            description = "Fault: skew the server clock by MS (+/-) milliseconds (serverTime, event times, the recvWindow check).")
    Long clockSkewMs;

    @Option(names = "--rest-fault", paramLabel = "STATUS:SECONDS",
            description = "Fault: answer every REST request with STATUS (429, 418, 500, 502 or 503) for the first SECONDS.")
    String restFault;

    @Option(names = "--fault-seed", paramLabel = "SEED", description = "Seed of the random fault decisions. Default: 1.")
    Long faultSeed;

    @Option(names = "--fault", paramLabel = "KEY=VALUE",
            description = "Any fault setting of POST /admin/faults, repeatable (e.g. --fault stallStream=btcusdt@trade "
                    + "--fault stallSeconds=30). Keys: dropAllConnections, wsDropRate, seed, delayMs, delayStream, dropFraction, "
                    + "dropStream, stallSeconds, stallStream, restStatus, restSeconds, clockSkewMs, serverShutdown, "
                    + "serverShutdownGraceMs.")
    Map<String, String> faults = new LinkedHashMap<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String secret = secret();
        SimConfig config = simConfig(secret);
        String token = adminToken != null ? adminToken : System.getenv(ADMIN_TOKEN_ENV);
        SimServerConfig serverConfig = SimServerConfig.builder().weightPerMinute(weightLimit).ordersPer10s(orderLimit)
                .adminToken(token == null || token.isEmpty() ? null : token).faults(faultSettings()).build();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0-65535, got " + port);
        }
        SimServer server = new SimServer(new SimExchange(config), serverConfig);
        try {
            server.start(port);
        } catch (IllegalStateException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return CliErrors.FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "exchange-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("exchange simulator listening on 127.0.0.1:" + server.port());
        out.println("  REST       " + server.restUrl() + "/api/v3/...  (e.g. " + server.restUrl() + "/api/v3/exchangeInfo)");
        out.println("  WebSocket  " + server.wsUrl() + "/ws/<stream>  and  " + server.wsUrl() + "/stream?streams=<a>/<b>");
        out.println("  symbols    " + String.join(", ", config.symbols().stream().map(Instrument::symbol).toList()));
        out.println("  account    API key " + apiKey + ", balances " + config.accounts().get(0).balances());
        if (serverConfig.adminToken() != null) {
            out.println("  admin      " + server.restUrl() + "/admin/faults  (header X-Admin-Token)");
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return 0;
    }

    /** The start faults: the dedicated flags and every --fault, each key at most once. */
    private Map<String, String> faultSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : faults.entrySet()) {
            out.put(e.getKey().trim(), e.getValue().trim());
        }
        putOnce(out, "wsDropRate", wsDropRate);
        putOnce(out, "delayMs", wsDelayMs);
        putOnce(out, "dropFraction", wsDropFraction);
        putOnce(out, "clockSkewMs", clockSkewMs);
        putOnce(out, "seed", faultSeed);
        if (restFault != null) {
            int colon = restFault.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--rest-fault must be STATUS:SECONDS (e.g. 503:30), got " + restFault);
            }
            putOnce(out, "restStatus", restFault.substring(0, colon).trim());
            putOnce(out, "restSeconds", restFault.substring(colon + 1).trim());
        }
        return out;
    }

    private static void putOnce(Map<String, String> out, String key, Object value) {
        if (value != null && out.put(key, value.toString()) != null) {
            throw new IllegalArgumentException("fault setting " + key + " given twice");
        }
    }

    private String secret() {
        int sources = (apiSecret != null ? 1 : 0) + (apiSecretFile != null ? 1 : 0);
        if (sources > 1) {
            throw new IllegalArgumentException("give either --api-secret or --api-secret-file, not both");
        }
        String s = apiSecret;
        if (apiSecretFile != null) {
            try {
                List<String> lines = Files.readAllLines(apiSecretFile, StandardCharsets.UTF_8);
                s = lines.isEmpty() ? "" : lines.get(0).trim();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read --api-secret-file " + apiSecretFile, e);
            }
        }
        if (s == null) {
            s = System.getenv(SECRET_ENV);
        }
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("no API secret: give --api-secret, --api-secret-file or $" + SECRET_ENV);
        }
        return s;
    }

    /** The market configuration these options describe (validated); package-private for tests. */
    SimConfig simConfig(String secret) {
        if (apiKey == null || !apiKey.matches("[\\x21-\\x7e]{1,128}")) {
            throw new IllegalArgumentException("--api-key must be 1-128 printable characters without spaces");
        }
        if (flow < 0 || Double.isNaN(flow) || Double.isInfinite(flow)) {
            throw new IllegalArgumentException("--flow must be zero or positive, got " + flow);
        }
        if (replayLoop && replays.isEmpty()) {
            throw new IllegalArgumentException("--replay-loop needs --replay SYMBOL=FILE");
        }
        if (feeBps < 0 || feeBps > 1000) {
            throw new IllegalArgumentException("--fee-bps must be 0-1000, got " + feeBps);
        }
        List<Instrument> instruments = new ArrayList<>();
        for (String raw : symbols) {
            String symbol = raw.trim().toUpperCase(Locale.ROOT);
            Instrument in = Instruments.binanceSpot(symbol);
            if (in == null) {
                throw new IllegalArgumentException("no built-in rules for " + symbol + "; known: BTCUSDT, ETHUSDT, BNBUSDT, SOLUSDT, ETHBTC, ADABTC");
            }
            instruments.add(in);
        }
        Map<String, String> funds = balances;
        if (funds.isEmpty()) {
            funds = new LinkedHashMap<>();
            funds.put("USDT", "100000");
            funds.put("BTC", "1");
        }
        SimConfig.Builder b = SimConfig.builder().symbols(instruments).seed(seed).flowIntensity(flow)
                .commissionBps(feeBps, feeBps).account(apiKey, secret, normalise(funds));
        for (Map.Entry<String, String> e : startPrices.entrySet()) {
            b.startPrice(e.getKey().trim().toUpperCase(Locale.ROOT), e.getValue().trim());
        }
        for (Map.Entry<String, String> e : replays.entrySet()) {
            addReplay(b, e.getKey().trim().toUpperCase(Locale.ROOT), e.getValue().trim());
        }
        return b.build();
    }

    /** {@code FILE[:format]}: a trailing {@code :trades} or {@code :aggtrades} (or a FileFormat name) picks the format. */
    private void addReplay(SimConfig.Builder b, String symbol, String spec) {
        String file = spec;
        io.ttquant.core.data.FileFormat format = null;
        int colon = spec.lastIndexOf(':');
        if (colon > 0) {
            String name = spec.substring(colon + 1).toLowerCase(Locale.ROOT);
            if (name.equals("trades") || name.equals("aggtrades") || name.startsWith("binance")) {
                format = name.equals("trades") ? io.ttquant.core.data.FileFormat.BINANCE_TRADES
                        : name.equals("aggtrades") ? io.ttquant.core.data.FileFormat.BINANCE_AGGTRADES
                        : io.ttquant.core.data.FileFormat.fromName(name);
                file = spec.substring(0, colon);
            }
        }
        if (format == null) {
            format = file.toLowerCase(Locale.ROOT).contains("aggtrades")
                    ? io.ttquant.core.data.FileFormat.BINANCE_AGGTRADES : io.ttquant.core.data.FileFormat.BINANCE_TRADES;
        }
        b.replay(symbol, Path.of(file), format, replaySpeed, replayLoop);
    }

    private static Map<String, String> normalise(Map<String, String> in) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : in.entrySet()) {
            out.put(e.getKey().trim().toUpperCase(Locale.ROOT), e.getValue().trim());
        }
        return out;
    }
}
