package io.ttquant.app.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.ttquant.app.config.MarketDataSettings;
import io.ttquant.app.config.YamlConfigFile;
import io.ttquant.app.store.StoreOptions;
import io.ttquant.app.store.StoreUri;
import io.ttquant.store.StoreKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the gateway's YAML file ({@code --config gateway.yaml}) into a {@link GatewayConfig.Builder}:
 * the file's {@code gateway:} section when it has one (so one file can hold every process's
 * settings), else the whole file. Every key is known or refused: a misspelt key is an error naming
 * it, not a silently ignored setting. Values reach the builder as text with their dotted key
 * ({@code strategies.alpha.max-order-notional}), so a bad value is reported by the key it was
 * given under. Decimals keep the digits written (never read through a double).
 *
 * <p>The admin token is never read from this file ({@code admin.token} is refused); the file may
 * name a file holding it ({@code admin.token-file}). Binance API keys and secrets are never read
 * from it either ({@code binance.api-key}, {@code binance.api-secret} are refused): they come from
 * the environment or from the file {@code binance.credentials-file} names. This reader must never
 * print values. {@code config/gateway.example.yaml} shows and explains every setting.
 * An example:
 * <pre>
 * gateway:
 *   venue: paper
 *   orders: tcp://127.0.0.1:7101
 *   executions: tcp://127.0.0.1:7102
 *   marketdata: {endpoint: tcp://127.0.0.1:5556, venue: binance, qty-scale: 8, kinds: [trade, quote, book]}
 *   paper: {fee-bps: 10, slippage-bps: 1, latency-ms: 5, limit-fill: through}
 *   risk: {max-open-orders: 1000, order-rate: 50/1s, cancel-rate: 100/1s, duplicate-window-ms: 1000}
 *   instruments:
 *     BTCUSDT: {max-order-qty: 0.5, max-position: 1, collar-bps: 500}
 *     ETHUSDT: {}
 *   strategies:
 *     alpha: {max-order-notional: 20000, max-open-orders: 20, order-rate: 10/1s,
 *             daily-loss-reduce-only: 500, daily-loss-halt: 1000, max-position: {BTCUSDT: 0.25}}
 *   metrics: {port: 9102}
 *   admin: {port: 7103, token-file: /run/secrets/ttquant-admin-token}
 *   idle: park
 *   journal: {dir: /var/lib/ttquant/gateway-journal, sync: every-record}
 *   binance: {endpoint: testnet, credentials-file: /run/secrets/binance, recv-window-ms: 5000, poll-interval-ms: 3000,
 *             foreign-orders: ignore, reconcile-timeout-ms: 60000}
 *   store: {url: 'postgres:jdbc:postgresql://127.0.0.1:5432/ttquant', user: ttquant, schema: public,
 *           password-file: /run/secrets/ttquant-db, batch-records: 1000, batch-ms: 100, drain-ms: 10000}
 * </pre>
 * A relative {@code journal.dir}, {@code binance.credentials-file}, {@code store.password-file} or
 * DuckDB file ({@code store.url: duckdb:<file>}) is taken from the file's folder. The store's
 * password is never read from this file ({@code store.password} is refused).
 */
public final class GatewayConfigFile {
    private static final Set<String> ROOT = Set.of("venue", "orders", "executions", "state", "marketdata", "paper", "risk",
            "instruments", "strategies", "metrics", "admin", "idle", "idle-park-us", "journal", "binance", "store");
    private static final Set<String> BINANCE = Set.of("endpoint", "credentials-file", "recv-window-ms", "poll-interval-ms",
            "foreign-orders", "reconcile-timeout-ms");
    private static final Set<String> SECRET_KEYS = Set.of("api-key", "api-secret", "secret", "key");
    private static final Set<String> STORE = Set.of("url", "user", "password-file", "schema", "batch-records", "batch-ms",
            "drain-ms");
    private static final Set<String> JOURNAL = Set.of("dir", "sync", "group-commit-records", "group-commit-us");
    private static final Set<String> PAPER = Set.of("fee-bps", "maker-fee-bps", "taker-fee-bps", "slippage-bps",
            "slippage-ticks", "latency-ms", "latency-jitter-ms", "seed", "limit-fill", "queue-position");
    private static final Set<String> RISK = Set.of("max-open-orders", "order-rate", "cancel-rate", "duplicate-window-ms",
            "reject-without-reference");
    private static final Set<String> INSTRUMENT = Set.of("max-order-qty", "max-position", "collar-bps");
    private static final Set<String> STRATEGY = Set.of("max-order-notional", "max-open-orders", "order-rate", "cancel-rate",
            "daily-loss-reduce-only", "daily-loss-halt", "max-position");
    private static final Set<String> METRICS = Set.of("port");
    private static final Set<String> ADMIN = Set.of("port", "token-file");

    private final YamlConfigFile yaml;
    private final GatewayConfig.Builder b;

    private GatewayConfigFile(Path file, GatewayConfig.Builder builder) {
        this.yaml = new YamlConfigFile(file);
        this.b = builder;
    }

    /**
     * Applies the settings of {@code file} to {@code builder} and returns the admin token file it
     * names (resolved against the file's folder), or null.
     *
     * @throws IllegalArgumentException one line naming the file and the key (or the YAML position) at fault
     */
    public static Path read(Path file, GatewayConfig.Builder builder) {
        return new GatewayConfigFile(file, builder).read();
    }

    private Path read() {
        JsonNode root = yaml.readRoot();
        if (root == null) {
            return null;
        }
        String prefix = "";
        if (root.has("gateway")) {
            root = root.get("gateway");
            prefix = "gateway.";
            if (!root.isObject()) {
                throw new IllegalArgumentException(yaml.key("gateway") + ": must be a mapping of settings");
            }
        }
        return apply(root, prefix);
    }

    private Path apply(JsonNode root, String p) {
        yaml.checkKeys(root, p, ROOT);
        if (root.has("admin") && root.get("admin").has("token")) {
            throw new IllegalArgumentException(yaml.key(p + "admin.token") + ": the admin token is never read from the config file; "
                    + "set " + GatewayConfig.ADMIN_TOKEN_ENV + " or name a file with admin.token-file or --admin-token-file");
        }
        if (root.has("venue")) {
            b.venue(yaml.key(p + "venue"), yaml.scalar(root, "venue", p));
        }
        if (root.has("orders")) {
            b.ordersEndpoint(yaml.key(p + "orders"), yaml.scalar(root, "orders", p));
        }
        if (root.has("executions")) {
            b.executionsEndpoint(yaml.key(p + "executions"), yaml.scalar(root, "executions", p));
        }
        if (root.has("state")) {
            b.stateEndpoint(yaml.key(p + "state"), yaml.scalar(root, "state", p));
        }
        MarketDataSettings.read(yaml, root, p, b);
        JsonNode paper = yaml.section(root, "paper", p, PAPER);
        if (paper != null) {
            String q = p + "paper.";
            // The general fee first, so that maker and taker fees given beside it override it.
            if (paper.has("fee-bps")) {
                b.feeBps(yaml.key(q + "fee-bps"), yaml.scalar(paper, "fee-bps", q));
            }
            if (paper.has("maker-fee-bps")) {
                b.makerFeeBps(yaml.key(q + "maker-fee-bps"), yaml.scalar(paper, "maker-fee-bps", q));
            }
            if (paper.has("taker-fee-bps")) {
                b.takerFeeBps(yaml.key(q + "taker-fee-bps"), yaml.scalar(paper, "taker-fee-bps", q));
            }
            if (paper.has("slippage-bps") && paper.has("slippage-ticks")) {
                throw new IllegalArgumentException(yaml.key(q + "slippage-ticks") + ": give slippage in bps or in ticks, not both");
            }
            if (paper.has("slippage-bps")) {
                b.slippageBps(yaml.key(q + "slippage-bps"), yaml.scalar(paper, "slippage-bps", q));
            }
            if (paper.has("slippage-ticks")) {
                b.slippageTicks(yaml.key(q + "slippage-ticks"), yaml.scalar(paper, "slippage-ticks", q));
            }
            if (paper.has("latency-ms")) {
                b.latencyMillis(yaml.key(q + "latency-ms"), yaml.scalar(paper, "latency-ms", q));
            }
            if (paper.has("latency-jitter-ms")) {
                b.latencyJitterMillis(yaml.key(q + "latency-jitter-ms"), yaml.scalar(paper, "latency-jitter-ms", q));
            }
            if (paper.has("seed")) {
                b.seed(yaml.key(q + "seed"), yaml.scalar(paper, "seed", q));
            }
            if (paper.has("limit-fill")) {
                b.limitFill(yaml.key(q + "limit-fill"), yaml.scalar(paper, "limit-fill", q));
            }
            if (paper.has("queue-position")) {
                b.queuePosition(yaml.key(q + "queue-position"), yaml.scalar(paper, "queue-position", q));
            }
        }
        JsonNode risk = yaml.section(root, "risk", p, RISK);
        if (risk != null) {
            String q = p + "risk.";
            if (risk.has("max-open-orders")) {
                b.maxOpenOrders(yaml.key(q + "max-open-orders"), yaml.scalar(risk, "max-open-orders", q));
            }
            if (risk.has("order-rate")) {
                b.globalOrderRate(yaml.key(q + "order-rate"), yaml.scalar(risk, "order-rate", q));
            }
            if (risk.has("cancel-rate")) {
                b.globalCancelRate(yaml.key(q + "cancel-rate"), yaml.scalar(risk, "cancel-rate", q));
            }
            if (risk.has("duplicate-window-ms")) {
                b.duplicateWindowMillis(yaml.key(q + "duplicate-window-ms"), yaml.scalar(risk, "duplicate-window-ms", q));
            }
            if (risk.has("reject-without-reference")) {
                b.rejectWithoutReference(yaml.key(q + "reject-without-reference"), yaml.scalar(risk, "reject-without-reference", q));
            }
        }
        instruments(root, p);
        strategies(root, p);
        JsonNode metrics = yaml.section(root, "metrics", p, METRICS);
        if (metrics != null && metrics.has("port")) {
            b.metricsPort(yaml.key(p + "metrics.port"), yaml.scalar(metrics, "port", p + "metrics."));
        }
        Path tokenFile = null;
        JsonNode admin = yaml.section(root, "admin", p, ADMIN);
        if (admin != null) {
            if (admin.has("port")) {
                b.adminPort(yaml.key(p + "admin.port"), yaml.scalar(admin, "port", p + "admin."));
            }
            if (admin.has("token-file")) {
                tokenFile = yaml.besideFile(Path.of(yaml.scalar(admin, "token-file", p + "admin.")));
            }
        }
        if (root.has("idle")) {
            b.idle(yaml.key(p + "idle"), yaml.scalar(root, "idle", p));
        }
        JsonNode journal = yaml.section(root, "journal", p, JOURNAL);
        if (journal != null) {
            String jp = p + "journal.";
            if (journal.has("dir")) {
                // Relative to the file's folder, like the admin token file.
                b.journalDir(yaml.key(jp + "dir"), yaml.scalar(journal, "dir", jp));
                b.journalDir(yaml.besideFile(Path.of(yaml.scalar(journal, "dir", jp))));
            }
            if (journal.has("sync")) {
                b.journalSync(yaml.key(jp + "sync"), yaml.scalar(journal, "sync", jp));
            }
            if (journal.has("group-commit-records")) {
                b.journalGroupCommitRecords(yaml.key(jp + "group-commit-records"), yaml.scalar(journal, "group-commit-records", jp));
            }
            if (journal.has("group-commit-us")) {
                b.journalGroupCommitMicros(yaml.key(jp + "group-commit-us"), yaml.scalar(journal, "group-commit-us", jp));
            }
        }
        if (root.has("idle-park-us")) {
            b.idleParkMicros(yaml.key(p + "idle-park-us"), yaml.scalar(root, "idle-park-us", p));
        }
        binance(root, p);
        store(root, p);
        return tokenFile;
    }

    private void store(JsonNode root, String p) {
        JsonNode node = root.get("store");
        if (node != null && node.isObject() && node.has("password")) {
            throw new IllegalArgumentException(yaml.key(p + "store.password") + ": the store's password is never read from the config "
                    + "file; set " + StoreOptions.PASSWORD_ENV + " or name a file with store.password-file");
        }
        JsonNode store = yaml.section(root, "store", p, STORE);
        if (store == null) {
            return;
        }
        String q = p + "store.";
        if (store.has("url")) {
            String url = yaml.scalar(store, "url", q);
            StoreUri parsed;
            try {
                parsed = StoreUri.parse(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(yaml.key(q + "url") + ": " + e.getMessage());
            }
            if (parsed.kind() == StoreKind.DUCKDB && parsed.duckDbFile() != null) {
                url = "duckdb:" + yaml.besideFile(parsed.duckDbFile()); // relative to the file's folder, like journal.dir
            }
            b.store(yaml.key(q + "url"), url);
        }
        if (store.has("user")) {
            b.storeUser(yaml.key(q + "user"), yaml.scalar(store, "user", q));
        }
        if (store.has("password-file")) {
            b.storePasswordFile(yaml.key(q + "password-file"), yaml.besideFile(Path.of(yaml.scalar(store, "password-file", q))));
        }
        if (store.has("schema")) {
            b.storeSchema(yaml.key(q + "schema"), yaml.scalar(store, "schema", q));
        }
        if (store.has("batch-records")) {
            b.exportBatchRecords(yaml.key(q + "batch-records"), yaml.scalar(store, "batch-records", q));
        }
        if (store.has("batch-ms")) {
            b.exportBatchMillis(yaml.key(q + "batch-ms"), yaml.scalar(store, "batch-ms", q));
        }
        if (store.has("drain-ms")) {
            b.exportDrainMillis(yaml.key(q + "drain-ms"), yaml.scalar(store, "drain-ms", q));
        }
    }

    /**
     * Every setting this reader knows, dotted ({@code paper.fee-bps}); per-symbol and per-strategy
     * settings under {@code instruments.*} and {@code strategies.*}.
     */
    static List<String> settingNames() {
        List<String> out = new ArrayList<>();
        for (String k : ROOT) {
            Set<String> sub = switch (k) {
                case "journal" -> JOURNAL;
                case "marketdata" -> MarketDataSettings.KEYS;
                case "paper" -> PAPER;
                case "risk" -> RISK;
                case "instruments" -> INSTRUMENT;
                case "strategies" -> STRATEGY;
                case "metrics" -> METRICS;
                case "admin" -> ADMIN;
                case "binance" -> BINANCE;
                case "store" -> STORE;
                default -> null;
            };
            if (sub == null) {
                out.add(k);
                continue;
            }
            String prefix = k.equals("instruments") || k.equals("strategies") ? k + ".*." : k + ".";
            for (String s : sub) {
                out.add(prefix + s);
            }
        }
        out.sort(null);
        return out;
    }

    private void binance(JsonNode root, String p) {
        JsonNode node = root.get("binance");
        if (node != null && node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (SECRET_KEYS.contains(k)) {
                    throw new IllegalArgumentException(yaml.key(p + "binance." + k) + ": Binance credentials are never read from the config "
                            + "file; set BINANCE_API_KEY and BINANCE_API_SECRET or name a file with binance.credentials-file");
                }
            }
        }
        JsonNode binance = yaml.section(root, "binance", p, BINANCE);
        if (binance == null) {
            return;
        }
        String q = p + "binance.";
        if (binance.has("endpoint")) {
            b.binanceEndpoint(yaml.key(q + "endpoint"), yaml.scalar(binance, "endpoint", q));
        }
        if (binance.has("credentials-file")) {
            b.binanceCredentialsFile(yaml.key(q + "credentials-file"), yaml.besideFile(Path.of(yaml.scalar(binance, "credentials-file", q))));
        }
        if (binance.has("recv-window-ms")) {
            b.binanceRecvWindowMillis(yaml.key(q + "recv-window-ms"), yaml.scalar(binance, "recv-window-ms", q));
        }
        if (binance.has("poll-interval-ms")) {
            b.binancePollIntervalMillis(yaml.key(q + "poll-interval-ms"), yaml.scalar(binance, "poll-interval-ms", q));
        }
        if (binance.has("foreign-orders")) {
            b.binanceForeignOrders(yaml.key(q + "foreign-orders"), yaml.scalar(binance, "foreign-orders", q));
        }
        if (binance.has("reconcile-timeout-ms")) {
            b.binanceReconcileTimeoutMillis(yaml.key(q + "reconcile-timeout-ms"), yaml.scalar(binance, "reconcile-timeout-ms", q));
        }
    }

    private void instruments(JsonNode root, String p) {
        if (!root.has("instruments")) {
            return;
        }
        JsonNode node = root.get("instruments");
        String q = p + "instruments";
        if (node.isArray()) {
            for (JsonNode s : node) {
                if (!s.isValueNode()) {
                    throw new IllegalArgumentException(yaml.key(q) + ": a list of instruments holds symbols, like [BTCUSDT, ETHUSDT]");
                }
                b.instrument(yaml.key(q), s.asText());
            }
            return;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(yaml.key(q) + ": must map symbols to their limits, or list symbols");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String symbol = e.getKey();
            String r = q + "." + symbol;
            b.instrument(yaml.key(r), symbol);
            JsonNode limits = e.getValue();
            if (limits.isNull()) {
                continue;
            }
            if (!limits.isObject()) {
                throw new IllegalArgumentException(yaml.key(r) + ": must be a mapping of limits (or empty)");
            }
            yaml.checkKeys(limits, r + ".", INSTRUMENT);
            if (limits.has("max-order-qty")) {
                b.maxOrderQty(yaml.key(r + ".max-order-qty"), symbol, yaml.scalar(limits, "max-order-qty", r + "."));
            }
            if (limits.has("max-position")) {
                b.maxPosition(yaml.key(r + ".max-position"), symbol, yaml.scalar(limits, "max-position", r + "."));
            }
            if (limits.has("collar-bps")) {
                b.collarBps(yaml.key(r + ".collar-bps"), symbol, yaml.scalar(limits, "collar-bps", r + "."));
            }
        }
    }

    private void strategies(JsonNode root, String p) {
        if (!root.has("strategies")) {
            return;
        }
        JsonNode node = root.get("strategies");
        String q = p + "strategies";
        if (node.isArray()) {
            for (JsonNode s : node) {
                if (!s.isValueNode()) {
                    throw new IllegalArgumentException(yaml.key(q) + ": a list of strategies holds names, like [alpha, beta]");
                }
                b.strategy(yaml.key(q), s.asText());
            }
            return;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(yaml.key(q) + ": must map strategy names to their limits, or list names");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String r = q + "." + name;
            b.strategy(yaml.key(r), name);
            JsonNode limits = e.getValue();
            if (limits.isNull()) {
                continue;
            }
            if (!limits.isObject()) {
                throw new IllegalArgumentException(yaml.key(r) + ": must be a mapping of limits (or empty)");
            }
            yaml.checkKeys(limits, r + ".", STRATEGY);
            String s = r + ".";
            if (limits.has("max-order-notional")) {
                b.maxOrderNotional(yaml.key(s + "max-order-notional"), name, yaml.scalar(limits, "max-order-notional", s));
            }
            if (limits.has("max-open-orders")) {
                b.strategyMaxOpenOrders(yaml.key(s + "max-open-orders"), name, yaml.scalar(limits, "max-open-orders", s));
            }
            if (limits.has("order-rate")) {
                b.strategyOrderRate(yaml.key(s + "order-rate"), name, yaml.scalar(limits, "order-rate", s));
            }
            if (limits.has("cancel-rate")) {
                b.strategyCancelRate(yaml.key(s + "cancel-rate"), name, yaml.scalar(limits, "cancel-rate", s));
            }
            if (limits.has("daily-loss-reduce-only")) {
                b.dailyLossReduceOnly(yaml.key(s + "daily-loss-reduce-only"), name, yaml.scalar(limits, "daily-loss-reduce-only", s));
            }
            if (limits.has("daily-loss-halt")) {
                b.dailyLossHalt(yaml.key(s + "daily-loss-halt"), name, yaml.scalar(limits, "daily-loss-halt", s));
            }
            if (limits.has("max-position")) {
                JsonNode positions = limits.get("max-position");
                if (!positions.isObject()) {
                    throw new IllegalArgumentException(yaml.key(s + "max-position") + ": must map symbols to quantities, like {BTCUSDT: 0.5}");
                }
                for (Iterator<Map.Entry<String, JsonNode>> pit = positions.fields(); pit.hasNext(); ) {
                    Map.Entry<String, JsonNode> pe = pit.next();
                    b.strategyMaxPosition(yaml.key(s + "max-position." + pe.getKey()), name, pe.getKey(),
                            yaml.scalar(positions, pe.getKey(), s + "max-position."));
                }
            }
        }
    }
}
