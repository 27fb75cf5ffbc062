package io.ttquant.app.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ttquant.app.config.MarketDataSettings;
import io.ttquant.app.config.YamlConfigFile;
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
    private static final Set<String> ACCOUNT = Set.of("taker-fee-bps", "market-buffer-bps");
    private static final Set<String> CALLBACKS = Set.of("budget-us", "max-consecutive", "hard-limit-ms");
    private static final Set<String> SYNC = Set.of("delay-ms", "timeout-ms");
    private static final Set<String> METRICS = Set.of("port");
    private static final Set<String> RULES = Set.of("tick-size", "step-size", "min-notional");
    private static final Set<String> STRATEGY = Set.of("id", "name", "class", "params", "instruments", "cash", "limits");
    private static final Set<String> LIMITS = Set.of("max-order-notional", "max-position");

    private final YamlConfigFile yaml;
    private final StrategyEngineConfig.Builder b;

    private StrategyConfigFile(Path file, StrategyEngineConfig.Builder builder) {
        this.yaml = new YamlConfigFile(file);
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
        JsonNode root = yaml.readRoot();
        if (root == null) {
            return;
        }
        String p = "";
        if (root.has("strategy")) {
            root = root.get("strategy");
            p = "strategy.";
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException(yaml.key("strategy") + ": must be a mapping of settings");
            }
        }
        yaml.checkKeys(root, p, ROOT);
        JsonNode gateway = yaml.section(root, "gateway", p, GATEWAY);
        if (gateway != null) {
            String q = p + "gateway.";
            if (gateway.has("orders")) {
                b.ordersEndpoint(yaml.key(q + "orders"), yaml.scalar(gateway, "orders", q));
            }
            if (gateway.has("executions")) {
                b.executionsEndpoint(yaml.key(q + "executions"), yaml.scalar(gateway, "executions", q));
            }
            if (gateway.has("state")) {
                b.stateEndpoint(yaml.key(q + "state"), yaml.scalar(gateway, "state", q));
            }
            if (gateway.has("venue")) {
                b.venue(yaml.key(q + "venue"), yaml.scalar(gateway, "venue", q));
            }
        }
        MarketDataSettings.read(yaml, root, p, b);
        JsonNode account = yaml.section(root, "account", p, ACCOUNT);
        if (account != null) {
            String q = p + "account.";
            if (account.has("taker-fee-bps")) {
                b.takerFeeBps(yaml.key(q + "taker-fee-bps"), yaml.scalar(account, "taker-fee-bps", q));
            }
            if (account.has("market-buffer-bps")) {
                b.marketBufferBps(yaml.key(q + "market-buffer-bps"), yaml.scalar(account, "market-buffer-bps", q));
            }
        }
        JsonNode callbacks = yaml.section(root, "callbacks", p, CALLBACKS);
        if (callbacks != null) {
            String q = p + "callbacks.";
            if (callbacks.has("budget-us")) {
                b.callbackBudgetMicros(yaml.key(q + "budget-us"), yaml.scalar(callbacks, "budget-us", q));
            }
            if (callbacks.has("max-consecutive")) {
                b.callbackMaxConsecutive(yaml.key(q + "max-consecutive"), yaml.scalar(callbacks, "max-consecutive", q));
            }
            if (callbacks.has("hard-limit-ms")) {
                b.callbackHardLimitMillis(yaml.key(q + "hard-limit-ms"), yaml.scalar(callbacks, "hard-limit-ms", q));
            }
        }
        JsonNode sync = yaml.section(root, "sync", p, SYNC);
        if (sync != null) {
            String q = p + "sync.";
            if (sync.has("delay-ms")) {
                b.syncDelayMillis(yaml.key(q + "delay-ms"), yaml.scalar(sync, "delay-ms", q));
            }
            if (sync.has("timeout-ms")) {
                b.syncTimeoutMillis(yaml.key(q + "timeout-ms"), yaml.scalar(sync, "timeout-ms", q));
            }
        }
        JsonNode metrics = yaml.section(root, "metrics", p, METRICS);
        if (metrics != null && metrics.has("port")) {
            b.metricsPort(yaml.key(p + "metrics.port"), yaml.scalar(metrics, "port", p + "metrics."));
        }
        if (root.has("idle")) {
            b.idle(yaml.key(p + "idle"), yaml.scalar(root, "idle", p));
        }
        if (root.has("idle-park-us")) {
            b.idleParkMicros(yaml.key(p + "idle-park-us"), yaml.scalar(root, "idle-park-us", p));
        }
        JsonNode instruments = yaml.section(root, "instruments", p, null);
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
            b.instrumentRules(yaml.key(r), symbol, null, null, null);
            return;
        }
        if (!rules.isObject()) {
            throw new IllegalArgumentException(yaml.key(r) + ": must be a mapping of rules (tick-size, step-size, min-notional), or empty");
        }
        yaml.checkKeys(rules, r + ".", RULES);
        String q = r + ".";
        b.instrumentRules(yaml.key(r), symbol, rules.has("tick-size") ? yaml.scalar(rules, "tick-size", q) : null,
                rules.has("step-size") ? yaml.scalar(rules, "step-size", q) : null,
                rules.has("min-notional") ? yaml.scalar(rules, "min-notional", q) : null);
    }

    private void strategies(JsonNode root, String p) {
        if (!root.has("strategies") || root.get("strategies").isNull()) {
            return;
        }
        JsonNode node = root.get("strategies");
        if (!node.isArray()) {
            throw new IllegalArgumentException(yaml.key(p + "strategies") + ": must be a list of strategies, each with id, name (or class), "
                    + "instruments and cash");
        }
        int n = 0;
        for (JsonNode s : node) {
            String at = p + "strategies[" + n++ + "]";
            if (!s.isObject()) {
                throw new IllegalArgumentException(yaml.key(at) + ": must be a mapping with id, name (or class), instruments and cash");
            }
            yaml.checkKeys(s, at + ".", STRATEGY);
            if (!s.has("id")) {
                throw new IllegalArgumentException(yaml.key(at + ".id") + ": every strategy needs an id (its name at the gateway)");
            }
            String id = yaml.scalar(s, "id", at + ".");
            String q = p + "strategies." + id;
            try {
                b.strategy(yaml.key(q), id);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(yaml.key(at + ".id") + e.getMessage().substring(yaml.key(q).length()));
            }
            if (s.has("name") && s.has("class")) {
                throw new IllegalArgumentException(yaml.key(q + ".class") + ": give a built-in name or a class, not both");
            }
            if (s.has("name")) {
                b.strategyName(yaml.key(q + ".name"), id, yaml.scalar(s, "name", q + "."));
            }
            if (s.has("class")) {
                b.strategyClass(yaml.key(q + ".class"), id, yaml.scalar(s, "class", q + "."));
            }
            JsonNode params = s.get("params");
            if (params != null && !params.isNull()) {
                if (!params.isObject()) {
                    throw new IllegalArgumentException(yaml.key(q + ".params") + ": must map parameter names to values, like {fast: 10}");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    b.strategyParam(yaml.key(q + ".params." + e.getKey()), id, e.getKey(), yaml.scalar(params, e.getKey(), q + ".params."));
                }
            }
            JsonNode instruments = s.get("instruments");
            if (instruments != null && !instruments.isNull()) {
                String r = q + ".instruments";
                if (instruments.isArray()) {
                    for (JsonNode sym : instruments) {
                        if (!sym.isValueNode()) {
                            throw new IllegalArgumentException(yaml.key(r) + ": a list of instruments holds symbols, like [BTCUSDT]");
                        }
                        b.strategySymbol(yaml.key(r), id, sym.asText());
                    }
                } else if (instruments.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = instruments.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        b.strategySymbol(yaml.key(r), id, e.getKey());
                        if (e.getValue() != null && !e.getValue().isNull()) {
                            rules(r + "." + e.getKey(), e.getKey(), e.getValue());
                        }
                    }
                } else {
                    b.strategySymbol(yaml.key(r), id, yaml.scalar(s, "instruments", q + "."));
                }
            }
            JsonNode cash = s.get("cash");
            if (cash != null && !cash.isNull()) {
                if (!cash.isObject()) {
                    throw new IllegalArgumentException(yaml.key(q + ".cash") + ": must map assets to amounts, like {USDT: 10000}");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = cash.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    b.strategyCash(yaml.key(q + ".cash." + e.getKey()), id, e.getKey(), yaml.scalar(cash, e.getKey(), q + ".cash."));
                }
            }
            JsonNode limits = s.get("limits");
            if (limits != null && !limits.isNull()) {
                if (!limits.isObject()) {
                    throw new IllegalArgumentException(yaml.key(q + ".limits") + ": must be a mapping of limits");
                }
                yaml.checkKeys(limits, q + ".limits.", LIMITS);
                if (limits.has("max-order-notional")) {
                    b.strategyMaxOrderNotional(yaml.key(q + ".limits.max-order-notional"), id,
                            yaml.scalar(limits, "max-order-notional", q + ".limits."));
                }
                JsonNode positions = limits.get("max-position");
                if (positions != null && !positions.isNull()) {
                    if (!positions.isObject()) {
                        throw new IllegalArgumentException(yaml.key(q + ".limits.max-position") + ": must map symbols to quantities, like "
                                + "{BTCUSDT: 0.5}");
                    }
                    for (Iterator<Map.Entry<String, JsonNode>> it = positions.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        b.strategyMaxPosition(yaml.key(q + ".limits.max-position." + e.getKey()), id, e.getKey(),
                                yaml.scalar(positions, e.getKey(), q + ".limits.max-position."));
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
                case "marketdata" -> MarketDataSettings.KEYS;
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
}
