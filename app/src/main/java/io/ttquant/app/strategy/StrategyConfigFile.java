package io.ttquant.app.strategy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
 * Reads the strategy engine's YAML file ({@code ttquant strategy --config strategy.yaml}) into a
 * {@link StrategyEngineConfig.Builder}: the file's {@code strategy:} section when it has one (so one
 * file can hold every process's settings), else the whole file. Every key is known or refused with
 * its name; values reach the builder as text under their dotted key
 * ({@code strategy.yaml: strategies.alpha.cash.USDT}), so a bad value is reported where it was
 * written. Decimals keep the digits written (never read through a double). It never prints values.
 * {@code config/strategy.example.yaml} shows and explains every setting; an example:
 * <pre>
 * strategy:
 *   gateway: {orders: tcp://127.0.0.1:7101, executions: tcp://127.0.0.1:7102, state: tcp://127.0.0.1:7104, venue: paper}
 *   marketdata: {endpoint: tcp://127.0.0.1:5556, venue: binance, qty-scale: 8, kinds: [trade, quote, book, bar]}
 *   account: {taker-fee-bps: 10, market-buffer-bps: 200}
 *   callbacks: {budget-us: 1000, max-consecutive: 5, hard-limit-ms: 250}
 *   sync: {delay-ms: 200, timeout-ms: 2000}
 *   metrics: {port: 9103}
 *   instruments: {BTCUSDT: {tick-size: 0.01, step-size: 0.00001, min-notional: 5}}
 *   strategies:
 *     - id: alpha
 *       name: ema-cross
 *       params: {fast: 10, slow: 30, qty: 0.001}
 *       instruments: [BTCUSDT]
 *       cash: {USDT: 10000}
 *       limits: {max-order-notional: 2000, max-position: {BTCUSDT: 0.01}}
 * </pre>
 */
public final class StrategyConfigFile {
    private static final Set<String> ROOT = Set.of("gateway", "marketdata", "account", "callbacks", "sync", "metrics", "idle",
            "idle-park-us", "instruments", "strategies");
    private static final Set<String> GATEWAY = Set.of("orders", "executions", "state", "venue");
    private static final Set<String> MARKET_DATA = Set.of("endpoint", "venue", "qty-scale", "kinds");
    private static final Set<String> ACCOUNT = Set.of("taker-fee-bps", "market-buffer-bps");
    private static final Set<String> CALLBACKS = Set.of("budget-us", "max-consecutive", "hard-limit-ms");
    private static final Set<String> SYNC = Set.of("delay-ms", "timeout-ms");
    private static final Set<String> METRICS = Set.of("port");
    private static final Set<String> RULES = Set.of("tick-size", "step-size", "min-notional");
    private static final Set<String> STRATEGY = Set.of("id", "name", "class", "params", "instruments", "cash", "limits");
    private static final Set<String> LIMITS = Set.of("max-order-notional", "max-position");

    private final String fileName;
    private final Path file;
    private final StrategyEngineConfig.Builder b;

    private StrategyConfigFile(Path file, StrategyEngineConfig.Builder builder) {
        this.file = file;
        this.fileName = String.valueOf(file.getFileName());
        this.b = builder;
    }

    /**
     * Applies the settings of {@code file} to {@code builder}.
     *
     * @throws IllegalArgumentException one line naming the file and the key (or the YAML position) at fault
     */
    public static void read(Path file, StrategyEngineConfig.Builder builder) {
        new StrategyConfigFile(file, builder).read();
    }

    private void read() {
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
            return;
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(fileName + ": the file must hold a mapping of settings");
        }
        String p = "";
        if (root.has("strategy")) {
            root = root.get("strategy");
            p = "strategy.";
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException(key("strategy") + ": must be a mapping of settings");
            }
        }
        checkKeys(root, p, ROOT);
        JsonNode gateway = section(root, "gateway", p, GATEWAY);
        if (gateway != null) {
            String q = p + "gateway.";
            if (gateway.has("orders")) {
                b.ordersEndpoint(key(q + "orders"), scalar(gateway, "orders", q));
            }
            if (gateway.has("executions")) {
                b.executionsEndpoint(key(q + "executions"), scalar(gateway, "executions", q));
            }
            if (gateway.has("state")) {
                b.stateEndpoint(key(q + "state"), scalar(gateway, "state", q));
            }
            if (gateway.has("venue")) {
                b.venue(key(q + "venue"), scalar(gateway, "venue", q));
            }
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
        JsonNode account = section(root, "account", p, ACCOUNT);
        if (account != null) {
            String q = p + "account.";
            if (account.has("taker-fee-bps")) {
                b.takerFeeBps(key(q + "taker-fee-bps"), scalar(account, "taker-fee-bps", q));
            }
            if (account.has("market-buffer-bps")) {
                b.marketBufferBps(key(q + "market-buffer-bps"), scalar(account, "market-buffer-bps", q));
            }
        }
        JsonNode callbacks = section(root, "callbacks", p, CALLBACKS);
        if (callbacks != null) {
            String q = p + "callbacks.";
            if (callbacks.has("budget-us")) {
                b.callbackBudgetMicros(key(q + "budget-us"), scalar(callbacks, "budget-us", q));
            }
            if (callbacks.has("max-consecutive")) {
                b.callbackMaxConsecutive(key(q + "max-consecutive"), scalar(callbacks, "max-consecutive", q));
            }
            if (callbacks.has("hard-limit-ms")) {
                b.callbackHardLimitMillis(key(q + "hard-limit-ms"), scalar(callbacks, "hard-limit-ms", q));
            }
        }
        JsonNode sync = section(root, "sync", p, SYNC);
        if (sync != null) {
            String q = p + "sync.";
            if (sync.has("delay-ms")) {
                b.syncDelayMillis(key(q + "delay-ms"), scalar(sync, "delay-ms", q));
            }
            if (sync.has("timeout-ms")) {
                b.syncTimeoutMillis(key(q + "timeout-ms"), scalar(sync, "timeout-ms", q));
            }
        }
        JsonNode metrics = section(root, "metrics", p, METRICS);
        if (metrics != null && metrics.has("port")) {
            b.metricsPort(key(p + "metrics.port"), scalar(metrics, "port", p + "metrics."));
        }
        if (root.has("idle")) {
            b.idle(key(p + "idle"), scalar(root, "idle", p));
        }
        if (root.has("idle-park-us")) {
            b.idleParkMicros(key(p + "idle-park-us"), scalar(root, "idle-park-us", p));
        }
        JsonNode instruments = section(root, "instruments", p, null);
        if (instruments != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = instruments.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                rules(p + "instruments." + e.getKey(), e.getKey(), e.getValue());
            }
        }
        strategies(root, p);
    }

    private void rules(String r, String symbol, JsonNode rules) {
        if (rules == null || rules.isNull()) {
            b.instrumentRules(key(r), symbol, null, null, null);
            return;
        }
        if (!rules.isObject()) {
            throw new IllegalArgumentException(key(r) + ": must be a mapping of rules (tick-size, step-size, min-notional), or empty");
        }
        checkKeys(rules, r + ".", RULES);
        String q = r + ".";
        b.instrumentRules(key(r), symbol, rules.has("tick-size") ? scalar(rules, "tick-size", q) : null,
                rules.has("step-size") ? scalar(rules, "step-size", q) : null,
                rules.has("min-notional") ? scalar(rules, "min-notional", q) : null);
    }

    private void strategies(JsonNode root, String p) {
        if (!root.has("strategies") || root.get("strategies").isNull()) {
            return;
        }
        JsonNode node = root.get("strategies");
        if (!node.isArray()) {
            throw new IllegalArgumentException(key(p + "strategies") + ": must be a list of strategies, each with id, name (or class), "
                    + "instruments and cash");
        }
        int n = 0;
        for (JsonNode s : node) {
            String at = p + "strategies[" + n++ + "]";
            if (!s.isObject()) {
                throw new IllegalArgumentException(key(at) + ": must be a mapping with id, name (or class), instruments and cash");
            }
            checkKeys(s, at + ".", STRATEGY);
            if (!s.has("id")) {
                throw new IllegalArgumentException(key(at + ".id") + ": every strategy needs an id (its name at the gateway)");
            }
            String id = scalar(s, "id", at + ".");
            String q = p + "strategies." + id;
            try {
                b.strategy(key(q), id);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key(at + ".id") + e.getMessage().substring(key(q).length()));
            }
            if (s.has("name") && s.has("class")) {
                throw new IllegalArgumentException(key(q + ".class") + ": give a built-in name or a class, not both");
            }
            if (s.has("name")) {
                b.strategyName(key(q + ".name"), id, scalar(s, "name", q + "."));
            }
            if (s.has("class")) {
                b.strategyClass(key(q + ".class"), id, scalar(s, "class", q + "."));
            }
            JsonNode params = s.get("params");
            if (params != null && !params.isNull()) {
                if (!params.isObject()) {
                    throw new IllegalArgumentException(key(q + ".params") + ": must map parameter names to values, like {fast: 10}");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    b.strategyParam(key(q + ".params." + e.getKey()), id, e.getKey(), scalar(params, e.getKey(), q + ".params."));
                }
            }
            JsonNode instruments = s.get("instruments");
            if (instruments != null && !instruments.isNull()) {
                String r = q + ".instruments";
                if (instruments.isArray()) {
                    for (JsonNode sym : instruments) {
                        if (!sym.isValueNode()) {
                            throw new IllegalArgumentException(key(r) + ": a list of instruments holds symbols, like [BTCUSDT]");
                        }
                        b.strategySymbol(key(r), id, sym.asText());
                    }
                } else if (instruments.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = instruments.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        b.strategySymbol(key(r), id, e.getKey());
                        if (e.getValue() != null && !e.getValue().isNull()) {
                            rules(r + "." + e.getKey(), e.getKey(), e.getValue());
                        }
                    }
                } else {
                    b.strategySymbol(key(r), id, scalar(s, "instruments", q + "."));
                }
            }
            JsonNode cash = s.get("cash");
            if (cash != null && !cash.isNull()) {
                if (!cash.isObject()) {
                    throw new IllegalArgumentException(key(q + ".cash") + ": must map assets to amounts, like {USDT: 10000}");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = cash.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    b.strategyCash(key(q + ".cash." + e.getKey()), id, e.getKey(), scalar(cash, e.getKey(), q + ".cash."));
                }
            }
            JsonNode limits = s.get("limits");
            if (limits != null && !limits.isNull()) {
                if (!limits.isObject()) {
                    throw new IllegalArgumentException(key(q + ".limits") + ": must be a mapping of limits");
                }
                checkKeys(limits, q + ".limits.", LIMITS);
                if (limits.has("max-order-notional")) {
                    b.strategyMaxOrderNotional(key(q + ".limits.max-order-notional"), id,
                            scalar(limits, "max-order-notional", q + ".limits."));
                }
                JsonNode positions = limits.get("max-position");
                if (positions != null && !positions.isNull()) {
                    if (!positions.isObject()) {
                        throw new IllegalArgumentException(key(q + ".limits.max-position") + ": must map symbols to quantities, like "
                                + "{BTCUSDT: 0.5}");
                    }
                    for (Iterator<Map.Entry<String, JsonNode>> it = positions.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        b.strategyMaxPosition(key(q + ".limits.max-position." + e.getKey()), id, e.getKey(),
                                scalar(positions, e.getKey(), q + ".limits.max-position."));
                    }
                }
            }
        }
    }

    /** Every setting this reader knows, dotted; per-symbol and per-strategy ones under {@code instruments.*} and {@code strategies[].*}. */
    static List<String> settingNames() {
        List<String> out = new ArrayList<>();
        for (String k : ROOT) {
            Set<String> sub = switch (k) {
                case "gateway" -> GATEWAY;
                case "marketdata" -> MARKET_DATA;
                case "account" -> ACCOUNT;
                case "callbacks" -> CALLBACKS;
                case "sync" -> SYNC;
                case "metrics" -> METRICS;
                case "instruments" -> RULES;
                case "strategies" -> STRATEGY;
                default -> null;
            };
            if (sub == null) {
                out.add(k);
                continue;
            }
            String prefix = k.equals("instruments") ? k + ".*." : k.equals("strategies") ? k + "[]." : k + ".";
            for (String s : sub) {
                out.add(prefix + s);
            }
        }
        for (String s : LIMITS) {
            out.add("strategies[].limits." + s);
        }
        out.sort(null);
        return out;
    }

    private JsonNode section(JsonNode root, String name, String p, Set<String> known) {
        if (!root.has(name) || root.get(name).isNull()) {
            return null;
        }
        JsonNode node = root.get(name);
        if (!node.isObject()) {
            throw new IllegalArgumentException(key(p + name) + ": must be a mapping of settings");
        }
        if (known != null) {
            checkKeys(node, p + name + ".", known);
        }
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
