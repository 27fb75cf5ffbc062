package io.ttquant.sim.server;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
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
 * advances the synthetic market every tick, drains depth diffs every depth interval (100 ms by
 * default) into {@code @depth@100ms} (and merges a second of them into {@code @depth}), pushes
 * partial books and klines, expires listen keys, closes connections at their maximum age (after
 * an optional {@code serverShutdown} notice) and runs the injected faults ({@link FaultInjector}).
 * Real-time events ({@code @trade}, {@code @aggTrade}, {@code @bookTicker}, user data) are encoded
 * in the exchange's listener callbacks, once each, into one reused writer.
 *
 * <p>A tick advances the market for at most {@link #flowBudgetNanos} of wall time: when the
 * configured flow intensity is more than the engine can run, the tick stops there, the backlog
 * older than {@link SimServerConfig#maxFlowLagMillis()} is skipped (and counted), and the
 * connections are flushed, so streams keep flowing and REST requests queued behind the tick are
 * served within about one tick.
 *
 * <p>Nothing here may be called from another thread except {@link #executor()}: I/O threads
 * submit tasks. Every task ends by flushing the connections it wrote to, and no task lets an
 * exception escape (a failing tick is logged and the next one runs).
 */
final class SimEngine implements MarketListener, UserListener {
    private static final System.Logger LOG = System.getLogger(SimEngine.class.getName());
    private static final int PARTIAL_DEPTH_MAX = 20;
    /** Participant actions run between two checks of the tick's time budget. */
    private static final int FLOW_CHUNK = 256;
    private static final long HOUSEKEEPING_MILLIS = 100;

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
    /** The combined-stream name Binance gives the {@code serverShutdown} event; no one subscribes to it. */
    private final StreamTopic shutdownTopic = new StreamTopic("!serverShutdown", true);
    private final long flowBudgetNanos;
    private final long depthInterval;
    private ScheduledFuture<?> ticker;
    private long nextDepth = Long.MIN_VALUE;
    private long nextSecond = Long.MIN_VALUE;
    private long nextKlinePush = Long.MIN_VALUE;
    private long nextHousekeeping = Long.MIN_VALUE;

    SimEngine(SimExchange exchange, SimServerConfig config, SimServerStats stats) {
        this.exchange = exchange;
        this.config = config;
        this.stats = stats;
        // A Netty thread (FastThreadLocalThread): the pooled allocator keeps a cache for it, and the
        // engine allocates every connection's outbound batch.
        ThreadFactory tf = new DefaultThreadFactory("sim-engine", true);
        this.executor = new DefaultEventExecutor(tf);
        this.flowBudgetNanos = TimeUnit.MILLISECONDS.toNanos(config.tickMillis()) * 4 / 5;
        this.depthInterval = config.depthIntervalMillis();
        this.faults = new FaultInjector(1, config.weightPerMinute(), config.maxDelayedMessages(), stats);
        this.hub = new StreamHub(config.wsMaxStreams(), faults, exchange::nowMillis);
        this.listenKeys = new ListenKeys(config.listenKeyValidityMillis());
        this.limits = new RateLimits(config.weightPerMinute(), config.ordersPer10s(), config.ordersPerDay(),
                config.rejectionsBeforeBan());
        this.api = new RestApi(exchange, config, limits, listenKeys, this::listenKeyClosed, stats, faults);
        for (SymbolMarket m : exchange.markets()) {
            streams.put(m.symbol(), new SymbolStreams(m, hub));
        }
    }

    /** Registers the listeners and starts the duty cycle. Any thread. */
    void start() {
        executor.submit(() -> {
            exchange.addMarketListener(this);
            exchange.addUserListener(this);
            applyFaults(config.startFaults(), exchange.nowMillis());
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
                            applyFaults(spec, now);
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

    private void applyFaults(FaultSpec spec, long now) {
        faults.apply(spec, now, hub);
        if (spec.serverShutdown) {
            long grace = spec.serverShutdownGraceMs != null ? spec.serverShutdownGraceMs : FaultSpec.DEFAULT_SHUTDOWN_GRACE_MILLIS;
            serverShutdown(now, grace);
        }
    }

    /**
     * Binance's {@code serverShutdown}: every open connection receives the event now and is closed
     * {@code graceMillis} later (engine time) unless the client leaves first.
     */
    private void serverShutdown(long now, long graceMillis) {
        for (WsConnection c : hub.connections()) {
            notifyShutdown(c);
            c.closeAt = Math.min(c.closeAt, now + graceMillis);
            c.closeForShutdown = true;
        }
        if (graceMillis == 0) {
            closeExpired(now);
        }
    }

    private void notifyShutdown(WsConnection c) {
        if (c.shutdownNoticeSent || c.isClosed()) {
            return;
        }
        c.shutdownNoticeSent = true;
        w.reset();
        BinanceJson.serverShutdownEvent(w, eventNow());
        hub.sendEvent(c, shutdownTopic, w);
        stats.serverShutdownEvents.incrementAndGet();
    }

    /**
     * Closes connections past their maximum age or shutdown grace; sends the age notice when due
     * (and always before an age close when a notice is configured, even if the engine was late).
     */
    private void closeExpired(long now) {
        long notice = config.wsShutdownNoticeMillis();
        List<WsConnection> due = null;
        for (WsConnection c : hub.connections()) {
            if (now >= c.closeAt) {
                if (notice > 0) {
                    notifyShutdown(c);
                }
                if (due == null) {
                    due = new ArrayList<>(2);
                }
                due.add(c);
            } else if (notice > 0 && now >= c.closeAt - notice) {
                notifyShutdown(c);
            }
        }
        if (due == null) {
            return;
        }
        for (WsConnection c : due) {
            c.flush();
            if (c.closeForShutdown) {
                stats.serverShutdownDisconnects.incrementAndGet();
                c.close(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, "Server shutdown");
            } else {
                stats.maxAgeDisconnects.incrementAndGet();
                c.close(WebSocketCloseStatus.NORMAL_CLOSURE, "Connection max age reached");
            }
            hub.remove(c);
        }
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
            long now = exchange.nowMillis();
            c.openedAt = now;
            c.closeAt = now + config.wsMaxConnectionAgeMillis();
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
            hub.send(c, w.buffer(), 0, w.size());
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
            advanceMarket(now);
            now = exchange.nowMillis();
            if (now >= nextDepth) {
                nextDepth = now - Math.floorMod(now, depthInterval) + depthInterval;
                everyDepthInterval(now);
            }
            if (now >= nextSecond) {
                nextSecond = now - Math.floorMod(now, 1000) + 1000;
                everySecond(now);
            }
            if (now >= nextKlinePush) {
                nextKlinePush = now + config.klinePushMillis();
                pushKlines(now);
            }
            if (now >= nextHousekeeping) {
                nextHousekeeping = now + HOUSEKEEPING_MILLIS;
                expireListenKeys(now);
                closeExpired(now);
            }
            faults.tick(now, hub);
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "engine tick failed", t);
        }
        flush();
    }

    /**
     * Runs the market up to {@code now} within the tick's time budget. When the budget runs out
     * first the engine cannot afford the configured intensity: the backlog older than the allowed
     * lag is skipped rather than caught up later, so the market runs at the rate the engine can
     * sustain and a tick never grows without bound.
     */
    private void advanceMarket(long now) {
        long start = System.nanoTime();
        while (exchange.advanceTo(now, FLOW_CHUNK) == FLOW_CHUNK) {
            if (System.nanoTime() - start >= flowBudgetNanos) {
                stats.flowBudgetExhausted.incrementAndGet();
                exchange.shedFlowBacklog(now, config.maxFlowLagMillis());
                break;
            }
        }
        stats.flowSkippedMillis.set(exchange.skippedFlowMillis());
    }

    private void everyDepthInterval(long now) {
        long skew = faults.clockSkewMillis();
        for (SymbolStreams ss : streams.values()) {
            DepthDiff d = ss.market.drainDepthDiff(now);
            if (d != null) {
                if (ss.depth100.hasSubscribers()) {
                    w.reset();
                    BinanceJson.depthUpdateEvent(w, ss.symbol, d.eventTime() + skew, d.firstUpdateId(), d.finalUpdateId(),
                            d.bids(), d.asks(), ss.instrument);
                    hub.publish(ss.depth100, w);
                }
                if (ss.depth1sActive) {
                    ss.accumulate(d);
                }
            }
            publishPartialDepth(ss, true);
        }
    }

    private void everySecond(long now) {
        for (SymbolStreams ss : streams.values()) {
            if (ss.depth1sActive) {
                if (!ss.depth1s.hasSubscribers()) {
                    ss.depth1sActive = false;
                    ss.resetDepth1s();
                } else if (ss.depth1sFirst > 0) {
                    w.reset();
                    BinanceJson.depthUpdateEvent(w, ss.symbol, now + faults.clockSkewMillis(), ss.depth1sFirst, ss.depth1sLast,
                            levels(ss.depth1sBids), levels(ss.depth1sAsks), ss.instrument);
                    hub.publish(ss.depth1s, w);
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
        StreamTopic[] topics = fast ? ss.partial100 : ss.partial1s;
        DepthSnapshot snap = null;
        for (int i = 0; i < topics.length; i++) {
            if (!topics[i].hasSubscribers()) {
                continue;
            }
            if (snap == null) {
                snap = ss.market.depth(PARTIAL_DEPTH_MAX);
            }
            w.reset();
            BinanceJson.partialDepth(w, snap.lastUpdateId(), snap.bids(), snap.asks(), SymbolStreams.LEVELS[i], ss.instrument);
            hub.publish(topics[i], w);
        }
    }

    private void pushKlines(long now) {
        for (SymbolStreams ss : streams.values()) {
            for (int i = 0; i < ss.klines.length; i++) {
                StreamTopic topic = ss.klines[i];
                if (!topic.hasSubscribers()) {
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
                        hub.publish(topic, w);
                    }
                }
                ss.lastKlineOpen[i] = k.openTime();
                w.reset();
                BinanceJson.klineEvent(w, now + faults.clockSkewMillis(), ss.symbol, interval, k, false, ss.instrument);
                hub.publish(topic, w);
            }
        }
    }

    private static Kline last(List<Kline> l) {
        return l.isEmpty() ? null : l.get(l.size() - 1);
    }

    private void expireListenKeys(long now) {
        for (String key : listenKeys.expire(now)) {
            StreamTopic topic = hub.topic(key);
            if (topic != null && topic.hasSubscribers()) {
                w.reset();
                BinanceJson.listenKeyExpired(w, key, now + faults.clockSkewMillis());
                hub.publish(topic, w);
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
        if (ss != null && ss.trade.hasSubscribers()) {
            w.reset();
            BinanceJson.tradeEvent(w, eventNow(), ss.symbol, trade, ss.instrument);
            hub.publish(ss.trade, w);
        }
    }

    @Override
    public void onAggTrade(SymbolMarket market, SimAggTrade aggTrade) {
        SymbolStreams ss = streams.get(market.symbol());
        if (ss != null && ss.aggTrade.hasSubscribers()) {
            w.reset();
            BinanceJson.aggTradeEvent(w, eventNow(), ss.symbol, aggTrade, ss.instrument);
            hub.publish(ss.aggTrade, w);
        }
    }

    @Override
    public void onBookTicker(SymbolMarket market) {
        SymbolStreams ss = streams.get(market.symbol());
        if (ss != null && ss.bookTicker.hasSubscribers()) {
            w.reset();
            BinanceJson.bookTickerEvent(w, market);
            hub.publish(ss.bookTicker, w);
        }
    }

    @Override
    public void onKline1mClosed(SymbolMarket market, Kline kline) {
        SymbolStreams ss = streams.get(market.symbol());
        if (ss != null && ss.kline1m.hasSubscribers()) {
            w.reset();
            BinanceJson.klineEvent(w, eventNow(), ss.symbol, "1m", kline, true, ss.instrument);
            hub.publish(ss.kline1m, w);
        }
    }

    @Override
    public void onExecutionReport(Account account, SimOrder order, ExecutionType type, SimFill lastFill, long eventTime) {
        StreamTopic topic = userTopic(account);
        if (topic != null) {
            SymbolStreams ss = streams.get(order.symbol());
            w.reset();
            BinanceJson.executionReport(w, order, type, lastFill, eventTime + faults.clockSkewMillis(), ss.instrument);
            hub.publish(topic, w);
        }
    }

    @Override
    public void onAccountPosition(Account account, List<String> changedAssets, long eventTime) {
        StreamTopic topic = userTopic(account);
        if (topic != null) {
            w.reset();
            BinanceJson.accountPosition(w, account, account.balances(changedAssets), eventTime + faults.clockSkewMillis());
            hub.publish(topic, w);
        }
    }

    /** The user data topic of {@code account}'s listen key when someone listens to it, else null. */
    private StreamTopic userTopic(Account account) {
        String key = listenKeys.keyOf(account.apiKey());
        if (key == null) {
            return null;
        }
        StreamTopic topic = hub.topic(key);
        return topic != null && topic.hasSubscribers() ? topic : null;
    }

    /** The topics of one symbol, resolved once, and the state of its one-second depth stream. */
    private static final class SymbolStreams {
        static final int[] LEVELS = {5, 10, 20};

        final SymbolMarket market;
        final Instrument instrument;
        final String symbol;
        final StreamTopic trade;
        final StreamTopic aggTrade;
        final StreamTopic bookTicker;
        final StreamTopic depth100;
        final StreamTopic depth1s;
        final StreamTopic kline1m;
        final StreamTopic[] partial100 = new StreamTopic[LEVELS.length];
        final StreamTopic[] partial1s = new StreamTopic[LEVELS.length];
        final StreamTopic[] klines = new StreamTopic[StreamName.KLINE_INTERVALS.length];
        final long[] lastKlineOpen = new long[StreamName.KLINE_INTERVALS.length];
        boolean depth1sActive;
        long depth1sFirst;
        long depth1sLast;
        final TreeMap<Long, Long> depth1sBids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<Long, Long> depth1sAsks = new TreeMap<>();

        SymbolStreams(SymbolMarket m, StreamHub hub) {
            market = m;
            instrument = m.instrument();
            symbol = m.symbol();
            String s = symbol.toLowerCase(Locale.ROOT);
            trade = hub.pinnedTopic(s + "@trade");
            aggTrade = hub.pinnedTopic(s + "@aggTrade");
            bookTicker = hub.pinnedTopic(s + "@bookTicker");
            depth100 = hub.pinnedTopic(s + "@depth@100ms");
            depth1s = hub.pinnedTopic(s + "@depth");
            for (int i = 0; i < LEVELS.length; i++) {
                partial100[i] = hub.pinnedTopic(s + "@depth" + LEVELS[i] + "@100ms");
                partial1s[i] = hub.pinnedTopic(s + "@depth" + LEVELS[i]);
            }
            for (int i = 0; i < klines.length; i++) {
                klines[i] = hub.pinnedTopic(s + "@kline_" + StreamName.KLINE_INTERVALS[i]);
                lastKlineOpen[i] = Long.MIN_VALUE;
            }
            kline1m = klines[1];
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
