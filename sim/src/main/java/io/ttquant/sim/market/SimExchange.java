package io.ttquant.sim.market;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Side;
import io.ttquant.core.time.Clock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The simulated Binance spot exchange: the markets, the accounts and their orders, the synthetic
 * participants, and the rules that join them. The transport calls it for every REST request and
 * listens to it for the WebSocket streams.
 *
 * <p><b>Threading.</b> Single-threaded: every method must be called on one engine thread, and
 * listeners are called back synchronously on it, in the order events happen. A listener must not
 * call a mutating method (it throws {@link IllegalStateException}).
 *
 * <p><b>Time.</b> Deterministic given the seed and the times it is driven at: the synthetic flow
 * runs only inside {@link #advanceTo(long)} (or its bounded form {@link #advanceTo(long, int)}) and
 * at the start of every request (up to the clock's current millisecond, at most
 * {@value #MAX_ACTIONS_PER_REQUEST} actions); event times never go backwards. An engine that cannot
 * run the configured intensity sheds the backlog with {@link #shedFlowBacklog(long, long)}. A
 * symbol configured for replay is driven by {@link ReplayFlow} (recorded trades) instead of the
 * synthetic flow.
 *
 * <p><b>Money.</b> Balances are exact at 10^-8 and never negative; money that changes hands in a
 * trade is price x quantity rounded down to 10^-8 (exact for USDT pairs); a resting buy locks
 * price x quantity rounded up. Commission is a fraction of what the account receives, charged in
 * that asset (base on buys, quote on sells), rounded half-up to 10^-8, as Binance charges without
 * BNB. Synthetic participants have no balances: money enters or leaves the users' accounts only
 * through their trades and leaves through commissions.
 *
 * <p><b>Binance behaviour kept.</b> Order ids per symbol shared with other participants; a MARKET
 * order the account cannot pay for completely is rejected with -2010 before matching (Binance's
 * market-order FAQ); unfilled MARKET and IOC remainders expire; FOK expires untouched unless fully
 * fillable; LIMIT_MAKER that would take is rejected; self-trade prevention follows the taker's mode
 * (default EXPIRE_MAKER). Never performs I/O and never logs; an account's secret never leaves
 * {@link Account#secret()}.
 */
public final class SimExchange {
    private static final char[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final long MY_TRADES_MAX_WINDOW_MS = 86_400_000L;
    /**
     * Most participant actions a request runs to catch the market up before it is served; under
     * overload the rest wait for the engine's next advance (stamped no earlier than the request).
     */
    static final int MAX_ACTIONS_PER_REQUEST = 10_000;

    private final SimConfig config;
    private final Clock clock;
    private final Map<String, SymbolMarket> markets = new LinkedHashMap<>();
    private final Collection<SymbolMarket> marketView = Collections.unmodifiableCollection(markets.values());
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<SymbolMarket, ParticipantFlow> flows = new LinkedHashMap<>();
    /** The flows as an array, for the per-action scan of which one acts next. */
    private ParticipantFlow[] flowArray;
    private final List<MarketListener> marketListeners = new ArrayList<>();
    private final List<UserListener> userListeners = new ArrayList<>();
    private final SplittableRandom idRandom;
    private long engineTime;
    private long skippedFlowMillis;
    private long flowActions;
    private boolean busy;
    private long listenerErrors;
    private RuntimeException firstListenerError;

    // the operation in progress
    private long opTime;
    /** Markets the current operation touched, in order; {@link SymbolMarket#touchedInOp} marks membership. */
    private final ArrayList<SymbolMarket> touched = new ArrayList<>();
    private final LinkedHashSet<Account> dirty = new LinkedHashSet<>();
    private SymbolMarket curMarket;
    private SimOrder curTaker;
    private long curTakerKey;
    private List<SimFill> curFills;
    private final LimitOrderBook.MatchHandler handler = new LimitOrderBook.MatchHandler() {
        @Override
        public void onFill(RestingOrder maker, long price, long qty, long quoteQty, boolean makerDone) {
            fill(maker, price, qty, quoteQty);
        }

        @Override
        public void onMakerExpired(RestingOrder maker, long expiredQty) {
            SimOrder o = maker.userOrder;
            o.preventedQuantity += expiredQty;
            finish(o, OrderStatus.EXPIRED_IN_MATCH, ExecutionType.TRADE_PREVENTION);
        }
    };

    public SimExchange(SimConfig config) {
        this.config = config;
        this.clock = config.clock();
        long start = clockMillis();
        this.engineTime = start;
        this.idRandom = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
        int index = 0;
        for (Instrument i : config.symbols()) {
            SymbolMarket m = new SymbolMarket(i, config.startPrice(i.symbol()), this::nowMillis, config.tradeHistory(),
                    config.marketMaxQty(i.symbol()), config.maxNumOrders(), config.maxNumAlgoOrders(),
                    config.defaultStpMode(), start);
            m.setMinuteListener((series, bar) -> emitKlineClosed(m, m.minuteKline(bar)));
            markets.put(i.symbol(), m);
            SimConfig.ReplaySpec replay = config.replay(i.symbol());
            if (replay != null) {
                flows.put(m, new ReplayFlow(this, m, replay, config.replayBookLevels(), start));
            } else if (config.flowIntensity() > 0) {
                SplittableRandom r = new SplittableRandom(config.seed() * 1_000_003L + 7919L * ++index);
                flows.put(m, new SyntheticFlow(this, m, config, r, start));
            }
        }
        flowArray = flows.values().toArray(new ParticipantFlow[0]);
        long id = 1;
        for (SimConfig.AccountSpec spec : config.accounts()) {
            Account a = new Account(id++, spec.apiKey(), spec.secret(), spec.makerCommissionPpm(),
                    spec.takerCommissionPpm(), config.orderHistory());
            for (Map.Entry<String, String> e : spec.balances().entrySet()) {
                a.credit(e.getKey(), Fixed.parse(e.getValue(), Fixed.CASH_SCALE));
            }
            a.changedAssets.clear();
            accounts.put(a.apiKey(), a);
        }
        enter();
        try {
            begin(start);
            for (ParticipantFlow f : flows.values()) {
                f.seed();
            }
            end();
        } finally {
            exit();
        }
    }

    public SimConfig config() {
        return config;
    }

    /** The engine's current time (ms): the clock, never earlier than the last event. */
    public long nowMillis() {
        return Math.max(clockMillis(), engineTime);
    }

    public Collection<SymbolMarket> markets() {
        return marketView;
    }

    /** The market of {@code symbol} (upper case, exact), or null. */
    public SymbolMarket market(String symbol) {
        return symbol == null ? null : markets.get(symbol);
    }

    /** The account of {@code apiKey}, or null. */
    public Account account(String apiKey) {
        return apiKey == null ? null : accounts.get(apiKey);
    }

    public Collection<Account> accounts() {
        return Collections.unmodifiableCollection(accounts.values());
    }

    public void addMarketListener(MarketListener l) {
        marketListeners.add(l);
    }

    public void addUserListener(UserListener l) {
        userListeners.add(l);
    }

    /** Exceptions thrown by listeners so far (they are caught so the engine stays consistent). */
    public long listenerErrors() {
        return listenerErrors;
    }

    /** The first exception a listener threw, or null. */
    public RuntimeException firstListenerError() {
        return firstListenerError;
    }

    /**
     * Runs the synthetic participants up to {@code nowMillis} (events at or before it), triggering
     * stop orders on the way, and brings the klines to that time. After a pause longer than the
     * configured catch-up, the older part is skipped rather than replayed.
     */
    public void advanceTo(long nowMillis) {
        enter();
        try {
            runTo(nowMillis, Integer.MAX_VALUE);
        } finally {
            exit();
        }
    }

    /**
     * As {@link #advanceTo(long)}, but runs at most {@code maxActions} participant actions, so that
     * a caller with a time budget (the server's engine thread) can interleave other work. Returns
     * the number of actions run: fewer than {@code maxActions} means the market reached
     * {@code nowMillis} (and the klines were brought to it); exactly {@code maxActions} means it
     * may still be behind, and the next call goes on from where this one stopped.
     */
    public int advanceTo(long nowMillis, int maxActions) {
        if (maxActions <= 0) {
            throw new IllegalArgumentException("maxActions must be positive: " + maxActions);
        }
        enter();
        try {
            return runTo(nowMillis, maxActions);
        } finally {
            exit();
        }
    }

    /**
     * Sheds participant backlog: every flow whose next action is due more than
     * {@code maxLagMillis} before {@code nowMillis} skips the actions due before
     * {@code nowMillis - maxLagMillis} instead of running them. For an engine that cannot keep up
     * with the configured intensity: the market then runs at the rate the engine can afford, and
     * the skipped time is counted ({@link #skippedFlowMillis()}). Returns the milliseconds skipped
     * by this call (the largest skip of any flow).
     */
    public long shedFlowBacklog(long nowMillis, long maxLagMillis) {
        if (maxLagMillis < 0) {
            throw new IllegalArgumentException("maxLagMillis must not be negative: " + maxLagMillis);
        }
        enter();
        try {
            return skipFlowsBefore(nowMillis - maxLagMillis);
        } finally {
            exit();
        }
    }

    /**
     * Milliseconds of participant activity skipped so far, by {@link #shedFlowBacklog} and by the
     * catch-up limit after a long pause (per call, the largest skip of any flow).
     */
    public long skippedFlowMillis() {
        return skippedFlowMillis;
    }

    /** Participant actions run so far (synthetic or replayed), for load figures and tests. */
    public long flowActions() {
        return flowActions;
    }

    // ---- orders ----

    /** Places an order for {@code account} (see {@link OrderRequest}); the market first advances to now. */
    public OrderOutcome newOrder(Account account, OrderRequest request) {
        enter();
        try {
            runTo(clockMillis(), MAX_ACTIONS_PER_REQUEST);
            Object parsed = OrderValidation.parse(request, markets);
            if (parsed instanceof Rejection) {
                return OrderOutcome.rejected((Rejection) parsed);
            }
            begin(stamp(clockMillis()));
            OrderOutcome out = place(account, (OrderValidation.Parsed) parsed);
            end();
            return out;
        } finally {
            exit();
        }
    }

    /** Cancels an open order by {@code orderId} (takes precedence) or {@code origClientOrderId}. */
    public CancelOutcome cancel(Account account, String symbol, Long orderId, String origClientOrderId) {
        return cancel(account, symbol, orderId, origClientOrderId, null);
    }

    /**
     * As {@link #cancel(Account, String, Long, String)}, with the cancel request's own client id
     * ({@code newClientOrderId}; generated when null).
     */
    public CancelOutcome cancel(Account account, String symbol, Long orderId, String origClientOrderId,
                                String newClientOrderId) {
        enter();
        try {
            runTo(clockMillis(), MAX_ACTIONS_PER_REQUEST);
            SymbolMarket m = market(symbol);
            if (m == null) {
                return CancelOutcome.rejected(symbol == null || symbol.isEmpty()
                        ? Rejection.mandatory("symbol") : ApiError.BAD_SYMBOL.reject());
            }
            if (orderId == null && (origClientOrderId == null || origClientOrderId.isEmpty())) {
                return CancelOutcome.rejected(Rejection.eitherMandatory("origClientOrderId", "orderId"));
            }
            if (!account.canTrade()) {
                return CancelOutcome.rejected(ApiError.CANCEL_REJECTED.withMessage(ApiError.MSG_TRADING_DISABLED));
            }
            SimOrder o = orderId != null ? account.order(symbol, orderId) : account.orderByClientId(symbol, origClientOrderId);
            if (o == null || !o.isOpen()) {
                return CancelOutcome.rejected(ApiError.CANCEL_REJECTED.withMessage(ApiError.MSG_UNKNOWN_ORDER));
            }
            begin(stamp(clockMillis()));
            cancelOrder(m, o, newClientOrderId);
            end();
            return new CancelOutcome(null, o);
        } finally {
            exit();
        }
    }

    /**
     * Cancels every open order of {@code account} on {@code symbol} and returns them (empty when
     * none or the symbol is unknown; Binance answers that case with -2011, the transport decides).
     */
    public List<SimOrder> cancelAll(Account account, String symbol) {
        enter();
        try {
            runTo(clockMillis(), MAX_ACTIONS_PER_REQUEST);
            SymbolMarket m = market(symbol);
            if (m == null || !account.canTrade()) {
                return List.of();
            }
            List<SimOrder> open = account.openOrders(symbol);
            if (open.isEmpty()) {
                return open;
            }
            begin(stamp(clockMillis()));
            for (SimOrder o : open) {
                cancelOrder(m, o, null);
            }
            end();
            return open;
        } finally {
            exit();
        }
    }

    /** An order of {@code account} by {@code orderId} (takes precedence) or client id, or null (-2013). */
    public SimOrder order(Account account, String symbol, Long orderId, String origClientOrderId) {
        if (orderId != null) {
            return account.order(symbol, orderId);
        }
        return origClientOrderId == null ? null : account.orderByClientId(symbol, origClientOrderId);
    }

    /** Open orders of {@code account} on {@code symbolOrNull} (all symbols when null), by order id per symbol. */
    public List<SimOrder> openOrders(Account account, String symbolOrNull) {
        if (symbolOrNull != null) {
            return account.openOrders(symbolOrNull);
        }
        List<SimOrder> out = new ArrayList<>();
        for (String s : markets.keySet()) {
            out.addAll(account.openOrders(s));
        }
        return out;
    }

    /**
     * Binance's parameter rules for {@code /api/v3/myTrades}: startTime..endTime at most 24 hours
     * (-1127); fromId cannot be combined with startTime/endTime, nor orderId with times (-1128).
     */
    public static Rejection checkMyTradesQuery(Long orderId, Long fromId, Long startTime, Long endTime) {
        if (startTime != null && endTime != null) {
            if (endTime < startTime) {
                return ApiError.INVALID_PARAMETER.reject("endTime");
            }
            if (endTime - startTime > MY_TRADES_MAX_WINDOW_MS) {
                return ApiError.MORE_THAN_XX_HOURS.reject("24");
            }
        }
        if ((fromId != null || orderId != null) && (startTime != null || endTime != null)) {
            return ApiError.OPTIONAL_PARAMS_BAD_COMBO.reject();
        }
        return null;
    }

    /**
     * The account's trades on {@code symbol}, oldest first, at most {@code limit}: of one order
     * when {@code orderId} is given; from trade id {@code fromId} on; within
     * [startTime, endTime] (one alone means a 24-hour window from or to it); else the most recent.
     */
    public List<AccountTrade> myTrades(Account account, String symbol, Long orderId, Long fromId, Long startTime,
                                       Long endTime, int limit) {
        List<AccountTrade> all = account.trades(symbol);
        List<AccountTrade> out = new ArrayList<>();
        if (limit <= 0) {
            return out;
        }
        if (fromId != null || startTime != null) {
            long from = startTime != null ? startTime : Long.MIN_VALUE;
            long to = endTime != null ? endTime : startTime != null ? startTime + MY_TRADES_MAX_WINDOW_MS : Long.MAX_VALUE;
            for (AccountTrade t : all) {
                if (out.size() >= limit || t.time() > to) {
                    break;
                }
                if ((fromId == null || t.id() >= fromId) && t.time() >= from && (orderId == null || t.orderId() == orderId)) {
                    out.add(t);
                }
            }
            return out;
        }
        long from = endTime != null ? endTime - MY_TRADES_MAX_WINDOW_MS : Long.MIN_VALUE;
        long to = endTime != null ? endTime : Long.MAX_VALUE;
        for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
            AccountTrade t = all.get(i);
            if (t.time() < from) {
                break;
            }
            if (t.time() <= to && (orderId == null || t.orderId() == orderId)) {
                out.add(t);
            }
        }
        Collections.reverse(out);
        return out;
    }

    // ---- synthetic participants (also for tests and replay) ----

    /**
     * Rests a limit order of a synthetic participant (no account) and returns its order id. The
     * price must not cross the book.
     */
    public long placeSyntheticLimit(String symbol, Side side, String price, String qty) {
        enter();
        try {
            SymbolMarket m = requireMarket(symbol);
            begin(stamp(clockMillis()));
            long id = syntheticLimit(m, side, m.instrument().price(price), m.instrument().qty(qty));
            end();
            return id;
        } finally {
            exit();
        }
    }

    /** A synthetic participant's market order for {@code qty}. */
    public void placeSyntheticMarket(String symbol, Side side, String qty) {
        enter();
        try {
            SymbolMarket m = requireMarket(symbol);
            begin(stamp(clockMillis()));
            syntheticMarket(m, side, m.instrument().qty(qty));
            end();
        } finally {
            exit();
        }
    }

    /** Cancels a synthetic participant's resting order; false when it is not resting. */
    public boolean cancelSynthetic(String symbol, long orderId) {
        enter();
        try {
            SymbolMarket m = requireMarket(symbol);
            begin(stamp(clockMillis()));
            boolean ok = syntheticCancel(m, orderId);
            end();
            return ok;
        } finally {
            exit();
        }
    }

    long syntheticLimit(SymbolMarket m, Side side, long price, long qty) {
        return syntheticLimitOrder(m, side, price, qty).orderId;
    }

    /** As {@link #syntheticLimit}, returning the resting order itself (its {@code resting} flag tells when it left). */
    RestingOrder syntheticLimitOrder(SymbolMarket m, Side side, long price, long qty) {
        RestingOrder o = m.book().add(m.nextOrderId(), side, price, qty, 0);
        touch(m);
        return o;
    }

    boolean syntheticCancel(SymbolMarket m, long orderId) {
        RestingOrder r = m.book().order(orderId);
        if (r == null || r.ownerId != 0) {
            return false;
        }
        m.book().cancel(orderId);
        touch(m);
        return true;
    }

    void syntheticMarket(SymbolMarket m, Side side, long qty) {
        touch(m);
        curMarket = m;
        curTaker = null;
        curTakerKey = m.nextOrderId();
        curFills = null;
        m.book().match(side, 0, qty, LimitOrderBook.UNLIMITED, 0, SelfTradePreventionMode.NONE, handler);
        emitAgg(m, m.flushAgg());
    }

    /** A synthetic participant takes everything up to {@code limitPrice} (an IOC limit order). */
    void syntheticSweep(SymbolMarket m, Side side, long limitPrice) {
        touch(m);
        curMarket = m;
        curTaker = null;
        curTakerKey = m.nextOrderId();
        curFills = null;
        m.book().match(side, limitPrice, LimitOrderBook.UNLIMITED, LimitOrderBook.UNLIMITED, 0,
                SelfTradePreventionMode.NONE, handler);
        emitAgg(m, m.flushAgg());
    }

    /**
     * A synthetic participant takes up to {@code qty} at prices up to {@code limitPrice} (an IOC
     * limit order); returns the quantity executed.
     */
    long syntheticTake(SymbolMarket m, Side side, long limitPrice, long qty) {
        touch(m);
        curMarket = m;
        curTaker = null;
        curTakerKey = m.nextOrderId();
        curFills = null;
        LimitOrderBook.MatchResult r = m.book().match(side, limitPrice, qty, LimitOrderBook.UNLIMITED, 0,
                SelfTradePreventionMode.NONE, handler);
        emitAgg(m, m.flushAgg());
        return r.executedQty();
    }

    /**
     * Closes the files that replayed symbols read; the replayed symbols take no further action.
     * Call once the exchange is no longer driven.
     */
    public void close() {
        enter();
        try {
            for (ParticipantFlow f : flows.values()) {
                f.close();
            }
        } finally {
            exit();
        }
    }

    // ---- invariants ----

    /**
     * Checks every invariant of books, markets, accounts and orders; throws
     * {@link IllegalStateException} naming the first broken one. For tests and debugging.
     */
    public void validateInternalState() {
        for (SymbolMarket m : markets.values()) {
            m.validateInternalState();
            for (RestingOrder r : m.book().allOrders()) {
                if (r.ownerId != 0) {
                    SimOrder o = r.userOrder;
                    if (o == null || !o.isOpen() || o.account.id() != r.ownerId || r.openQty != o.remainingQty()) {
                        throw new IllegalStateException("resting " + r + " does not match its order " + o);
                    }
                }
            }
        }
        for (Account a : accounts.values()) {
            Map<String, Long> locked = new HashMap<>();
            for (SimOrder o : a.allOrders()) {
                long qty = 0;
                long quote = 0;
                for (SimFill f : o.fills) {
                    qty += f.qty();
                    quote += f.quoteQty();
                }
                if (qty != o.executedQty || quote != o.cummulativeQuoteQty || o.executedQty > o.origQty || o.locked < 0) {
                    throw new IllegalStateException("fills do not add up for " + o);
                }
                if (o.isOpen()) {
                    if (o.locked > 0) {
                        locked.merge(o.lockedAsset, o.locked, Long::sum);
                    }
                    SymbolMarket m = markets.get(o.symbol);
                    boolean resting = m.book().order(o.orderId) != null;
                    boolean waiting = m.risingStops.contains(o) || m.fallingStops.contains(o);
                    if (o.working ? !resting || waiting : resting || !waiting) {
                        throw new IllegalStateException("open order neither resting nor waiting as it should: " + o);
                    }
                } else if (o.locked != 0 || markets.get(o.symbol).book().order(o.orderId) != null) {
                    throw new IllegalStateException("closed order still holds funds or rests: " + o);
                }
            }
            Map<String, Integer> openPerSymbol = new HashMap<>();
            for (SimOrder o : a.allOrders()) {
                if (o.isOpen()) {
                    openPerSymbol.merge(o.symbol, 1, Integer::sum);
                }
            }
            for (String s : markets.keySet()) {
                if (a.openOrderCount(s) != openPerSymbol.getOrDefault(s, 0) || a.openOrders(s).stream().anyMatch(o -> !o.isOpen())) {
                    throw new IllegalStateException(a + " open-order index disagrees with its orders on " + s);
                }
            }
            for (AssetBalance b : a.balances()) {
                if (b.free() < 0 || b.locked() < 0) {
                    throw new IllegalStateException(a + " has a negative balance " + b);
                }
                if (b.locked() != locked.getOrDefault(b.asset(), 0L)) {
                    throw new IllegalStateException(a + " locks " + b.locked() + " " + b.asset() + " but its orders hold "
                            + locked.getOrDefault(b.asset(), 0L));
                }
            }
        }
    }

    // ---- engine ----

    /**
     * Runs the flows' actions due at or before {@code t}, at most {@code maxActions} of them; when
     * all due actions ran, stamps {@code t} and rolls the bars to it. Returns the actions run.
     */
    private int runTo(long t, int maxActions) {
        int done = 0;
        ParticipantFlow[] all = flowArray;
        if (all.length > 0) {
            skipFlowsBefore(t - config.maxCatchUpMillis());
            while (done < maxActions) {
                ParticipantFlow next = null;
                long best = Long.MAX_VALUE;
                for (ParticipantFlow f : all) {
                    long e = f.nextEventMillis();
                    if (e < best) {
                        best = e;
                        next = f;
                    }
                }
                if (next == null || best > t) {
                    break;
                }
                begin(stamp(best));
                next.step(opTime);
                end();
                done++;
            }
            flowActions += done;
        }
        if (done < maxActions) {
            long now = stamp(t);
            for (SymbolMarket m : markets.values()) {
                m.rollTo(now);
            }
        }
        return done;
    }

    /** Skips every flow's actions due before {@code millis}; returns (and counts) the largest skip. */
    private long skipFlowsBefore(long millis) {
        long skipped = 0;
        for (ParticipantFlow f : flows.values()) {
            long next = f.nextEventMillis();
            if (next < millis) {
                f.skipTo(millis);
                skipped = Math.max(skipped, millis - next);
            }
        }
        skippedFlowMillis += skipped;
        return skipped;
    }

    private OrderOutcome place(Account a, OrderValidation.Parsed p) {
        SymbolMarket m = p.market();
        Instrument ins = m.instrument();
        LimitOrderBook book = m.book();
        String symbol = m.symbol();
        if (!a.canTrade()) {
            return OrderOutcome.rejected(ApiError.NEW_ORDER_REJECTED.withMessage(ApiError.MSG_TRADING_DISABLED));
        }
        if (p.clientOrderId() != null) {
            SimOrder existing = a.orderByClientId(symbol, p.clientOrderId());
            if (existing != null && existing.isOpen()) {
                return OrderOutcome.rejected(ApiError.NEW_ORDER_REJECTED.withMessage(ApiError.MSG_DUPLICATE_ORDER));
            }
        }
        OrderType type = p.type();
        if (a.openOrderCount(symbol) >= m.maxNumOrders()) {
            return OrderOutcome.rejected(Rejection.filter("MAX_NUM_ORDERS"));
        }
        if (type.isStop() && a.openAlgoOrderCount(symbol) >= m.maxNumAlgoOrders()) {
            return OrderOutcome.rejected(Rejection.filter("MAX_NUM_ALGO_ORDERS"));
        }
        Side side = p.side();
        if (type.isStop() && m.lastPrice() != 0) {
            boolean rising = SymbolMarket.triggersRising(side, type);
            if (rising ? m.lastPrice() >= p.stopPrice() : m.lastPrice() <= p.stopPrice()) {
                return OrderOutcome.rejected(ApiError.NEW_ORDER_REJECTED.withMessage(ApiError.MSG_WOULD_TRIGGER));
            }
        }
        if (type == OrderType.LIMIT_MAKER && book.wouldCross(side, p.price())) {
            return OrderOutcome.rejected(ApiError.NEW_ORDER_REJECTED.withMessage(ApiError.MSG_WOULD_TAKE));
        }
        String base = ins.baseAsset();
        String quote = ins.quoteAsset();
        long qty = p.quantity();
        long lock;
        String lockAsset = side == Side.BUY ? quote : base;
        LimitOrderBook.StopReason planned = null;
        if (type.hasPrice()) {
            lock = side == Side.BUY ? Notional.ceil(p.price(), ins.priceScale(), qty, ins.qtyScale()) : ins.qtyToCash(qty);
        } else if (type == OrderType.MARKET && p.quoteOrderQty() > 0) {
            long budget = p.quoteOrderQty();
            if (book.bestPrice(side.opposite()) == 0) {
                return OrderOutcome.rejected(ApiError.NEW_ORDER_REJECTED.withMessage(ApiError.MSG_NO_LIQUIDITY));
            }
            LimitOrderBook.MatchResult sim = book.simulate(side, 0, LimitOrderBook.UNLIMITED, budget, a.id(), p.stpMode());
            if (sim.executedQty() < ins.minQty() && sim.reason() != LimitOrderBook.StopReason.SELF_TRADE) {
                return OrderOutcome.rejected(Rejection.filter("LOT_SIZE"));
            }
            qty = sim.executedQty();
            planned = sim.reason();
            lock = side == Side.BUY ? budget : ins.qtyToCash(qty);
        } else if (type == OrderType.MARKET && side == Side.BUY) {
            lock = book.simulate(side, 0, qty, LimitOrderBook.UNLIMITED, a.id(), p.stpMode()).executedQuote();
        } else if (side == Side.SELL) {
            lock = ins.qtyToCash(qty);
        } else {
            lock = 0;
        }
        if (lock > a.free(lockAsset)) {
            return OrderOutcome.rejected(ApiError.NEW_ORDER_REJECTED.withMessage(ApiError.MSG_INSUFFICIENT_BALANCE));
        }

        long now = opTime;
        String clientId = p.clientOrderId() != null ? p.clientOrderId() : newClientId();
        long orderPrice = type.hasPrice() ? p.price() : 0;
        SimOrder o = new SimOrder(a, symbol, m.nextOrderId(), clientId, side, type, p.timeInForce(), orderPrice, qty,
                p.stopPrice(), p.quoteOrderQty(), p.stpMode(), now);
        o.plannedEnd = planned;
        a.lock(lockAsset, lock);
        a.touch(lockAsset, now);
        o.locked = lock;
        o.lockedAsset = lockAsset;
        a.addOrder(o);
        dirty.add(a);
        touch(m);
        List<SimFill> fills = new ArrayList<>(2);
        if (type.isStop()) {
            (SymbolMarket.triggersRising(side, type) ? m.risingStops : m.fallingStops).add(o);
            report(o, ExecutionType.NEW, null);
        } else {
            o.working = true;
            o.workingTime = now;
            report(o, ExecutionType.NEW, null);
            execute(m, o, fills);
        }
        return new OrderOutcome(null, o, fills, p.respType());
    }

    /** Matches a working order, then rests, expires or completes it. */
    private void execute(SymbolMarket m, SimOrder o, List<SimFill> fills) {
        LimitOrderBook book = m.book();
        Account a = o.account;
        long limit = o.type.hasPrice() ? o.price : 0;
        long maxQty = o.remainingQty();
        long maxQuote = LimitOrderBook.UNLIMITED;
        if (o.origQuoteOrderQty > 0) {
            maxQuote = o.side == Side.BUY ? o.locked : o.origQuoteOrderQty;
        } else if (o.type.isMarketLike() && o.side == Side.BUY) {
            maxQuote = o.locked;
        }
        if (o.timeInForce == TimeInForce.FOK && o.type.hasPrice()) {
            LimitOrderBook.MatchResult sim = book.simulate(o.side, limit, maxQty, maxQuote, a.id(), o.stpMode);
            if (sim.executedQty() < maxQty) {
                finish(o, OrderStatus.EXPIRED, ExecutionType.EXPIRED);
                return;
            }
        }
        curMarket = m;
        curTaker = o;
        curTakerKey = o.orderId;
        curFills = fills;
        LimitOrderBook.MatchResult r = book.match(o.side, limit, maxQty, maxQuote, a.id(), o.stpMode, handler);
        curTaker = null;
        curFills = null;
        emitAgg(m, m.flushAgg());
        if (!o.isOpen()) {
            return;
        }
        if (r.reason() == LimitOrderBook.StopReason.SELF_TRADE) {
            o.preventedQuantity += o.remainingQty();
            finish(o, OrderStatus.EXPIRED_IN_MATCH, ExecutionType.TRADE_PREVENTION);
            return;
        }
        if (o.origQuoteOrderQty > 0 && o.plannedEnd == LimitOrderBook.StopReason.SELF_TRADE) {
            finish(o, OrderStatus.EXPIRED_IN_MATCH, ExecutionType.TRADE_PREVENTION);
            return;
        }
        if (o.type.isMarketLike() || o.origQuoteOrderQty > 0 || o.timeInForce != TimeInForce.GTC) {
            finish(o, OrderStatus.EXPIRED, ExecutionType.EXPIRED);
            return;
        }
        book.add(o.orderId, o.side, o.price, o.remainingQty(), a.id(), o);
    }

    /** One fill from the book: print the trade, settle both sides that belong to users. */
    private void fill(RestingOrder maker, long price, long qty, long quoteQty) {
        SymbolMarket m = curMarket;
        long now = opTime;
        SimTrade t = m.recordTrade(price, qty, quoteQty, now, maker.side == Side.BUY, curTakerKey);
        emitAgg(m, m.takeCompletedAgg());
        for (int li = 0; li < marketListeners.size(); li++) {
            MarketListener l = marketListeners.get(li);
            try {
                l.onTrade(m, t);
            } catch (RuntimeException e) {
                listenerFailed(e);
            }
        }
        if (maker.userOrder != null) {
            settle(m, maker.userOrder, price, qty, quoteQty, true, t.id());
        }
        if (curTaker != null) {
            SimFill f = settle(m, curTaker, price, qty, quoteQty, false, t.id());
            if (curFills != null) {
                curFills.add(f);
            }
        }
    }

    private SimFill settle(SymbolMarket m, SimOrder o, long price, long qty, long quoteQty, boolean maker, long tradeId) {
        Account a = o.account;
        Instrument ins = m.instrument();
        String base = ins.baseAsset();
        String quote = ins.quoteAsset();
        long ppm = maker ? a.makerCommissionPpm() : a.takerCommissionPpm();
        long now = opTime;
        long commission;
        String commissionAsset;
        o.executedQty += qty;
        o.cummulativeQuoteQty += quoteQty;
        o.updateTime = now;
        if (o.side == Side.BUY) {
            o.locked -= quoteQty;
            a.spendLocked(quote, quoteQty);
            long received = ins.qtyToCash(qty);
            commission = Fixed.feePpm(received, ppm);
            commissionAsset = base;
            a.credit(base, received - commission);
            if (o.type.hasPrice()) {
                long keep = Notional.ceil(o.price, ins.priceScale(), o.remainingQty(), ins.qtyScale());
                if (o.locked > keep) {
                    a.unlock(quote, o.locked - keep);
                    o.locked = keep;
                }
            }
        } else {
            long sold = ins.qtyToCash(qty);
            o.locked -= sold;
            a.spendLocked(base, sold);
            commission = Fixed.feePpm(quoteQty, ppm);
            commissionAsset = quote;
            a.credit(quote, quoteQty - commission);
        }
        a.touch(base, now);
        a.touch(quote, now);
        dirty.add(a);
        SimFill f = new SimFill(price, qty, quoteQty, commission, commissionAsset, tradeId, maker, now);
        o.fills.add(f);
        a.addTrade(new AccountTrade(o.symbol, tradeId, o.orderId, price, qty, quoteQty, commission, commissionAsset,
                now, o.side == Side.BUY, maker));
        // A quote-quantity order is complete when it has the quantity its budget bought on arrival;
        // when the book ran short or STP stops it, it expires after its last fill instead.
        boolean done = o.executedQty == o.origQty
                && (o.origQuoteOrderQty == 0 || o.plannedEnd == LimitOrderBook.StopReason.QUOTE_BUDGET);
        o.status = done ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        if (done) {
            close(o);
        }
        report(o, ExecutionType.TRADE, f);
        return f;
    }

    private void cancelOrder(SymbolMarket m, SimOrder o, String cancelClientId) {
        if (o.working) {
            m.book().cancel(o.orderId);
        }
        o.cancelClientOrderId = cancelClientId != null ? cancelClientId : newClientId();
        touch(m);
        finish(o, OrderStatus.CANCELED, ExecutionType.CANCELED);
    }

    /** Ends an open order with {@code status}, releasing its funds; reports {@code type} when not null. */
    private void finish(SimOrder o, OrderStatus status, ExecutionType type) {
        o.status = status;
        o.updateTime = opTime;
        close(o);
        if (type != null) {
            report(o, type, null);
        }
    }

    private void close(SimOrder o) {
        Account a = o.account;
        if (o.locked > 0) {
            a.unlock(o.lockedAsset, o.locked);
            a.touch(o.lockedAsset, opTime);
            o.locked = 0;
            dirty.add(a);
        }
        if (!o.working) {
            SymbolMarket m = markets.get(o.symbol);
            m.risingStops.remove(o);
            m.fallingStops.remove(o);
        }
        a.orderClosed(o);
    }

    private void processStops() {
        boolean again = true;
        while (again) {
            again = false;
            // by index: a triggered stop may touch another market, which joins the list
            for (int i = 0; i < touched.size(); i++) {
                SymbolMarket m = touched.get(i);
                SimOrder s;
                while ((s = nextTriggered(m)) != null) {
                    trigger(m, s);
                    again = true;
                }
            }
        }
    }

    private static SimOrder nextTriggered(SymbolMarket m) {
        if (m.opHighPrice == 0) {
            return null;
        }
        if (!m.risingStops.isEmpty() && m.risingStops.first().stopPrice <= m.opHighPrice) {
            return m.risingStops.pollFirst();
        }
        if (!m.fallingStops.isEmpty() && m.fallingStops.first().stopPrice >= m.opLowPrice) {
            return m.fallingStops.pollFirst();
        }
        return null;
    }

    /** A stop order's price was reached: it starts working as a MARKET or LIMIT order. */
    private void trigger(SymbolMarket m, SimOrder o) {
        Account a = o.account;
        a.stopTriggered(o);
        o.working = true;
        o.workingTime = opTime;
        o.updateTime = opTime;
        if (o.type.isMarketLike() && o.side == Side.BUY) {
            long cost = m.book().simulate(Side.BUY, 0, o.origQty, LimitOrderBook.UNLIMITED, a.id(), o.stpMode).executedQuote();
            String quote = m.instrument().quoteAsset();
            if (cost > a.free(quote)) {
                finish(o, OrderStatus.EXPIRED, ExecutionType.EXPIRED);
                return;
            }
            a.lock(quote, cost);
            a.touch(quote, opTime);
            o.locked = cost;
            o.lockedAsset = quote;
            dirty.add(a);
        }
        report(o, ExecutionType.NEW, null);
        execute(m, o, null);
    }

    // ---- operations and events ----

    private void enter() {
        if (busy) {
            throw new IllegalStateException("re-entrant call: listeners must not call back into the exchange");
        }
        busy = true;
    }

    private void exit() {
        busy = false;
        curTaker = null;
        curFills = null;
    }

    private long clockMillis() {
        return Math.floorDiv(clock.nanos(), 1_000_000L);
    }

    /** Event time for an operation at {@code t}: never earlier than the previous one. */
    private long stamp(long t) {
        engineTime = Math.max(engineTime, t);
        return engineTime;
    }

    private void begin(long now) {
        opTime = now;
        clearTouched();
        dirty.clear();
    }

    private void clearTouched() {
        for (int i = 0; i < touched.size(); i++) {
            touched.get(i).touchedInOp = false;
        }
        touched.clear();
    }

    private void touch(SymbolMarket m) {
        if (!m.touchedInOp) {
            m.touchedInOp = true;
            touched.add(m);
            m.opLowPrice = 0;
            m.opHighPrice = 0;
        }
    }

    private void end() {
        processStops();
        for (int i = 0; i < touched.size(); i++) {
            SymbolMarket m = touched.get(i);
            emitAgg(m, m.flushAgg());
            long[] last = m.lastTicker;
            long bid = m.bestBid();
            long bidQty = m.bestBidQty();
            long ask = m.bestAsk();
            long askQty = m.bestAskQty();
            if (bid != last[0] || bidQty != last[1] || ask != last[2] || askQty != last[3]) {
                last[0] = bid;
                last[1] = bidQty;
                last[2] = ask;
                last[3] = askQty;
                for (int li = 0; li < marketListeners.size(); li++) {
                    MarketListener l = marketListeners.get(li);
                    try {
                        l.onBookTicker(m);
                    } catch (RuntimeException e) {
                        listenerFailed(e);
                    }
                }
            }
        }
        // iterating even an empty set walks its table: the synthetic flow's operations have no dirty account
        for (Account a : dirty.isEmpty() ? List.<Account>of() : dirty) {
            if (a.changedAssets.isEmpty()) {
                continue;
            }
            List<String> assets = new ArrayList<>(a.changedAssets);
            a.changedAssets.clear();
            for (int li = 0; li < userListeners.size(); li++) {
                UserListener l = userListeners.get(li);
                try {
                    l.onAccountPosition(a, assets, opTime);
                } catch (RuntimeException e) {
                    listenerFailed(e);
                }
            }
        }
        clearTouched();
        dirty.clear();
    }

    private void report(SimOrder o, ExecutionType type, SimFill fill) {
        for (int li = 0; li < userListeners.size(); li++) {
            UserListener l = userListeners.get(li);
            try {
                l.onExecutionReport(o.account, o, type, fill, opTime);
            } catch (RuntimeException e) {
                listenerFailed(e);
            }
        }
    }

    private void emitAgg(SymbolMarket m, SimAggTrade a) {
        if (a == null) {
            return;
        }
        for (int li = 0; li < marketListeners.size(); li++) {
            MarketListener l = marketListeners.get(li);
            try {
                l.onAggTrade(m, a);
            } catch (RuntimeException e) {
                listenerFailed(e);
            }
        }
    }

    private void emitKlineClosed(SymbolMarket m, Kline k) {
        for (int li = 0; li < marketListeners.size(); li++) {
            MarketListener l = marketListeners.get(li);
            try {
                l.onKline1mClosed(m, k);
            } catch (RuntimeException e) {
                listenerFailed(e);
            }
        }
    }

    private void listenerFailed(RuntimeException e) {
        listenerErrors++;
        if (firstListenerError == null) {
            firstListenerError = e;
        }
    }

    private String newClientId() {
        char[] c = new char[22];
        for (int i = 0; i < c.length; i++) {
            c[i] = ID_CHARS[idRandom.nextInt(ID_CHARS.length)];
        }
        return new String(c);
    }

    private SymbolMarket requireMarket(String symbol) {
        SymbolMarket m = markets.get(symbol);
        if (m == null) {
            throw new IllegalArgumentException("unknown symbol " + symbol);
        }
        return m;
    }

    @Override
    public String toString() {
        return "SimExchange" + markets.keySet();
    }
}
