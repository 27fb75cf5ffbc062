package io.ttquant.app.gateway;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ttquant.app.store.StoreOptions;
import io.ttquant.app.store.StoreUri;
import io.ttquant.store.StoreKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
    private static final Set<String> MARKET_DATA = Set.of("endpoint", "venue", "qty-scale", "kinds");
    private static final Set<String> PAPER = Set.of("fee-bps", "maker-fee-bps", "taker-fee-bps", "slippage-bps",
            "slippage-ticks", "latency-ms", "latency-jitter-ms", "seed", "limit-fill", "queue-position");
    private static final Set<String> RISK = Set.of("max-open-orders", "order-rate", "cancel-rate", "duplicate-window-ms",
            "reject-without-reference");
    private static final Set<String> INSTRUMENT = Set.of("max-order-qty", "max-position", "collar-bps");
    private static final Set<String> STRATEGY = Set.of("max-order-notional", "max-open-orders", "order-rate", "cancel-rate",
            "daily-loss-reduce-only", "daily-loss-halt", "max-position");
    private static final Set<String> METRICS = Set.of("port");
    private static final Set<String> ADMIN = Set.of("port", "token-file");

    private final String fileName;
    private final Path file;
    private final GatewayConfig.Builder b;

    private GatewayConfigFile(Path file, GatewayConfig.Builder builder) {
        this.file = file;
        this.fileName = String.valueOf(file.getFileName());
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
        JsonNode root;
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
            root = yaml.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--config: no such file: " + file);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new IllegalArgumentException(fileName + ": not valid YAML" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new IllegalArgumentException("--config: cannot read " + file + ": " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return null;
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(fileName + ": the file must hold a mapping of settings");
        }
        String prefix = "";
        if (root.has("gateway")) {
            root = root.get("gateway");
            prefix = "gateway.";
            if (!root.isObject()) {
                throw new IllegalArgumentException(key("gateway") + ": must be a mapping of settings");
            }
        }
        return apply(root, prefix);
    }

    private Path apply(JsonNode root, String p) {
        checkKeys(root, p, ROOT);
        if (root.has("admin") && root.get("admin").has("token")) {
            throw new IllegalArgumentException(key(p + "admin.token") + ": the admin token is never read from the config file; "
                    + "set " + GatewayConfig.ADMIN_TOKEN_ENV + " or name a file with admin.token-file or --admin-token-file");
        }
        if (root.has("venue")) {
            b.venue(key(p + "venue"), scalar(root, "venue", p));
        }
        if (root.has("orders")) {
            b.ordersEndpoint(key(p + "orders"), scalar(root, "orders", p));
        }
        if (root.has("executions")) {
            b.executionsEndpoint(key(p + "executions"), scalar(root, "executions", p));
        }
        if (root.has("state")) {
            b.stateEndpoint(key(p + "state"), scalar(root, "state", p));
        }
        JsonNode md = section(root, "marketdata", p, MARKET_DATA);
        if (md != null) {
            String q = p + "marketdata.";
            if (md.has("endpoint")) {
                b.marketDataEndpoint(key(q + "endpoint"), scalar(md, "endpoint", q));
            }
            if (md.has("venue")) {
                b.marketDataVenue(key(q + "venue"), scalar(md, "venue", q));
            }
            if (md.has("qty-scale")) {
                b.qtyScale(key(q + "qty-scale"), scalar(md, "qty-scale", q));
            }
            if (md.has("kinds")) {
                b.marketDataKinds(key(q + "kinds"), list(md, "kinds", q));
            }
        }
        JsonNode paper = section(root, "paper", p, PAPER);
        if (paper != null) {
            String q = p + "paper.";
            // The general fee first, so that maker and taker fees given beside it override it.
            if (paper.has("fee-bps")) {
                b.feeBps(key(q + "fee-bps"), scalar(paper, "fee-bps", q));
            }
            if (paper.has("maker-fee-bps")) {
                b.makerFeeBps(key(q + "maker-fee-bps"), scalar(paper, "maker-fee-bps", q));
            }
            if (paper.has("taker-fee-bps")) {
                b.takerFeeBps(key(q + "taker-fee-bps"), scalar(paper, "taker-fee-bps", q));
            }
            if (paper.has("slippage-bps") && paper.has("slippage-ticks")) {
                throw new IllegalArgumentException(key(q + "slippage-ticks") + ": give slippage in bps or in ticks, not both");
            }
            if (paper.has("slippage-bps")) {
                b.slippageBps(key(q + "slippage-bps"), scalar(paper, "slippage-bps", q));
            }
            if (paper.has("slippage-ticks")) {
                b.slippageTicks(key(q + "slippage-ticks"), scalar(paper, "slippage-ticks", q));
            }
            if (paper.has("latency-ms")) {
                b.latencyMillis(key(q + "latency-ms"), scalar(paper, "latency-ms", q));
            }
            if (paper.has("latency-jitter-ms")) {
                b.latencyJitterMillis(key(q + "latency-jitter-ms"), scalar(paper, "latency-jitter-ms", q));
            }
            if (paper.has("seed")) {
                b.seed(key(q + "seed"), scalar(paper, "seed", q));
            }
            if (paper.has("limit-fill")) {
                b.limitFill(key(q + "limit-fill"), scalar(paper, "limit-fill", q));
            }
            if (paper.has("queue-position")) {
                b.queuePosition(key(q + "queue-position"), scalar(paper, "queue-position", q));
            }
        }
        JsonNode risk = section(root, "risk", p, RISK);
        if (risk != null) {
            String q = p + "risk.";
            if (risk.has("max-open-orders")) {
                b.maxOpenOrders(key(q + "max-open-orders"), scalar(risk, "max-open-orders", q));
            }
            if (risk.has("order-rate")) {
                b.globalOrderRate(key(q + "order-rate"), scalar(risk, "order-rate", q));
            }
            if (risk.has("cancel-rate")) {
                b.globalCancelRate(key(q + "cancel-rate"), scalar(risk, "cancel-rate", q));
            }
            if (risk.has("duplicate-window-ms")) {
                b.duplicateWindowMillis(key(q + "duplicate-window-ms"), scalar(risk, "duplicate-window-ms", q));
            }
            if (risk.has("reject-without-reference")) {
                b.rejectWithoutReference(key(q + "reject-without-reference"), scalar(risk, "reject-without-reference", q));
            }
        }
        instruments(root, p);
        strategies(root, p);
        JsonNode metrics = section(root, "metrics", p, METRICS);
        if (metrics != null && metrics.has("port")) {
            b.metricsPort(key(p + "metrics.port"), scalar(metrics, "port", p + "metrics."));
        }
        Path tokenFile = null;
        JsonNode admin = section(root, "admin", p, ADMIN);
        if (admin != null) {
            if (admin.has("port")) {
                b.adminPort(key(p + "admin.port"), scalar(admin, "port", p + "admin."));
            }
            if (admin.has("token-file")) {
                tokenFile = besideFile(Path.of(scalar(admin, "token-file", p + "admin.")));
            }
        }
        if (root.has("idle")) {
            b.idle(key(p + "idle"), scalar(root, "idle", p));
        }
        JsonNode journal = section(root, "journal", p, JOURNAL);
        if (journal != null) {
            String jp = p + "journal.";
            if (journal.has("dir")) {
                // Relative to the file's folder, like the admin token file.
                b.journalDir(key(jp + "dir"), scalar(journal, "dir", jp));
                b.journalDir(besideFile(Path.of(scalar(journal, "dir", jp))));
            }
            if (journal.has("sync")) {
                b.journalSync(key(jp + "sync"), scalar(journal, "sync", jp));
            }
            if (journal.has("group-commit-records")) {
                b.journalGroupCommitRecords(key(jp + "group-commit-records"), scalar(journal, "group-commit-records", jp));
            }
            if (journal.has("group-commit-us")) {
                b.journalGroupCommitMicros(key(jp + "group-commit-us"), scalar(journal, "group-commit-us", jp));
            }
        }
        if (root.has("idle-park-us")) {
            b.idleParkMicros(key(p + "idle-park-us"), scalar(root, "idle-park-us", p));
        }
        binance(root, p);
        store(root, p);
        return tokenFile;
    }

    /** A path the file names: a relative one is relative to the file's folder, not to the working directory. */
    private Path besideFile(Path path) {
        Path dir = file.toAbsolutePath().getParent();
        return path.isAbsolute() || dir == null ? path : dir.resolve(path);
    }

    private void store(JsonNode root, String p) {
        JsonNode node = root.get("store");
        if (node != null && node.isObject() && node.has("password")) {
            throw new IllegalArgumentException(key(p + "store.password") + ": the store's password is never read from the config "
                    + "file; set " + StoreOptions.PASSWORD_ENV + " or name a file with store.password-file");
        }
        JsonNode store = section(root, "store", p, STORE);
        if (store == null) {
            return;
        }
        String q = p + "store.";
        if (store.has("url")) {
            String url = scalar(store, "url", q);
            StoreUri parsed;
            try {
                parsed = StoreUri.parse(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key(q + "url") + ": " + e.getMessage());
            }
            if (parsed.kind() == StoreKind.DUCKDB && parsed.duckDbFile() != null) {
                url = "duckdb:" + besideFile(parsed.duckDbFile()); // relative to the file's folder, like journal.dir
            }
            b.store(key(q + "url"), url);
        }
        if (store.has("user")) {
            b.storeUser(key(q + "user"), scalar(store, "user", q));
        }
        if (store.has("password-file")) {
            b.storePasswordFile(key(q + "password-file"), besideFile(Path.of(scalar(store, "password-file", q))));
        }
        if (store.has("schema")) {
            b.storeSchema(key(q + "schema"), scalar(store, "schema", q));
        }
        if (store.has("batch-records")) {
            b.exportBatchRecords(key(q + "batch-records"), scalar(store, "batch-records", q));
        }
        if (store.has("batch-ms")) {
            b.exportBatchMillis(key(q + "batch-ms"), scalar(store, "batch-ms", q));
        }
        if (store.has("drain-ms")) {
            b.exportDrainMillis(key(q + "drain-ms"), scalar(store, "drain-ms", q));
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
                case "marketdata" -> MARKET_DATA;
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
                    throw new IllegalArgumentException(key(p + "binance." + k) + ": Binance credentials are never read from the config "
                            + "file; set BINANCE_API_KEY and BINANCE_API_SECRET or name a file with binance.credentials-file");
                }
            }
        }
        JsonNode binance = section(root, "binance", p, BINANCE);
        if (binance == null) {
            return;
        }
        String q = p + "binance.";
        if (binance.has("endpoint")) {
            b.binanceEndpoint(key(q + "endpoint"), scalar(binance, "endpoint", q));
        }
        if (binance.has("credentials-file")) {
            b.binanceCredentialsFile(key(q + "credentials-file"), besideFile(Path.of(scalar(binance, "credentials-file", q))));
        }
        if (binance.has("recv-window-ms")) {
            b.binanceRecvWindowMillis(key(q + "recv-window-ms"), scalar(binance, "recv-window-ms", q));
        }
        if (binance.has("poll-interval-ms")) {
            b.binancePollIntervalMillis(key(q + "poll-interval-ms"), scalar(binance, "poll-interval-ms", q));
        }
        if (binance.has("foreign-orders")) {
            b.binanceForeignOrders(key(q + "foreign-orders"), scalar(binance, "foreign-orders", q));
        }
        if (binance.has("reconcile-timeout-ms")) {
            b.binanceReconcileTimeoutMillis(key(q + "reconcile-timeout-ms"), scalar(binance, "reconcile-timeout-ms", q));
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
                    throw new IllegalArgumentException(key(q) + ": a list of instruments holds symbols, like [BTCUSDT, ETHUSDT]");
                }
                b.instrument(key(q), s.asText());
            }
            return;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(key(q) + ": must map symbols to their limits, or list symbols");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String symbol = e.getKey();
            String r = q + "." + symbol;
            b.instrument(key(r), symbol);
            JsonNode limits = e.getValue();
            if (limits.isNull()) {
                continue;
            }
            if (!limits.isObject()) {
                throw new IllegalArgumentException(key(r) + ": must be a mapping of limits (or empty)");
            }
            checkKeys(limits, r + ".", INSTRUMENT);
            if (limits.has("max-order-qty")) {
                b.maxOrderQty(key(r + ".max-order-qty"), symbol, scalar(limits, "max-order-qty", r + "."));
            }
            if (limits.has("max-position")) {
                b.maxPosition(key(r + ".max-position"), symbol, scalar(limits, "max-position", r + "."));
            }
            if (limits.has("collar-bps")) {
                b.collarBps(key(r + ".collar-bps"), symbol, scalar(limits, "collar-bps", r + "."));
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
                    throw new IllegalArgumentException(key(q) + ": a list of strategies holds names, like [alpha, beta]");
                }
                b.strategy(key(q), s.asText());
            }
            return;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(key(q) + ": must map strategy names to their limits, or list names");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String r = q + "." + name;
            b.strategy(key(r), name);
            JsonNode limits = e.getValue();
            if (limits.isNull()) {
                continue;
            }
            if (!limits.isObject()) {
                throw new IllegalArgumentException(key(r) + ": must be a mapping of limits (or empty)");
            }
            checkKeys(limits, r + ".", STRATEGY);
            String s = r + ".";
            if (limits.has("max-order-notional")) {
                b.maxOrderNotional(key(s + "max-order-notional"), name, scalar(limits, "max-order-notional", s));
            }
            if (limits.has("max-open-orders")) {
                b.strategyMaxOpenOrders(key(s + "max-open-orders"), name, scalar(limits, "max-open-orders", s));
            }
            if (limits.has("order-rate")) {
                b.strategyOrderRate(key(s + "order-rate"), name, scalar(limits, "order-rate", s));
            }
            if (limits.has("cancel-rate")) {
                b.strategyCancelRate(key(s + "cancel-rate"), name, scalar(limits, "cancel-rate", s));
            }
            if (limits.has("daily-loss-reduce-only")) {
                b.dailyLossReduceOnly(key(s + "daily-loss-reduce-only"), name, scalar(limits, "daily-loss-reduce-only", s));
            }
            if (limits.has("daily-loss-halt")) {
                b.dailyLossHalt(key(s + "daily-loss-halt"), name, scalar(limits, "daily-loss-halt", s));
            }
            if (limits.has("max-position")) {
                JsonNode positions = limits.get("max-position");
                if (!positions.isObject()) {
                    throw new IllegalArgumentException(key(s + "max-position") + ": must map symbols to quantities, like {BTCUSDT: 0.5}");
                }
                for (Iterator<Map.Entry<String, JsonNode>> pit = positions.fields(); pit.hasNext(); ) {
                    Map.Entry<String, JsonNode> pe = pit.next();
                    b.strategyMaxPosition(key(s + "max-position." + pe.getKey()), name, pe.getKey(),
                            scalar(positions, pe.getKey(), s + "max-position."));
                }
            }
        }
    }

    private JsonNode section(JsonNode root, String name, String p, Set<String> known) {
        if (!root.has(name) || root.get(name).isNull()) {
            return null;
        }
        JsonNode node = root.get(name);
        if (!node.isObject()) {
            throw new IllegalArgumentException(key(p + name) + ": must be a mapping of settings");
        }
        checkKeys(node, p + name + ".", known);
        return node;
    }

    private void checkKeys(JsonNode node, String p, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                List<String> sorted = new ArrayList<>(known);
                sorted.sort(null);
                throw new IllegalArgumentException(key(p + k) + ": unknown setting (known here: " + String.join(", ", sorted) + ")");
            }
        }
    }

    /** The text of a scalar value; a mapping or a list where a value belongs is an error naming the key. */
    private String scalar(JsonNode parent, String name, String p) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(key(p + name) + ": a value is required");
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException(key(p + name) + ": must be a single value, not a " + (v.isArray() ? "list" : "mapping"));
        }
        return v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
    }

    private List<String> list(JsonNode parent, String name, String p) {
        JsonNode v = parent.get(name);
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode e : v) {
                if (!e.isValueNode()) {
                    throw new IllegalArgumentException(key(p + name) + ": must be a list of values");
                }
                out.add(e.asText());
            }
        } else if (v.isValueNode() && !v.isNull()) {
            for (String s : v.asText().split(",")) {
                out.add(s.trim());
            }
        } else {
            throw new IllegalArgumentException(key(p + name) + ": must be a list of values");
        }
        return out;
    }

    private String key(String dotted) {
        return fileName + ": " + dotted;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int eol = s.indexOf('\n');
        return (eol < 0 ? s : s.substring(0, eol)).strip();
    }
}
