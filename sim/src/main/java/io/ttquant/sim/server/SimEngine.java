package io.ttquant.sim.server;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.sim.market.Account;
import io.ttquant.sim.market.DepthDiff;
import io.ttquant.sim.market.DepthLevel;
import io.ttquant.sim.market.DepthSnapshot;
import io.ttquant.sim.market.ExecutionType;
import io.ttquant.sim.market.Kline;
import io.ttquant.sim.market.MarketListener;
import io.ttquant.sim.market.SimAggTrade;
import io.ttquant.sim.market.SimExchange;
import io.ttquant.sim.market.SimFill;
import io.ttquant.sim.market.SimOrder;
import io.ttquant.sim.market.SimTrade;
import io.ttquant.sim.market.SymbolMarket;
import io.ttquant.sim.market.UserListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The single engine thread and everything that runs on it: the {@link SimExchange}, the REST API,
 * the stream subscriptions, the listen keys, the rate limits, and the periodic duty cycle that
 * advances the synthetic market every tick, drains depth diffs every 100 ms into
 * {@code @depth@100ms} (and merges ten of them into {@code @depth}), pushes partial books and
 * klines, expires listen keys and runs the injected faults ({@link FaultInjector}). Real-time events ({@code @trade}, {@code @aggTrade},
 * {@code @bookTicker}, user data) are encoded in the exchange's listener callbacks.
 *
 * <p>Nothing here may be called from another thread except {@link #executor()}: I/O threads
 * submit tasks. Every task ends by flushing the connections it wrote to, and no task lets an
 * exception escape (a failing tick is logged and the next one runs).
 */
final class SimEngine implements MarketListener, UserListener {
    private static final System.Logger LOG = System.getLogger(SimEngine.class.getName());
    private static final int PARTIAL_DEPTH_MAX = 20;

    private final SimExchange exchange;
    private final SimServerConfig config;
    private final SimServerStats stats;
    private final DefaultEventExecutor executor;
    private final StreamHub hub;
    private final ListenKeys listenKeys;
    private final RateLimits limits;
    private final RestApi api;
    private final FaultInjector faults;
    private final JsonWriter w = new JsonWriter(64 * 1024);
    private final Map<String, SymbolStreams> streams = new HashMap<>();
    private ScheduledFuture<?> ticker;
    private long next100ms = Long.MIN_VALUE;
    private long nextSecond = Long.MIN_VALUE;
    private long nextKlinePush = Long.MIN_VALUE;

    SimEngine(SimExchange exchange, SimServerConfig config, SimServerStats stats) {
        this.exchange = exchange;
        this.config = config;
        this.stats = stats;
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "sim-engine");
            t.setDaemon(true);
            return t;
        };
        this.executor = new DefaultEventExecutor(tf);
        this.faults = new FaultInjector(1, config.weightPerMinute(), stats);
        this.hub = new StreamHub(config.wsMaxStreams(), faults, exchange::nowMillis);
        this.listenKeys = new ListenKeys(config.listenKeyValidityMillis());
        this.limits = new RateLimits(config.weightPerMinute(), config.ordersPer10s(), config.ordersPerDay(),
                config.rejectionsBeforeBan());
        this.api = new RestApi(exchange, config, limits, listenKeys, this::listenKeyClosed, stats, faults);
        for (SymbolMarket m : exchange.markets()) {
            streams.put(m.symbol(), new SymbolStreams(m));
        }
    }

    /** Registers the listeners and starts the duty cycle. Any thread. */
    void start() {
        executor.submit(() -> {
            exchange.addMarketListener(this);
            exchange.addUserListener(this);
            faults.apply(config.startFaults(), exchange.nowMillis(), hub);
        }).syncUninterruptibly();
        ticker = executor.scheduleAtFixedRate(this::tick, 0, config.tickMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the duty cycle and the engine thread. Any thread. */
    void stop() {
        if (ticker != null) {
            ticker.cancel(false);
        }
        executor.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    EventExecutor executor() {
        return executor;
    }

    int pendingTasks() {
        return executor.pendingTasks();
    }

    SimExchange exchange() {
        return exchange;
    }

    // ---- REST ----

    /** Answers one REST request, or the injected fault when a fault window is open. Engine thread; never throws. */
    void handleRest(RestExchange ex) {
        RestError fault = faults.restFault(exchange.nowMillis());
        if (fault != null) {
            ex.error(fault, w);
            addWeightHeader(ex);
        } else {
            api.handle(ex);
        }
        flush();
    }

    /**
     * Answers one {@code /admin/...} request (the token was checked by the I/O thread): never
     * charged against the rate limits and never faulted. Engine thread; never throws.
     */
    void handleAdmin(RestExchange ex) {
        try {
            long now = exchange.nowMillis();
            if (!ex.path.equals("/admin/faults")) {
                adminAnswer(ex, 404, "unknown admin path " + ex.path + "; use /admin/faults");
            } else {
                switch (ex.method) {
                    case "GET" -> {
                        faults.writeState(w, now);
                        ex.ok(w);
                    }
                    case "DELETE" -> {
                        faults.clear();
                        faults.writeState(w, now);
                        ex.ok(w);
                    }
                    case "POST", "PUT" -> {
                        FaultSpec spec = FaultSpec.parse(ex.rawBody.isEmpty() ? ex.rawQuery : ex.rawBody);
                        if (spec.error() != null) {
                            adminAnswer(ex, 400, spec.error());
                        } else {
                            faults.apply(spec, now, hub);
                            faults.writeState(w, now);
                            ex.ok(w);
                        }
                    }
                    default -> adminAnswer(ex, 405, "method " + ex.method + " not allowed; use GET, POST or DELETE");
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "bug answering " + ex.method + " " + ex.path, e);
            adminAnswer(ex, 500, "internal error: " + e);
        }
        flush();
    }

    private void adminAnswer(RestExchange ex, int status, String error) {
        ex.ok(w.reset().beginObject().field("error", error).endObject());
        ex.status = status;
    }

    /** Adds the weight header to an error answered by the transport itself (malformed HTTP, refused upgrade). */
    void addWeightHeader(RestExchange ex) {
        try {
            api.addWeightHeader(ex);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "bug adding the weight header", e);
        }
    }

    // ---- WebSocket connections ----

    /** True when every user-data stream among {@code wanted} names an active listen key. */
    boolean listenKeysActive(List<StreamName> wanted) {
        long now = exchange.nowMillis();
        for (StreamName s : wanted) {
            if (s.kind() == StreamName.Kind.USER_DATA && listenKeys.owner(s.name(), now) == null) {
                return false;
            }
        }
        return true;
    }

    /** A connection finished its handshake with the streams of its URL. */
    void open(WsConnection c, List<StreamName> initial) {
        try {
            if (c.isClosed()) {
                return;
            }
            hub.add(c);
            subscribe(c, initial);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "bug registering a WebSocket connection", e);
            c.close(WebSocketCloseStatus.INTERNAL_SERVER_ERROR, "Internal error");
        }
        flush();
    }

    void closed(WsConnection c) {
        hub.remove(c);
    }

    /** Executes one control message and answers it. */
    void command(WsConnection c, WsCommand cmd) {
        try {
            if (c.isClosed()) {
                return;
            }
            w.reset();
            if (cmd.isError()) {
                cmd.writeError(w);
            } else {
                switch (cmd.method) {
                    case SUBSCRIBE -> {
                        if (!listenKeysActive(cmd.streams)) {
                            WsCommand.error(2, "Invalid request: invalid stream", cmd.id).writeError(w);
                        } else if (!subscribe(c, cmd.streams)) {
                            WsCommand.error(2, "Invalid request: too many streams; at most "
                                    + config.wsMaxStreams() + " per connection", cmd.id).writeError(w);
                        } else {
                            answerNull(cmd);
                        }
                    }
                    case UNSUBSCRIBE -> {
                        hub.unsubscribe(c, cmd.streams);
                        answerNull(cmd);
                    }
                    case LIST_SUBSCRIPTIONS -> {
                        w.beginObject().name("result").beginArray();
                        for (String s : c.streams().keySet()) {
                            w.value(s);
                        }
                        w.endArray();
                        cmd.writeId(w);
                        w.endObject();
                    }
                    case SET_PROPERTY -> {
                        c.combined(cmd.propertyValue);
                        answerNull(cmd);
                    }
                    case GET_PROPERTY -> {
                        w.beginObject().name("result").value(c.combined());
                        cmd.writeId(w);
                        w.endObject();
                    }
                    default -> throw new IllegalStateException("unhandled " + cmd.method);
                }
            }
            hub.send(c, w.toBytes());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "bug answering a WebSocket message", e);
        }
        flush();
    }

    /** {@code {"result":null,"id":..}}: Binance's answer to a successful non-query request. */
    private void answerNull(WsCommand cmd) {
        w.beginObject().name("result").nullValue();
        cmd.writeId(w);
        w.endObject();
    }

    private boolean subscribe(WsConnection c, List<StreamName> list) {
        boolean ok = hub.subscribe(c, list);
        if (ok) {
            for (StreamName s : list) {
                if (s.kind() == StreamName.Kind.DEPTH_DIFF && s.speedMillis() == 1000) {
                    SymbolStreams ss = streams.get(s.symbol());
                    if (ss != null && !ss.depth1sActive) {
                        ss.depth1sActive = true;
                        ss.resetDepth1s();
                    }
                }
            }
        }
        return ok;
    }

    // ---- the duty cycle ----

    private void tick() {
        try {
            long now = exchange.nowMillis();
            exchange.advanceTo(now);
            now = exchange.nowMillis();
            if (now >= next100ms) {
                next100ms = now - Math.floorMod(now, 100) + 100;
                every100ms(now);
            }
            if (now >= nextSecond) {
                nextSecond = now - Math.floorMod(now, 1000) + 1000;
                everySecond(now);
            }
            if (now >= nextKlinePush) {
                nextKlinePush = now + config.klinePushMillis();
                pushKlines(now);
            }
            faults.tick(now, hub);
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "engine tick failed", t);
        }
        flush();
    }

    private void every100ms(long now) {
        for (SymbolStreams ss : streams.values()) {
            DepthDiff d = ss.market.drainDepthDiff(now);
            if (d != null) {
                if (hub.hasSubscribers(ss.depth100)) {
                    w.reset();
                    BinanceJson.depthUpdateEvent(w, ss.symbol, d.eventTime() + faults.clockSkewMillis(), d.firstUpdateId(), d.finalUpdateId(),
                            d.bids(), d.asks(), ss.instrument);
                    hub.publish(ss.depth100, w.toBytes());
                }
                if (ss.depth1sActive) {
                    ss.accumulate(d);
                }
            }
            publishPartialDepth(ss, true);
        }
        expireListenKeys(now);
    }

    private void everySecond(long now) {
        for (SymbolStreams ss : streams.values()) {
            if (ss.depth1sActive) {
                if (!hub.hasSubscribers(ss.depth1s)) {
                    ss.depth1sActive = false;
                    ss.resetDepth1s();
                } else if (ss.depth1sFirst > 0) {
                    w.reset();
                    BinanceJson.depthUpdateEvent(w, ss.symbol, now + faults.clockSkewMillis(), ss.depth1sFirst, ss.depth1sLast,
                            levels(ss.depth1sBids), levels(ss.depth1sAsks), ss.instrument);
                    hub.publish(ss.depth1s, w.toBytes());
                    ss.resetDepth1s();
                }
            }
            publishPartialDepth(ss, false);
        }
    }

    private static List<DepthLevel> levels(TreeMap<Long, Long> m) {
        List<DepthLevel> out = new ArrayList<>(m.size());
        for (Map.Entry<Long, Long> e : m.entrySet()) {
            out.add(new DepthLevel(e.getKey(), e.getValue()));
        }
        return out;
    }

    private void publishPartialDepth(SymbolStreams ss, boolean fast) {
        String[] names = fast ? ss.partial100 : ss.partial1s;
        DepthSnapshot snap = null;
        for (int i = 0; i < names.length; i++) {
            if (!hub.hasSubscribers(names[i])) {
                continue;
            }
            if (snap == null) {
                snap = ss.market.depth(PARTIAL_DEPTH_MAX);
            }
            w.reset();
            BinanceJson.partialDepth(w, snap.lastUpdateId(), snap.bids(), snap.asks(), SymbolStreams.LEVELS[i], ss.instrument);
            hub.publish(names[i], w.toBytes());
        }
    }

    private void pushKlines(long now) {
        for (SymbolStreams ss : streams.values()) {
            for (int i = 0; i < ss.klines.length; i++) {
                String name = ss.klines[i];
                if (!hub.hasSubscribers(name)) {
                    ss.lastKlineOpen[i] = Long.MIN_VALUE;
                    continue;
                }
                String interval = StreamName.KLINE_INTERVALS[i];
                Kline k = "1m".equals(interval) ? ss.market.currentKline1m() : last(ss.market.klines(interval, null, null, 1));
                if (k == null) {
                    continue;
                }
                long prevOpen = ss.lastKlineOpen[i];
                if (!"1m".equals(interval) && prevOpen != Long.MIN_VALUE && prevOpen < k.openTime()) {
                    // The previous candle closed since the last push: send its final state first.
                    Kline closed = last(ss.market.klines(interval, prevOpen, prevOpen, 1));
                    if (closed != null && closed.openTime() == prevOpen) {
                        w.reset();
                        BinanceJson.klineEvent(w, now + faults.clockSkewMillis(), ss.symbol, interval, closed, true, ss.instrument);
                        hub.publish(name, w.toBytes());
                    }
                }
                ss.lastKlineOpen[i] = k.openTime();
                w.reset();
                BinanceJson.klineEvent(w, now + faults.clockSkewMillis(), ss.symbol, interval, k, false, ss.instrument);
                hub.publish(name, w.toBytes());
            }
        }
    }

    private static Kline last(List<Kline> l) {
        return l.isEmpty() ? null : l.get(l.size() - 1);
    }

    private void expireListenKeys(long now) {
        for (String key : listenKeys.expire(now)) {
            if (hub.hasSubscribers(key)) {
                w.reset();
                BinanceJson.listenKeyExpired(w, key, now + faults.clockSkewMillis());
                hub.publish(key, w.toBytes());
            }
            dropUserStream(key);
        }
    }

    /** A listen key was closed by DELETE: its streams end without a listenKeyExpired event. */
    private void listenKeyClosed(String key) {
        dropUserStream(key);
    }

    private void dropUserStream(String key) {
        StreamName s = StreamName.parse(key);
        if (s == null) {
            return;
        }
        List<WsConnection> subs = new ArrayList<>(hub.subscribers(key));
        for (WsConnection c : subs) {
            hub.unsubscribe(c, List.of(s));
            if (c.streams().isEmpty()) {
                c.flush();
                c.close(WebSocketCloseStatus.NORMAL_CLOSURE, "listenKey expired");
            }
        }
    }

    private void flush() {
        hub.flushAll();
    }

    /** An event's time as clients see it: the exchange clock plus any injected skew. */
    private long eventNow() {
        return exchange.nowMillis() + faults.clockSkewMillis();
    }

    // ---- exchange listeners (engine thread, inside exchange calls) ----

    @Override
    public void onTrade(SymbolMarket market, SimTrade trade) {
        SymbolStreams ss = streams.get(market.symbol());
        if (ss != null && hub.hasSubscribers(ss.trade)) {
            w.reset();
            BinanceJson.tradeEvent(w, eventNow(), ss.symbol, trade, ss.instrument);
            hub.publish(ss.trade, w.toBytes());
        }
    }

    @Override
    public void onAggTrade(SymbolMarket market, SimAggTrade aggTrade) {
        SymbolStreams ss = streams.get(market.symbol());
        if (ss != null && hub.hasSubscribers(ss.aggTrade)) {
            w.reset();
            BinanceJson.aggTradeEvent(w, eventNow(), ss.symbol, aggTrade, ss.instrument);
            hub.publish(ss.aggTrade, w.toBytes());
        }
    }

    @Override
    public void onBookTicker(SymbolMarket market) {
        SymbolStreams ss = streams.get(market.symbol());
        if (ss != null && hub.hasSubscribers(ss.bookTicker)) {
            w.reset();
            BinanceJson.bookTickerEvent(w, market);
            hub.publish(ss.bookTicker, w.toBytes());
        }
    }

    @Override
    public void onKline1mClosed(SymbolMarket market, Kline kline) {
        SymbolStreams ss = streams.get(market.symbol());
        if (ss != null && hub.hasSubscribers(ss.kline1m)) {
            w.reset();
            BinanceJson.klineEvent(w, eventNow(), ss.symbol, "1m", kline, true, ss.instrument);
            hub.publish(ss.kline1m, w.toBytes());
        }
    }

    @Override
    public void onExecutionReport(Account account, SimOrder order, ExecutionType type, SimFill lastFill, long eventTime) {
        String key = listenKeys.keyOf(account.apiKey());
        if (key != null && hub.hasSubscribers(key)) {
            SymbolStreams ss = streams.get(order.symbol());
            w.reset();
            BinanceJson.executionReport(w, order, type, lastFill, eventTime + faults.clockSkewMillis(), ss.instrument);
            hub.publish(key, w.toBytes());
        }
    }

    @Override
    public void onAccountPosition(Account account, List<String> changedAssets, long eventTime) {
        String key = listenKeys.keyOf(account.apiKey());
        if (key != null && hub.hasSubscribers(key)) {
            w.reset();
            BinanceJson.accountPosition(w, account, account.balances(changedAssets), eventTime + faults.clockSkewMillis());
            hub.publish(key, w.toBytes());
        }
    }

    /** Pre-built stream names of one symbol and the state of its one-second depth stream. */
    private static final class SymbolStreams {
        static final int[] LEVELS = {5, 10, 20};

        final SymbolMarket market;
        final Instrument instrument;
        final String symbol;
        final String trade;
        final String aggTrade;
        final String bookTicker;
        final String depth100;
        final String depth1s;
        final String kline1m;
        final String[] partial100 = new String[LEVELS.length];
        final String[] partial1s = new String[LEVELS.length];
        final String[] klines = new String[StreamName.KLINE_INTERVALS.length];
        final long[] lastKlineOpen = new long[StreamName.KLINE_INTERVALS.length];
        boolean depth1sActive;
        long depth1sFirst;
        long depth1sLast;
        final TreeMap<Long, Long> depth1sBids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<Long, Long> depth1sAsks = new TreeMap<>();

        SymbolStreams(SymbolMarket m) {
            market = m;
            instrument = m.instrument();
            symbol = m.symbol();
            String s = symbol.toLowerCase(Locale.ROOT);
            trade = s + "@trade";
            aggTrade = s + "@aggTrade";
            bookTicker = s + "@bookTicker";
            depth100 = s + "@depth@100ms";
            depth1s = s + "@depth";
            kline1m = s + "@kline_1m";
            for (int i = 0; i < LEVELS.length; i++) {
                partial100[i] = s + "@depth" + LEVELS[i] + "@100ms";
                partial1s[i] = s + "@depth" + LEVELS[i];
            }
            for (int i = 0; i < klines.length; i++) {
                klines[i] = s + "@kline_" + StreamName.KLINE_INTERVALS[i];
                lastKlineOpen[i] = Long.MIN_VALUE;
            }
        }

        void accumulate(DepthDiff d) {
            if (depth1sFirst == 0) {
                depth1sFirst = d.firstUpdateId();
            }
            depth1sLast = d.finalUpdateId();
            for (DepthLevel l : d.bids()) {
                depth1sBids.put(l.price(), l.qty());
            }
            for (DepthLevel l : d.asks()) {
                depth1sAsks.put(l.price(), l.qty());
            }
        }

        void resetDepth1s() {
            depth1sFirst = 0;
            depth1sLast = 0;
            depth1sBids.clear();
            depth1sAsks.clear();
        }
    }
}
