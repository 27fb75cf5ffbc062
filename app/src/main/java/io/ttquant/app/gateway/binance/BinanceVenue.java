package io.ttquant.app.gateway.binance;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ttquant.app.gateway.GatewayVenue;
import io.ttquant.app.gateway.ReconcileListener;
import io.ttquant.app.gateway.UnknownOrderListener;
import io.ttquant.app.gateway.journal.OrderUnknownRecord;
import io.ttquant.app.gateway.binance.ExecutionApplier.Result;
import io.ttquant.binance.stream.SymbolTable;
import io.ttquant.binance.trading.AccountBalances;
import io.ttquant.binance.trading.AccountTrade;
import io.ttquant.binance.trading.BinanceOrderType;
import io.ttquant.binance.trading.NewOrderRequest;
import io.ttquant.binance.trading.OrderFill;
import io.ttquant.binance.trading.ResponseType;
import io.ttquant.binance.trading.TradingFailure;
import io.ttquant.binance.trading.TradingRestClient;
import io.ttquant.binance.trading.TradingResult;
import io.ttquant.binance.trading.TradingStats;
import io.ttquant.binance.trading.VenueOrder;
import io.ttquant.binance.userdata.ListenKeyClient;
import io.ttquant.binance.userdata.StreamGapReason;
import io.ttquant.binance.userdata.UserDataStats;
import io.ttquant.binance.userdata.UserDataStream;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.time.Clock;
import io.ttquant.core.venue.ExecutionListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The {@code binance} venue: routes the gateway's orders to Binance spot over signed REST
 * ({@link TradingRestClient}) and learns what became of them from the answers, the user data
 * stream ({@link UserDataStream}) and, when either is missing, REST reads.
 *
 * <ul>
 *   <li><b>New orders</b> go out with the gateway's client order id as {@code newClientOrderId}
 *       (so the order can always be found by it) and a FULL answer: accepted, with the fills made
 *       at once; refused, with a {@link RejectReason} ({@link VenueRejects}); not sent or
 *       rate-limited (VENUE_UNAVAILABLE, VENUE_RATE_LIMITED); a refused timestamp (-1021) is sent
 *       again once, after the client re-synced its clock.</li>
 *   <li><b>Lost answers</b> (timeout, 5xx, connection lost after sending) leave the order as it
 *       is, {@link #unknownOrders() unknown}: it is queried by client id on a back-off schedule
 *       driven by the gateway's time, never sent again. Found: its real state and fills
 *       ({@code myTrades} of the order) are applied. Not found: queried again until a query sent
 *       after {@code timestamp + recvWindow} (+ a margin) on the venue's clock has not found it
 *       either, when Binance can no longer accept the request; then VENUE_ORDER_NOT_PLACED. A lost
 *       answer (to a new order or a cancel) and its resolution are told to the gateway's
 *       {@link UnknownOrderListener}, which journals them (ORDER_UNKNOWN, ORDER_RESOLVED).</li>
 *   <li><b>Cancels</b> go by client id; CANCELED (answer or stream) cancels the order once its fills
 *       are all applied; -2011 or a lost answer queries the order (it may have filled). A cancel
 *       asked for before the venue has the order goes out once it has it.</li>
 *   <li><b>Fills</b> are applied once per (order, trade id) whichever path reports them first: the
 *       FULL answer, the stream's {@code executionReport}, or {@code myTrades}. A report with more
 *       filled than applied reads the order's trades before any terminal state.</li>
 *   <li><b>Gaps</b>: after the stream reconnects (or could not read a message) every order not
 *       finished is queried; while the stream is down (or when the venue runs without it), open
 *       orders are polled every few seconds, from one poll interval after it went down.
 *       Reports of client ids this venue never sent (orders placed by hand) are counted and
 *       logged, never applied.</li>
 *   <li><b>Restart</b>: {@link #reconcile} takes over the orders the gateway's journal holds open,
 *       queries each by its client id and applies its real state and the fills the journal lacks
 *       (trades the journal has are recognised and never applied again); then the account's open
 *       orders and balances are checked ({@link Reconciler}). Until that is done the gateway
 *       trades nothing; what cannot be explained keeps it closed, with the reason.</li>
 * </ul>
 *
 * <p>Threads: answers arrive on HTTP threads and stream events on a Netty loop; both are queued
 * ({@link VenueInbox}) and applied on the gateway's thread in {@link #advanceTo}, so every report
 * reaches the gateway's {@link ExecutionListener} on its thread, after the {@link Order} changed.
 * Everything else here is confined to the gateway's thread too. It never throws for an answer it
 * did not like, never logs a secret, and never reads the wall clock (the configuration's clock
 * stamps requests; the gateway's time drives schedules: both are epoch nanoseconds).
 */
public final class BinanceVenue implements GatewayVenue, AutoCloseable {
    /** The venue name on the wire. */
    public static final String NAME = "binance";
    private static final System.Logger LOG = System.getLogger(BinanceVenue.class.getName());
    private static final long NONE = TrackedOrder.NONE;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final int FINISHED_REMEMBERED = 4096;

    private final BinanceVenueConfig config;
    private final Clock clock;
    private final VenueInbox inbox;
    private final TradingRestClient rest;
    private final UserDataStream stream;
    private final EventLoopGroup ownGroup;
    private final Map<String, Instrument> venueInstruments = new LinkedHashMap<>();
    private final MarketPrices prices;
    private final BinanceVenueStats stats = new BinanceVenueStats();
    private final ExecutionApplier applier;
    private final UnknownOrderListener doubts;
    private final Map<String, TrackedOrder> live = new HashMap<>();
    private final List<TrackedOrder> liveList = new ArrayList<>();
    private final Map<String, Boolean> finished = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > FINISHED_REMEMBERED;
        }
    };
    private final Set<String> pollsInFlight = new HashSet<>();
    private final long recvWindowMillis;
    private long now;
    private long nextDueNanos = NONE;
    private long nextPollNanos;
    private boolean streamDown;
    private boolean closed;
    private long handlerErrors;
    private JournalPositions positions;
    private Reconciler reconciler;
    private String balanceReport = "";

    /**
     * Wires the venue; nothing is sent before {@link #start()}. A {@code listener} that is also an
     * {@link UnknownOrderListener} (the order gateway) is told of lost answers and their resolution.
     */
    BinanceVenue(BinanceVenueConfig config, ExecutionListener listener, List<Instrument> gatewayInstruments) {
        if (config == null || listener == null || gatewayInstruments == null) {
            throw new IllegalArgumentException("config, listener and instruments are required");
        }
        this.config = config;
        this.clock = config.clock();
        this.recvWindowMillis = config.recvWindowMillis();
        for (Instrument g : gatewayInstruments) {
            Instrument v = config.instrument(g.symbol());
            if (v == null) {
                v = g;
            } else if (v.priceScale() != g.priceScale() || v.qtyScale() != g.qtyScale()) {
                throw new IllegalArgumentException("binance venue: " + g.symbol() + " has price/qty scales " + v.priceScale() + "/"
                        + v.qtyScale() + " in the venue's filters but " + g.priceScale() + "/" + g.qtyScale() + " in the gateway");
            }
            venueInstruments.put(g.symbol(), v);
        }
        this.prices = new MarketPrices(gatewayInstruments);
        this.applier = new ExecutionApplier(listener, stats);
        this.doubts = listener instanceof UnknownOrderListener u ? u : UnknownOrderListener.NONE;
        this.inbox = new VenueInbox(config.inboxCapacity());
        this.rest = new TradingRestClient(config.trading(), inbox);
        if (config.userDataStream() == null) {
            this.stream = null;
            this.ownGroup = null;
        } else {
            this.ownGroup = config.eventLoopGroup() != null ? null
                    : new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("ttquant-binance-user-data", true), NioIoHandler.newFactory());
            EventLoop loop = (config.eventLoopGroup() != null ? config.eventLoopGroup() : ownGroup).next();
            ListenKeyClient keys = new ListenKeyClient(config.trading().rest(), config.credentials().apiKey(), loop);
            this.stream = new UserDataStream(config.userDataStream(), keys, new SymbolTable(venueInstruments.values()), loop,
                    new UserDataRelay(inbox, new StreamNews()));
        }
    }

    /** Syncs the server time, reads the rate limits and opens the user data stream, all in the background. */
    void start() {
        rest.syncTime().whenComplete((r, err) -> {
            if (r == null || !r.isOk()) {
                LOG.log(System.Logger.Level.WARNING, "binance venue: first server-time sync failed (" + r + "); retried with the first order");
            }
        });
        if (config.loadRateLimits() && !venueInstruments.isEmpty()) {
            rest.loadRateLimits(venueInstruments.values().iterator().next()).whenComplete((r, err) -> {
                if (r == null || !r.isOk()) {
                    LOG.log(System.Logger.Level.WARNING, "binance venue: could not read the rate limits (" + r + "); using the defaults");
                }
            });
        }
        if (stream != null) {
            stream.start();
        }
        LOG.log(System.Logger.Level.INFO, "binance venue started: " + config);
    }

    // ------------------------------------------------------------------ GatewayVenue

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The client order id this venue sends to Binance for a gateway order: derived from the
     * gateway's order id, which the journal never lets repeat, because Binance wants client ids
     * unique per account while strategies choose theirs per strategy (two strategies may both
     * send "o-1"). The strategy's own id stays in the gateway and in its reports.
     */
    public static String venueClientOrderId(long gatewayOrderId) {
        return VENUE_ID_PREFIX + gatewayOrderId;
    }

    /** Prefix of the client ids this venue sends; orders on the account without it were not placed by a TTQuant gateway. */
    public static final String VENUE_ID_PREFIX = "ttq-";

    @Override
    public void submit(Order order, long nowNanos) {
        tick(nowNanos);
        String id = venueClientOrderId(order.orderId());
        Instrument vi = venueInstruments.get(order.instrument().symbol());
        if (closed || vi == null || live.containsKey(id)) {
            RejectReason why = closed ? RejectReason.VENUE_UNAVAILABLE
                    : vi == null ? RejectReason.UNKNOWN_INSTRUMENT : RejectReason.DUPLICATE_CLIENT_ORDER_ID;
            LOG.log(System.Logger.Level.WARNING, "binance venue: order " + id + " rejected before sending: " + why);
            rejectLocally(new TrackedOrder(order, vi, null), why);
            return;
        }
        NewOrderRequest request;
        try {
            request = request(order, vi, id);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.ERROR, "binance venue: cannot express order " + order + " as a Binance order: " + e.getMessage());
            rejectLocally(new TrackedOrder(order, vi, null), RejectReason.VENUE_REJECTED);
            return;
        }
        TrackedOrder t = new TrackedOrder(order, vi, request);
        live.put(id, t);
        liveList.add(t);
        finished.remove(id);
        sendNewOrder(t);
    }

    /** Binance's order id once an answer, the stream or a query told it; 0 before (journaled with the order's states). */
    @Override
    public long venueOrderId(Order order) {
        TrackedOrder t = live.get(venueClientOrderId(order.orderId()));
        return t == null || t.order != order || t.venueOrderId < 0 ? 0 : t.venueOrderId;
    }

    @Override
    public boolean cancel(Order order, long nowNanos) {
        tick(nowNanos);
        TrackedOrder t = live.get(venueClientOrderId(order.orderId()));
        if (t == null || t.order != order || t.phase == TrackedOrder.Phase.DONE || order.status().isTerminal()) {
            return false;
        }
        if (!t.cancelWanted) {
            t.cancelWanted = true;
            if (t.phase != TrackedOrder.Phase.SENDING) {
                // An UNKNOWN order is canceled by client id too: if Binance has it, it stops; -2011 changes nothing.
                sendCancel(t);
            }
        }
        return true;
    }

    @Override
    public void advanceTo(long nowNanos) {
        tick(nowNanos);
        inbox.drain();
        if (now >= nextDueNanos) {
            runDueWork();
        }
        if (reconciler != null && reconciler.doWork(now)) {
            balanceReport = reconciler.balanceReport();
            reconciler = null;
        }
        if (streamUp()) {
            streamDown = false;
        } else {
            if (!streamDown) {
                // A reconnect usually follows at once, and the reconciliation after it: poll only if it does not.
                streamDown = true;
                nextPollNanos = now + config.pollIntervalNanos();
            }
            if (!liveList.isEmpty() && now >= nextPollNanos) {
                poll();
            }
        }
    }

    @Override
    public void onMarketEvent(MarketEvent e) {
        prices.onMarketEvent(e);
    }

    @Override
    public long lastPrice(Instrument instrument) {
        return prices.last(instrument);
    }

    @Override
    public long bestBid(Instrument instrument) {
        return prices.bid(instrument);
    }

    @Override
    public long bestAsk(Instrument instrument) {
        return prices.ask(instrument);
    }

    /** Orders working at Binance as far as the venue knows (accepted or partly filled). */
    @Override
    public int openOrders() {
        int n = 0;
        for (int i = 0; i < liveList.size(); i++) {
            if (liveList.get(i).order.isOpen()) {
                n++;
            }
        }
        return n;
    }

    /** Orders whose new-order or cancel answer was lost and which are being resolved by query. */
    @Override
    public int unknownOrders() {
        int n = 0;
        for (int i = 0; i < liveList.size(); i++) {
            if (liveList.get(i).isUnknown()) {
                n++;
            }
        }
        return n;
    }

    /** {@code X-MBX-USED-WEIGHT-1M} as Binance last reported it; -1 before any answer carried it. */
    @Override
    public long requestWeightUsed() {
        return rest.stats().usedWeight1m();
    }

    // ------------------------------------------------------------------ restart reconciliation

    /**
     * Takes over the orders the journal holds open after a restart and reconciles them, and then
     * the account, with Binance ({@link Reconciler}); answers {@code listener} later, from
     * {@link #advanceTo}. An order journaled but never acknowledged may never have left: it is
     * UNKNOWN, found by query or declared never placed once its recvWindow is over, as after a
     * lost answer. Nothing is ever sent again.
     */
    @Override
    public void reconcile(List<Order> openOrders, long nowNanos, ReconcileListener listener) {
        tick(nowNanos);
        if (reconciler != null) {
            listener.failed("a reconciliation is already running");
            return;
        }
        List<TrackedOrder> restored = new ArrayList<>(openOrders.size());
        for (Order o : openOrders) {
            String id = venueClientOrderId(o.orderId());
            Instrument vi = venueInstruments.get(o.instrument().symbol());
            if (vi == null || live.containsKey(id)) {
                listener.failed("the journal's open order " + id + " (" + o.instrument().symbol() + ") "
                        + (vi == null ? "is of a symbol this venue does not trade" : "is held twice"));
                return;
            }
            TrackedOrder t = new TrackedOrder(o, vi, null);
            t.restored = listener;
            if (o.status() == OrderStatus.NEW) {
                // Its request was stamped before the restart, so before now: past this server time Binance can no longer accept it.
                t.phase = TrackedOrder.Phase.UNKNOWN;
                t.notPlacedAfterServerMillis = serverNowMillis() + recvWindowMillis + config.notPlacedMarginNanos() / NANOS_PER_MILLI;
                markUnknown(t, OrderUnknownRecord.Request.NEW_ORDER);
            } else {
                t.phase = TrackedOrder.Phase.KNOWN;
                // In doubt until Binance answers about it (the journal may hold a lost cancel): its resolution is journaled.
                t.reportedUnknown = true;
            }
            live.put(id, t);
            liveList.add(t);
            finished.remove(id);
            restored.add(t);
            scheduleQuery(t, now);
        }
        LOG.log(System.Logger.Level.INFO, "binance venue: reconciling the journal's " + restored.size()
                + " open orders, then the account's open orders and balances, with Binance (within "
                + config.reconcileTimeoutNanos() / NANOS_PER_MILLI + " ms)");
        reconciler = new Reconciler(listener, restored, venueInstruments.values(), live::containsKey, new ReconcileReads(),
                config, stats, positions, now);
    }

    /** Where the restart reconciliation reads the gateway's positions for its balance report; before {@link #reconcile}. */
    public void reportPositionsFrom(JournalPositions source) {
        this.positions = source;
    }

    /** True while the restart reconciliation runs. */
    public boolean isReconciling() {
        return reconciler != null;
    }

    /** The account's balances beside the gateway's positions, as the last reconciliation read them (empty before). */
    public String balanceReport() {
        return balanceReport;
    }

    /** The reconciliation's REST reads, answered on the gateway's thread. */
    private final class ReconcileReads implements Reconciler.Reads {
        @Override
        public void openOrders(Instrument venueInstrument, Consumer<TradingResult<List<VenueOrder>>> answer) {
            onAnswer(rest.openOrders(venueInstrument), answer);
        }

        @Override
        public void account(Consumer<TradingResult<AccountBalances>> answer) {
            onAnswer(rest.account(), answer);
        }
    }

    // ------------------------------------------------------------------ recovery reads (for the gateway's start-up reconciliation)

    /** {@code GET /api/v3/openOrders} of every symbol; completes on the gateway's thread during {@link #advanceTo}. */
    public CompletableFuture<TradingResult<List<VenueOrder>>> venueOpenOrders() {
        return rest.openOrders(venueInstruments::get);
    }

    /**
     * {@code GET /api/v3/myTrades} of {@code symbol} from trade id {@code fromId} on (limit 1-1000);
     * completes on the gateway's thread during {@link #advanceTo}.
     */
    public CompletableFuture<TradingResult<List<AccountTrade>>> venueTrades(String symbol, long fromId, int limit) {
        Instrument vi = venueInstruments.get(symbol);
        if (vi == null) {
            throw new IllegalArgumentException("binance venue does not trade " + symbol);
        }
        return rest.myTrades(vi, fromId, limit);
    }

    /** {@code GET /api/v3/account}; completes on the gateway's thread during {@link #advanceTo}. */
    public CompletableFuture<TradingResult<AccountBalances>> venueAccount() {
        return rest.account();
    }

    // ------------------------------------------------------------------ state and lifecycle

    public BinanceVenueStats stats() {
        return stats;
    }

    /** The trading client's counters: requests, outcomes, local refusals, used weight and order counts. */
    public TradingStats tradingStats() {
        return rest.stats();
    }

    /** The user data stream's counters, null when the venue runs without the stream. */
    public UserDataStats userDataStats() {
        return stream == null ? null : stream.stats();
    }

    /** True while the user data stream is connected. Any thread. */
    public boolean isStreamConnected() {
        return streamUp();
    }

    /** True once the server time is synced (signed requests can carry a good timestamp). Any thread. */
    public boolean isTimeSynced() {
        return rest.serverTimeOffset().isSynced();
    }

    /** Times the hand-over queue was full (a bug when not 0). Any thread. */
    public long inboxOverflows() {
        return inbox.overflows();
    }

    /** Answers and events whose applying threw (a bug when not 0). */
    public long applyErrors() {
        return inbox.taskErrors() + handlerErrors;
    }

    public BinanceVenueConfig config() {
        return config;
    }

    /**
     * Stops the user data stream (deleting its listen key) and, when it owns it, its event loop.
     * Orders already sent stay at Binance; new ones are rejected VENUE_UNAVAILABLE.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        CompletableFuture<?> stopped = stream == null ? CompletableFuture.completedFuture(null) : stream.closeAsync();
        if (ownGroup != null) {
            stopped.whenComplete((r, err) -> ownGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS));
            try {
                stopped.get(5, TimeUnit.SECONDS);
                ownGroup.terminationFuture().await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "binance venue: user data stream did not close in time: " + e);
                ownGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public String toString() {
        return "BinanceVenue{" + config.endpoints().name() + ", live=" + liveList.size() + ", " + stats + "}";
    }

    // ------------------------------------------------------------------ new orders

    private static NewOrderRequest request(Order order, Instrument vi, String clientOrderId) {
        BinanceOrderType type = BinanceOrderType.of(order.type(), order.timeInForce());
        NewOrderRequest.Builder b = NewOrderRequest.builder(vi, order.side(), type).quantity(order.quantity())
                .clientOrderId(clientOrderId).responseType(ResponseType.FULL);
        if (type.needsPrice()) {
            b.price(order.price());
        }
        if (type.needsStopPrice()) {
            b.stopPrice(order.stopPrice());
        }
        if (type.needsTimeInForce()) {
            b.timeInForce(order.timeInForce());
        }
        return b.build();
    }

    private void rejectLocally(TrackedOrder t, RejectReason why) {
        stats.localRejects++;
        inbox.execute(() -> applier.reject(t, why, now));
    }

    private void sendNewOrder(TrackedOrder t) {
        stats.ordersSent++;
        onAnswer(rest.newOrder(t.request), r -> onNewOrderAnswer(t, r));
    }

    private void onNewOrderAnswer(TrackedOrder t, TradingResult<VenueOrder> r) {
        if (t.phase == TrackedOrder.Phase.DONE) {
            if (r != null && r.isOk()) {
                // The stream finished the order first: every fill of the answer was applied already.
                stats.duplicateFills += r.value().fills().size();
            }
            return;
        }
        if (r != null && r.isOk()) {
            t.phase = TrackedOrder.Phase.KNOWN;
            applyVenueOrder(t, r.value(), BinanceVenueStats.Source.ANSWER);
            return;
        }
        TradingFailure f = r == null ? null : r.failure();
        if (t.phase == TrackedOrder.Phase.KNOWN) {
            // The stream reported the order before its answer failed: Binance has it.
            LOG.log(System.Logger.Level.INFO, "binance venue: answer to order " + t.clientOrderId + " failed (" + f
                    + ") but the stream already reported the order");
            return;
        }
        TradingFailure.Outcome outcome = f == null ? TradingFailure.Outcome.UNKNOWN : f.outcome();
        if (outcome == TradingFailure.Outcome.UNKNOWN) {
            enterUnknown(t, f);
        } else if (outcome == TradingFailure.Outcome.TIMESTAMP_REJECTED && !t.resent) {
            // -1021: never processed, and the client has re-synced its clock before reporting it.
            t.resent = true;
            stats.timestampResends++;
            LOG.log(System.Logger.Level.INFO, "binance venue: order " + t.clientOrderId + " refused for its timestamp; sending it once more");
            sendNewOrder(t);
        } else {
            RejectReason why = VenueRejects.forNewOrder(f, t.order, t.venueInstrument);
            LOG.log(System.Logger.Level.WARNING, "binance venue: order " + t.clientOrderId + " not placed: " + f + " -> " + why);
            applier.reject(t, why, now);
            done(t);
        }
    }

    private void enterUnknown(TrackedOrder t, TradingFailure f) {
        t.phase = TrackedOrder.Phase.UNKNOWN;
        stats.submitsUnknown++;
        markUnknown(t, OrderUnknownRecord.Request.NEW_ORDER);
        // The request's timestamp was taken before now: past this server time Binance can no longer accept it.
        t.notPlacedAfterServerMillis = serverNowMillis() + recvWindowMillis + config.notPlacedMarginNanos() / NANOS_PER_MILLI;
        t.queryBackoffNanos = config.queryInitialNanos();
        LOG.log(System.Logger.Level.WARNING, "binance venue: answer to order " + t.clientOrderId + " lost (" + f
                + "); the order is UNKNOWN and will be queried, never resent");
        scheduleQuery(t, now + t.queryBackoffNanos);
        if (t.cancelWanted && !t.cancelInFlight) {
            // A cancel asked for while the order was on its way: by client id, harmless if Binance never got the order.
            sendCancel(t);
        }
    }

    // ------------------------------------------------------------------ cancels

    private void sendCancel(TrackedOrder t) {
        t.cancelInFlight = true;
        t.cancelDueNanos = NONE;
        stats.cancelsSent++;
        onAnswer(rest.cancelOrder(t.venueInstrument, t.clientOrderId), r -> onCancelAnswer(t, r));
    }

    private void onCancelAnswer(TrackedOrder t, TradingResult<VenueOrder> r) {
        t.cancelInFlight = false;
        if (t.phase == TrackedOrder.Phase.DONE) {
            return;
        }
        if (r != null && r.isOk()) {
            t.cancelUnknown = false;
            if (t.phase == TrackedOrder.Phase.UNKNOWN) {
                resolvedFound(t, "its cancel");
            }
            applyVenueOrder(t, r.value(), BinanceVenueStats.Source.REST);
            reportResolved(t);
            return;
        }
        TradingFailure f = r == null ? null : r.failure();
        TradingFailure.Outcome outcome = f == null ? TradingFailure.Outcome.UNKNOWN : f.outcome();
        t.cancelBackoffNanos = nextBackoff(t.cancelBackoffNanos);
        switch (outcome) {
            case REJECTED -> {
                if (f.code() == VenueRejects.CODE_CANCEL_REJECTED) {
                    // Not open at Binance (filled, canceled, expired, or not there yet): learn which.
                    LOG.log(System.Logger.Level.INFO, "binance venue: cancel of " + t.clientOrderId + " refused (" + f.msg()
                            + "); querying the order");
                    scheduleQuery(t, now);
                } else {
                    LOG.log(System.Logger.Level.WARNING, "binance venue: cancel of " + t.clientOrderId + " refused: " + f + "; not retried");
                    t.cancelWanted = false;
                }
            }
            case UNKNOWN -> {
                t.cancelUnknown = true;
                stats.cancelsUnknown++;
                markUnknown(t, OrderUnknownRecord.Request.CANCEL);
                LOG.log(System.Logger.Level.WARNING, "binance venue: answer to the cancel of " + t.clientOrderId + " lost (" + f
                        + "); querying the order");
                t.queryBackoffNanos = config.queryInitialNanos();
                scheduleQuery(t, now + t.queryBackoffNanos);
            }
            case TIMESTAMP_REJECTED -> scheduleCancel(t, now);
            default -> {
                LOG.log(System.Logger.Level.WARNING, "binance venue: cancel of " + t.clientOrderId + " not sent (" + f + "); retrying");
                scheduleCancel(t, Math.max(now + t.cancelBackoffNanos, gatewayTimeOf(f.retryAtNanos())));
            }
        }
    }

    // ------------------------------------------------------------------ queries and trades

    private void sendQuery(TrackedOrder t) {
        t.queryInFlight = true;
        t.queryDueNanos = NONE;
        long sentServerMillis = serverNowMillis();
        stats.queriesSent++;
        onAnswer(rest.queryOrder(t.venueInstrument, t.clientOrderId), r -> onQueryAnswer(t, r, sentServerMillis));
    }

    private void onQueryAnswer(TrackedOrder t, TradingResult<VenueOrder> r, long sentServerMillis) {
        t.queryInFlight = false;
        if (t.phase == TrackedOrder.Phase.DONE) {
            return;
        }
        if (r != null && r.isOk()) {
            t.queryBackoffNanos = 0;
            t.cancelUnknown = false;
            t.queriedSinceRestart = true;
            if (t.phase == TrackedOrder.Phase.UNKNOWN) {
                resolvedFound(t, "a query");
            }
            applyVenueOrder(t, r.value(), BinanceVenueStats.Source.REST);
            reportResolved(t);
            return;
        }
        TradingFailure f = r == null ? null : r.failure();
        t.queryBackoffNanos = nextBackoff(t.queryBackoffNanos);
        if (reconciler != null && t.restored != null) {
            reconciler.problem("query of " + t.clientOrderId + " (journal: " + t.order.status() + "): " + f);
        }
        if (f != null && f.outcome() == TradingFailure.Outcome.REJECTED && f.code() == VenueRejects.CODE_NO_SUCH_ORDER) {
            if (t.phase == TrackedOrder.Phase.UNKNOWN) {
                if (sentServerMillis > t.notPlacedAfterServerMillis) {
                    stats.resolvedNotPlaced++;
                    LOG.log(System.Logger.Level.WARNING, "binance venue: order " + t.clientOrderId
                            + " was never placed (not found after timestamp + recvWindow); rejecting it");
                    applier.reject(t, RejectReason.VENUE_ORDER_NOT_PLACED, now);
                    done(t);
                    return;
                }
                // Not conclusive yet: the request may still reach the matching engine until its recvWindow ends.
                long untilConclusive = Math.max(0, t.notPlacedAfterServerMillis + 1 - serverNowMillis()) * NANOS_PER_MILLI;
                scheduleQuery(t, now + Math.max(config.queryInitialNanos(), Math.min(t.queryBackoffNanos, untilConclusive)));
                return;
            }
            if (t.phase == TrackedOrder.Phase.KNOWN) {
                LOG.log(System.Logger.Level.WARNING, "binance venue: Binance no longer finds order " + t.clientOrderId
                        + " (-2013); asking again later");
            }
        }
        long retry = f == null ? 0 : gatewayTimeOf(f.retryAtNanos());
        scheduleQuery(t, Math.max(now + t.queryBackoffNanos, retry));
    }

    private void sendTrades(TrackedOrder t) {
        t.tradesDueNanos = NONE;
        if (t.venueOrderId < 0) {
            scheduleQuery(t, now);
            return;
        }
        t.tradesInFlight = true;
        stats.tradeReadsSent++;
        onAnswer(rest.myTradesOfOrder(t.venueInstrument, t.venueOrderId), r -> onTradesAnswer(t, r));
    }

    private void onTradesAnswer(TrackedOrder t, TradingResult<List<AccountTrade>> r) {
        t.tradesInFlight = false;
        if (t.phase == TrackedOrder.Phase.DONE) {
            return;
        }
        if (r == null || !r.isOk()) {
            if (reconciler != null && t.restored != null) {
                reconciler.problem("trades of " + t.clientOrderId + ": " + r);
            }
            t.tradesBackoffNanos = nextBackoff(t.tradesBackoffNanos);
            long retry = r == null ? 0 : gatewayTimeOf(r.failure().retryAtNanos());
            scheduleTrades(t, Math.max(now + t.tradesBackoffNanos, retry));
            return;
        }
        List<AccountTrade> trades = new ArrayList<>(r.value());
        trades.sort(Comparator.comparingLong(AccountTrade::id));
        for (AccountTrade a : trades) {
            if (t.order.status().isTerminal()) {
                break;
            }
            applier.fill(t, a.id(), a.price(), a.qty(), a.commission(), a.commissionAsset(), a.maker(), BinanceVenueStats.Source.REST, now);
        }
        Result res = applier.applyPending(t, now);
        if (res == Result.NEED_TRADES) {
            // Binance's trade list lags the order's state: read again.
            t.tradesBackoffNanos = nextBackoff(t.tradesBackoffNanos);
            scheduleTrades(t, now + t.tradesBackoffNanos);
            return;
        }
        t.tradesBackoffNanos = 0;
        after(t, res);
    }

    // ------------------------------------------------------------------ applying venue states

    private void applyVenueOrder(TrackedOrder t, VenueOrder vo, BinanceVenueStats.Source source) {
        if (t.phase == TrackedOrder.Phase.DONE) {
            return;
        }
        t.venueOrderId = vo.orderId();
        if (!vo.hasState()) {
            applier.accept(t, now);
            after(t, Result.OPEN);
            return;
        }
        for (OrderFill f : vo.fills()) {
            if (t.order.status().isTerminal()) {
                break;
            }
            // Fills in a new-order answer were made as the order arrived: it took liquidity.
            applier.fill(t, f.tradeId(), f.price(), f.qty(), f.commission(), f.commissionAsset(), false, source, now);
        }
        after(t, applier.applyState(t, vo.status(), vo.executedQty(), now));
    }

    private void onStreamReport(StreamReport s) {
        TrackedOrder t = live.get(s.orderKey());
        if (t == null || (t.venueOrderId >= 0 && t.venueOrderId != s.orderId())) {
            if (t != null || finished.containsKey(s.orderKey())) {
                stats.staleReports++;
                if (s.isTrade()) {
                    stats.duplicateFills++;
                }
            } else {
                stats.foreignReports++;
                if (stats.foreignReports <= 20 || stats.foreignReports % 1000 == 0) {
                    LOG.log(System.Logger.Level.WARNING, "binance venue: " + s.executionType() + " report for client id " + s.orderKey()
                            + " (" + s.symbol() + " #" + s.orderId() + "), an order this gateway did not send (placed by hand?); ignored ("
                            + stats.foreignReports + " so far)");
                }
            }
            return;
        }
        t.venueOrderId = s.orderId();
        if (t.phase == TrackedOrder.Phase.UNKNOWN) {
            resolvedFound(t, "the user data stream");
        } else if (t.phase == TrackedOrder.Phase.SENDING) {
            t.phase = TrackedOrder.Phase.KNOWN;
        }
        if (!s.rejectReason().isEmpty() && !s.rejectReason().equals("NONE")) {
            LOG.log(System.Logger.Level.WARNING, "binance venue: order " + t.clientOrderId + " " + s.status() + ": " + s.rejectReason());
        }
        if (s.isTrade()) {
            applier.fill(t, s.tradeId(), s.lastPrice(), s.lastQty(), s.commission(), s.commissionAsset(), s.maker(),
                    BinanceVenueStats.Source.STREAM, now);
        }
        after(t, applier.applyState(t, s.status(), s.cumulativeQty(), now));
        reportResolved(t);
    }

    /** What follows an applied state: forget a finished order, read missing trades, or send a cancel waiting for the order. */
    private void after(TrackedOrder t, Result res) {
        if (res == Result.DONE || t.order.status().isTerminal()) {
            done(t);
        } else if (res == Result.NEED_TRADES) {
            if (!t.tradesInFlight) {
                scheduleTrades(t, now);
            }
        } else if (t.cancelWanted && !t.cancelInFlight && t.cancelDueNanos == NONE) {
            scheduleCancel(t, now + t.cancelBackoffNanos);
        }
    }

    private void resolvedFound(TrackedOrder t, String how) {
        t.phase = TrackedOrder.Phase.KNOWN;
        stats.resolvedFound++;
        LOG.log(System.Logger.Level.INFO, "binance venue: UNKNOWN order " + t.clientOrderId + " found at Binance by " + how);
    }

    /** Tells the gateway (which journals ORDER_UNKNOWN) that the answer to {@code request} about the order was lost. */
    private void markUnknown(TrackedOrder t, OrderUnknownRecord.Request request) {
        t.reportedUnknown = true;
        doubts.onOrderUnknown(t.order, request);
    }

    /**
     * Tells the gateway (which journals ORDER_RESOLVED) that an order it was told is unknown is known
     * again: no lost answer is pending, or it ended. Called after the state found was reported.
     */
    private void reportResolved(TrackedOrder t) {
        if (t.reportedUnknown && (!t.isUnknown() || t.phase == TrackedOrder.Phase.DONE)) {
            t.reportedUnknown = false;
            doubts.onOrderResolved(t.order, t.venueOrderId < 0 ? 0 : t.venueOrderId);
        }
    }

    private void done(TrackedOrder t) {
        if (t.phase == TrackedOrder.Phase.DONE) {
            return;
        }
        t.phase = TrackedOrder.Phase.DONE;
        reportResolved(t);
        if (live.get(t.clientOrderId) == t) {
            live.remove(t.clientOrderId);
            liveList.remove(t);
            finished.put(t.clientOrderId, Boolean.TRUE);
        }
    }

    // ------------------------------------------------------------------ the stream's news

    /** The user data stream's news, on the gateway's thread. */
    private final class StreamNews implements UserDataRelay.Target {
        @Override
        public void onStreamReport(StreamReport report) {
            BinanceVenue.this.onStreamReport(report);
        }

        @Override
        public void onStreamGap(StreamGapReason reason) {
            stats.streamGaps++;
            LOG.log(System.Logger.Level.INFO, "binance venue: user data stream gap (" + reason + "); querying " + liveList.size()
                    + " unfinished orders");
            for (int i = 0; i < liveList.size(); i++) {
                scheduleQuery(liveList.get(i), now);
            }
        }

        @Override
        public void onStreamConnected() {
            LOG.log(System.Logger.Level.DEBUG, "binance venue: user data stream connected");
        }
    }

    // ------------------------------------------------------------------ polling while the stream is down

    private void poll() {
        nextPollNanos = now + config.pollIntervalNanos();
        Set<String> symbols = new HashSet<>();
        for (int i = 0; i < liveList.size(); i++) {
            TrackedOrder t = liveList.get(i);
            if (t.phase == TrackedOrder.Phase.KNOWN) {
                symbols.add(t.venueInstrument.symbol());
            }
        }
        for (String symbol : symbols) {
            if (pollsInFlight.add(symbol)) {
                Instrument vi = venueInstruments.get(symbol);
                stats.pollsSent++;
                onAnswer(rest.openOrders(vi), r -> onPollAnswer(symbol, r));
            }
        }
    }

    private void onPollAnswer(String symbol, TradingResult<List<VenueOrder>> r) {
        pollsInFlight.remove(symbol);
        if (r == null || !r.isOk()) {
            LOG.log(System.Logger.Level.DEBUG, "binance venue: open-orders poll of " + symbol + " failed: " + r);
            return;
        }
        Map<String, VenueOrder> open = new HashMap<>();
        for (VenueOrder vo : r.value()) {
            open.put(vo.clientOrderId(), vo);
        }
        for (TrackedOrder t : liveList.toArray(new TrackedOrder[0])) {
            if (t.phase != TrackedOrder.Phase.KNOWN || !t.venueInstrument.symbol().equals(symbol)) {
                continue;
            }
            VenueOrder vo = open.get(t.clientOrderId);
            if (vo != null) {
                applyVenueOrder(t, vo, BinanceVenueStats.Source.REST);
            } else if (!t.queryInFlight) {
                // No longer open at Binance: learn how it ended.
                scheduleQuery(t, now);
            }
        }
    }

    // ------------------------------------------------------------------ scheduling

    private void runDueWork() {
        long next = NONE;
        for (int i = 0; i < liveList.size(); i++) {
            TrackedOrder t = liveList.get(i);
            if (t.queryDueNanos <= now && !t.queryInFlight) {
                sendQuery(t);
            }
            if (t.tradesDueNanos <= now && !t.tradesInFlight) {
                sendTrades(t);
            }
            if (t.cancelDueNanos <= now && !t.cancelInFlight) {
                if (t.cancelWanted && t.phase != TrackedOrder.Phase.SENDING && t.order.isOpen()) {
                    sendCancel(t);
                } else {
                    t.cancelDueNanos = NONE;
                }
            }
            next = Math.min(next, t.nextDueNanos());
        }
        nextDueNanos = next;
    }

    private void scheduleQuery(TrackedOrder t, long at) {
        t.queryDueNanos = Math.min(t.queryDueNanos, at);
        nextDueNanos = Math.min(nextDueNanos, at);
    }

    private void scheduleTrades(TrackedOrder t, long at) {
        t.tradesDueNanos = Math.min(t.tradesDueNanos, at);
        nextDueNanos = Math.min(nextDueNanos, at);
    }

    private void scheduleCancel(TrackedOrder t, long at) {
        t.cancelDueNanos = Math.min(t.cancelDueNanos, at);
        nextDueNanos = Math.min(nextDueNanos, at);
    }

    private long nextBackoff(long current) {
        return current <= 0 ? config.queryInitialNanos() : Math.min(config.queryMaxNanos(), current * 2);
    }

    private void tick(long nowNanos) {
        if (nowNanos > now) {
            now = nowNanos;
        }
    }

    /** The venue's clock now, in epoch milliseconds (the local clock plus the synced offset). */
    private long serverNowMillis() {
        return rest.serverTimeOffset().serverMillisAt(clock.nanos());
    }

    /** The gateway's time at which the request clock reaches {@code requestClockNanos} (0 stays 0). */
    private long gatewayTimeOf(long requestClockNanos) {
        return requestClockNanos <= 0 ? 0 : now + Math.max(0, requestClockNanos - clock.nanos());
    }

    private boolean streamUp() {
        return stream != null && stream.isConnected();
    }

    /** Runs {@code handler} with the answer on the gateway's thread; a handler that throws is a bug, logged, never lost silently. */
    private <T> void onAnswer(CompletableFuture<TradingResult<T>> call, Consumer<TradingResult<T>> handler) {
        call.whenComplete((r, err) -> {
            try {
                if (err != null) {
                    LOG.log(System.Logger.Level.ERROR, "binance venue: a trading call failed without a result (bug)", err);
                }
                handler.accept(r);
            } catch (RuntimeException e) {
                handlerErrors++;
                LOG.log(System.Logger.Level.ERROR, "binance venue: BUG applying an answer (" + handlerErrors + " so far)", e);
            }
        });
    }
}
