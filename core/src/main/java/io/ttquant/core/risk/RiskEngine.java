package io.ttquant.core.risk;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.time.Clock;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The pre-trade risk engine: every new order, cancel and replace is checked here before it may
 * reach a venue, and the answer is a value — {@code null} when it passes, else the
 * {@link RejectReason} of the first check it failed, counted per reason for metrics.
 *
 * <p>Checks on a new order, in this order: kill switch, known strategy and instrument, HALTED state,
 * the instrument's filters (tick, step, min/max quantity and price, time in force), max order
 * quantity, price collar against the reference price, max order notional and min notional, the
 * order's own reduce-only flag, REDUCE_ONLY state, max position per strategy and instrument
 * counting open orders on the side that would grow it, max open orders (strategy, then global), the
 * duplicate-order guard, and last the order-rate token buckets (strategy, then global), so a
 * rejected order never uses a token. A pass consumes tokens and is remembered by the duplicate
 * guard: call a check once per real request. Cancels are checked against the cancel-rate buckets
 * only and pass while halted or with the kill switch engaged.
 *
 * <p>Bookkeeping: the caller reports each order that passed with {@link #onAccepted} at once (on
 * the same thread, before the next check, so a burst cannot outrun its own exposure), then its
 * fills ({@link #onFill}) and its end ({@link #onDone}: canceled, expired, or refused by the
 * venue). From these the engine keeps open quantities per side, open-order counts, positions and
 * realised PnL per strategy and instrument; {@link #onMarketPrice} gives reference prices and marks
 * positions for unrealised PnL. The daily loss (realised, after the fees reported with fills, plus
 * unrealised, since the last UTC midnight of the injected clock) moves a strategy to REDUCE_ONLY,
 * a second breach or the halt limit to HALTED; both reset at the next UTC midnight. An operator
 * state set with {@link #setState} stays until changed; the effective state is the stricter one.
 * PnL of all instruments is summed as one currency: configure instruments that share a quote asset.
 *
 * <p>The day is kept so that a restart can continue it: per strategy the realised PnL since the day
 * started ({@link #dayRealized}) and the unrealised PnL at its start ({@link #dayStartUnrealized}),
 * so the daily PnL is {@code dayRealized + unrealised now - dayStartUnrealized}. A
 * {@link RiskDayListener} hears each day start and loss-state change; {@link #restorePosition} and
 * {@link #restoreDay} put a journaled position and day back exactly. The day rolls (at the first
 * call after a UTC midnight) before anything is checked, booked or valued, so a fill at 00:00:01
 * counts for the new day.
 *
 * <p>Strategies are identified by their index in {@link RiskLimits#strategies()}; instruments by
 * identity with the configured {@link Instrument} objects. Single-threaded (the gateway's event
 * loop owns it); no allocation after construction on any check, bookkeeping or market-price call.
 * It never throws for a bad order; it throws only for caller bugs (booking an order twice, a fill
 * larger than what is open, more open orders than configured).
 */
public final class RiskEngine {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final long PPM = 1_000_000L;
    private static final OrderType[] TYPES = OrderType.values();
    private static final TimeInForce[] TIFS = TimeInForce.values();
    private static final RejectReason[] REASONS = RejectReason.values();

    private final Clock clock;
    private final RiskLimits limits;
    private final boolean rejectWithoutReference;
    private final long duplicateWindowNanos;

    private final Instrument[] instruments;
    private final Map<Instrument, Integer> instrumentIds = new IdentityHashMap<>();
    private final long[] maxOrderQty;
    private final long[] collarPpm;
    private final long[] lastPrice;
    private final long[] bidPrice;
    private final long[] askPrice;
    private final long[] markPrice;

    private final StrategyRisk[] strategies;
    private final Map<String, Integer> strategyIds = new HashMap<>();
    private final TokenBucket globalOrders;
    private final TokenBucket globalCancels;

    private final OrderIdIndex index;
    private final long[] slotOrderId;
    private final int[] slotStrategy;
    private final int[] slotInstrument;
    private final boolean[] slotBuy;
    private final byte[] slotType;
    private final byte[] slotTif;
    private final long[] slotRemaining;
    private final long[] slotPrice;
    private final long[] slotStopPrice;
    private final boolean[] slotReduceOnly;
    private final boolean[] slotUsed;
    private final int[] freeSlots;
    private int freeCount;

    private final long[] rejections = new long[REASONS.length];
    private long passedNew;
    private long passedCancels;
    private long passedReplaces;

    private boolean killed;
    private String killReason;
    private long day;
    private RiskDayListener dayListener = RiskDayListener.NONE;

    public RiskEngine(RiskLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.rejectWithoutReference = limits.rejectWithoutReference();
        this.duplicateWindowNanos = limits.duplicateWindowNanos();
        long now = clock.nanos();
        this.day = Math.floorDiv(now, NANOS_PER_DAY);

        List<InstrumentLimits> il = limits.instruments();
        int ni = il.size();
        this.instruments = new Instrument[ni];
        this.maxOrderQty = new long[ni];
        this.collarPpm = new long[ni];
        this.lastPrice = new long[ni];
        this.bidPrice = new long[ni];
        this.askPrice = new long[ni];
        this.markPrice = new long[ni];
        for (int i = 0; i < ni; i++) {
            InstrumentLimits l = il.get(i);
            instruments[i] = l.instrument();
            instrumentIds.put(l.instrument(), i);
            maxOrderQty[i] = l.maxOrderQty();
            collarPpm[i] = l.collarPpm();
        }

        List<StrategyLimits> sl = limits.strategies();
        this.strategies = new StrategyRisk[sl.size()];
        for (int s = 0; s < strategies.length; s++) {
            StrategyLimits l = sl.get(s);
            strategies[s] = new StrategyRisk(s, l, il, limits.duplicateMemory(), now);
            strategyIds.put(l.name(), s);
        }
        this.globalOrders = limits.globalOrderRate() == null ? null : new TokenBucket(limits.globalOrderRate(), now);
        this.globalCancels = limits.globalCancelRate() == null ? null : new TokenBucket(limits.globalCancelRate(), now);

        int cap = limits.maxOpenOrders();
        this.index = new OrderIdIndex(cap);
        this.slotOrderId = new long[cap];
        this.slotStrategy = new int[cap];
        this.slotInstrument = new int[cap];
        this.slotBuy = new boolean[cap];
        this.slotType = new byte[cap];
        this.slotTif = new byte[cap];
        this.slotRemaining = new long[cap];
        this.slotPrice = new long[cap];
        this.slotStopPrice = new long[cap];
        this.slotReduceOnly = new boolean[cap];
        this.slotUsed = new boolean[cap];
        this.freeSlots = new int[cap];
        for (int k = 0; k < cap; k++) {
            freeSlots[k] = cap - 1 - k;
        }
        this.freeCount = cap;
    }

    public RiskLimits limits() {
        return limits;
    }

    // ---------------------------------------------------------------- checks

    /** Checks a new order from strategy {@code strategy}; the order's own strategy name is not consulted. */
    public RejectReason checkNew(int strategy, Order order) {
        return checkNew(strategy, order.instrument(), order.side(), order.type(), order.timeInForce(),
                order.quantity(), order.price(), order.stopPrice(), order.reduceOnly());
    }

    /**
     * Checks a new order; {@code null} when it passes. Prices raw at the instrument's price scale
     * (0 when the type has none), quantity raw at its quantity scale.
     */
    public RejectReason checkNew(int strategy, Instrument instrument, Side side, OrderType type, TimeInForce tif,
                                 long qty, long price, long stopPrice, boolean reduceOnly) {
        long now = clock.nanos();
        rollDay(now);
        if (killed) {
            return count(RejectReason.KILL_SWITCH_ENGAGED);
        }
        if (strategy < 0 || strategy >= strategies.length) {
            return count(RejectReason.UNKNOWN_STRATEGY);
        }
        StrategyRisk st = strategies[strategy];
        RejectReason r = checkOrder(st, instrument, side, type, tif, qty, price, stopPrice, reduceOnly, -1, true, now);
        if (r == null) {
            r = takeTokens(st, now, true, false);
        }
        if (r != null) {
            return count(r);
        }
        st.remember(instrumentIds.get(instrument), side, price, stopPrice, qty, now);
        passedNew++;
        return null;
    }

    /** Checks a cancel of an open order of {@code strategy}; passes while halted and with the kill switch engaged. */
    public RejectReason checkCancel(int strategy, long orderId) {
        long now = clock.nanos();
        rollDay(now);
        if (strategy < 0 || strategy >= strategies.length) {
            return count(RejectReason.UNKNOWN_STRATEGY);
        }
        int slot = index.get(orderId);
        if (slot == OrderIdIndex.MISSING || slotStrategy[slot] != strategy) {
            return count(RejectReason.UNKNOWN_ORDER);
        }
        RejectReason r = takeTokens(strategies[strategy], now, false, true);
        if (r != null) {
            return count(r);
        }
        passedCancels++;
        return null;
    }

    /**
     * Checks replacing open order {@code orderId} by one with the same instrument, side, type and
     * stop price but {@code newQty} at {@code newPrice}: the new terms go through every new-order
     * check with the old order's exposure and open-order slot set aside, and the replace needs both
     * a cancel token and an order token. When the venue confirms it, report {@link #onDone} for the
     * old order and {@link #onAccepted} for the new one.
     */
    public RejectReason checkReplace(int strategy, long orderId, long newQty, long newPrice) {
        long now = clock.nanos();
        rollDay(now);
        if (killed) {
            return count(RejectReason.KILL_SWITCH_ENGAGED);
        }
        if (strategy < 0 || strategy >= strategies.length) {
            return count(RejectReason.UNKNOWN_STRATEGY);
        }
        int slot = index.get(orderId);
        if (slot == OrderIdIndex.MISSING || slotStrategy[slot] != strategy) {
            return count(RejectReason.UNKNOWN_ORDER);
        }
        StrategyRisk st = strategies[strategy];
        Instrument ins = instruments[slotInstrument[slot]];
        Side side = slotBuy[slot] ? Side.BUY : Side.SELL;
        RejectReason r = checkOrder(st, ins, side, TYPES[slotType[slot]], TIFS[slotTif[slot]], newQty, newPrice,
                slotStopPrice[slot], slotReduceOnly[slot], slot, true, now);
        if (r == null) {
            r = takeTokens(st, now, true, true);
        }
        if (r != null) {
            return count(r);
        }
        st.remember(slotInstrument[slot], side, newPrice, slotStopPrice[slot], newQty, now);
        passedReplaces++;
        return null;
    }

    /**
     * Checks again, just before it is sent, an order whose terms already passed {@link #checkNew}
     * or {@link #checkReplace} (the new leg of a replace, sent once the venue confirmed the cancel
     * of the old order): every limit against the exposure booked now — other orders may have been
     * accepted or filled meanwhile — but no rate token is taken and the duplicate guard is not
     * consulted, since both were applied to these terms already. {@code null} when it passes.
     */
    public RejectReason recheck(int strategy, Instrument instrument, Side side, OrderType type, TimeInForce tif,
                                long qty, long price, long stopPrice, boolean reduceOnly) {
        long now = clock.nanos();
        rollDay(now);
        if (killed) {
            return count(RejectReason.KILL_SWITCH_ENGAGED);
        }
        if (strategy < 0 || strategy >= strategies.length) {
            return count(RejectReason.UNKNOWN_STRATEGY);
        }
        RejectReason r = checkOrder(strategies[strategy], instrument, side, type, tif, qty, price, stopPrice, reduceOnly,
                -1, false, now);
        return r == null ? null : count(r);
    }

    private RejectReason checkOrder(StrategyRisk st, Instrument ins, Side side, OrderType type, TimeInForce tif,
                                    long qty, long price, long stopPrice, boolean reduceOnly, int replacedSlot,
                                    boolean duplicateGuard, long now) {
        Integer boxedId = ins == null ? null : instrumentIds.get(ins);
        if (boxedId == null) {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        int i = boxedId;
        TradingState state = st.effectiveState();
        if (state == TradingState.HALTED) {
            return RejectReason.STRATEGY_HALTED;
        }
        RejectReason r = instrumentRules(ins, type, tif, qty, price, stopPrice);
        if (r != null) {
            return r;
        }
        if (qty > maxOrderQty[i]) {
            return RejectReason.MAX_ORDER_QTY_EXCEEDED;
        }
        long valuation;
        if (type.hasLimitPrice()) {
            valuation = price;
            if (collarPpm[i] > 0) {
                long ref = referencePrice(i);
                if (ref <= 0) {
                    if (rejectWithoutReference) {
                        return RejectReason.NO_REFERENCE_PRICE;
                    }
                } else if (exceedsPpm(Math.abs(price - ref), ref, collarPpm[i])) {
                    return RejectReason.PRICE_OUTSIDE_COLLAR;
                }
            }
        } else if (type == OrderType.STOP_MARKET) {
            valuation = stopPrice;
        } else {
            valuation = side == Side.BUY ? (askPrice[i] > 0 ? askPrice[i] : lastPrice[i])
                    : (bidPrice[i] > 0 ? bidPrice[i] : lastPrice[i]);
            if (valuation <= 0 && rejectWithoutReference) {
                return RejectReason.NO_REFERENCE_PRICE;
            }
        }
        if (valuation > 0) {
            long notional = saturatedNotional(ins, valuation, qty);
            if (notional > st.limits.maxOrderNotional()) {
                return RejectReason.MAX_ORDER_NOTIONAL_EXCEEDED;
            }
            if (notional < ins.minNotional()) {
                return RejectReason.NOTIONAL_BELOW_MIN;
            }
        }

        long net = st.netQty[i];
        long openBuy = st.openBuy[i];
        long openSell = st.openSell[i];
        int open = st.openOrders;
        int total = index.size();
        if (replacedSlot >= 0) {
            if (slotBuy[replacedSlot]) {
                openBuy -= slotRemaining[replacedSlot];
            } else {
                openSell -= slotRemaining[replacedSlot];
            }
            open--;
            total--;
        }
        boolean buy = side == Side.BUY;
        boolean reduces = buy ? net < 0 && satAdd(openBuy, qty) <= -net : net > 0 && satAdd(openSell, qty) <= net;
        if (reduceOnly && !reduces) {
            return RejectReason.REDUCE_ONLY_WOULD_INCREASE;
        }
        if (state == TradingState.REDUCE_ONLY && !reduces) {
            return RejectReason.STRATEGY_REDUCE_ONLY;
        }
        long worst = buy ? satAdd(satAdd(net, openBuy), qty) : satAdd(satAdd(-net, openSell), qty);
        if (worst > st.maxPosition[i]) {
            return RejectReason.MAX_POSITION_EXCEEDED;
        }
        if (open >= st.limits.maxOpenOrders()) {
            return RejectReason.MAX_OPEN_ORDERS_EXCEEDED;
        }
        if (total >= limits.maxOpenOrders()) {
            return RejectReason.GLOBAL_MAX_OPEN_ORDERS_EXCEEDED;
        }
        if (duplicateGuard && duplicateWindowNanos > 0 && st.isDuplicate(i, side, price, stopPrice, qty, now, duplicateWindowNanos)) {
            return RejectReason.DUPLICATE_ORDER;
        }
        return null;
    }

    private static RejectReason instrumentRules(Instrument ins, OrderType type, TimeInForce tif, long qty, long price,
                                                long stopPrice) {
        if (type.hasLimitPrice()) {
            if (price <= 0) {
                return RejectReason.MISSING_PRICE;
            }
            RejectReason r = ins.checkPrice(price);
            if (r != null) {
                return r;
            }
        }
        if (type.hasStopPrice()) {
            if (stopPrice <= 0) {
                return RejectReason.MISSING_STOP_PRICE;
            }
            RejectReason r = ins.checkPrice(stopPrice);
            if (r != null) {
                return r;
            }
        }
        if (!type.hasLimitPrice() && tif == TimeInForce.GTX) {
            return RejectReason.INVALID_TIME_IN_FORCE;
        }
        return ins.checkQty(qty);
    }

    /** All needed buckets must have a token before any is taken, so a refusal costs nothing. */
    private RejectReason takeTokens(StrategyRisk st, long now, boolean order, boolean cancel) {
        if (order) {
            if (st.orders != null && !st.orders.hasToken(now)) {
                return RejectReason.ORDER_RATE_EXCEEDED;
            }
            if (globalOrders != null && !globalOrders.hasToken(now)) {
                return RejectReason.GLOBAL_ORDER_RATE_EXCEEDED;
            }
        }
        if (cancel) {
            if (st.cancels != null && !st.cancels.hasToken(now)) {
                return RejectReason.CANCEL_RATE_EXCEEDED;
            }
            if (globalCancels != null && !globalCancels.hasToken(now)) {
                return RejectReason.GLOBAL_CANCEL_RATE_EXCEEDED;
            }
        }
        if (order) {
            take(st.orders, now);
            take(globalOrders, now);
        }
        if (cancel) {
            take(st.cancels, now);
            take(globalCancels, now);
        }
        return null;
    }

    private static void take(TokenBucket bucket, long now) {
        if (bucket != null && !bucket.tryAcquire(now)) {
            throw new IllegalStateException("token checked but not available");
        }
    }

    private RejectReason count(RejectReason r) {
        rejections[r.ordinal()]++;
        return r;
    }

    // ---------------------------------------------------------------- bookkeeping

    /** Books an order that passed {@link #checkNew} (or a replacement): its remaining quantity becomes open exposure. */
    public void onAccepted(int strategy, Order order) {
        onAccepted(strategy, order.orderId(), order.instrument(), order.side(), order.type(), order.timeInForce(),
                order.remainingQty(), order.price(), order.stopPrice(), order.reduceOnly());
    }

    /** Books an open order; also used to rebuild open orders on restart. */
    public void onAccepted(int strategy, long orderId, Instrument instrument, Side side, OrderType type, TimeInForce tif,
                           long openQty, long price, long stopPrice, boolean reduceOnly) {
        StrategyRisk st = strategyOrThrow(strategy);
        int i = instrumentOrThrow(instrument);
        if (openQty <= 0) {
            throw new IllegalArgumentException("open quantity must be positive, got " + openQty);
        }
        if (freeCount == 0) {
            throw new IllegalStateException("more than " + limits.maxOpenOrders() + " open orders booked");
        }
        int slot = freeSlots[freeCount - 1];
        index.putNew(orderId, slot);
        freeCount--;
        slotUsed[slot] = true;
        slotOrderId[slot] = orderId;
        slotStrategy[slot] = strategy;
        slotInstrument[slot] = i;
        slotBuy[slot] = side == Side.BUY;
        slotType[slot] = (byte) type.ordinal();
        slotTif[slot] = (byte) tif.ordinal();
        slotRemaining[slot] = openQty;
        slotPrice[slot] = price;
        slotStopPrice[slot] = stopPrice;
        slotReduceOnly[slot] = reduceOnly;
        if (side == Side.BUY) {
            st.openBuy[i] = Math.addExact(st.openBuy[i], openQty);
        } else {
            st.openSell[i] = Math.addExact(st.openSell[i], openQty);
        }
        st.openOrders++;
    }

    /**
     * Applies a fill of an open order: {@code qty} raw at {@code price} raw, with {@code fee} at the
     * cash scale in the quote asset (subtracted from realised PnL). Returns false, changing nothing,
     * for an order the engine does not hold open (report such trades with {@link #onExternalFill}).
     */
    public boolean onFill(long orderId, long qty, long price, long fee) {
        int slot = index.get(orderId);
        if (slot == OrderIdIndex.MISSING) {
            return false;
        }
        if (qty <= 0 || qty > slotRemaining[slot]) {
            throw new IllegalStateException("fill of " + qty + " does not fit open " + slotRemaining[slot] + " of order " + orderId);
        }
        rollDay(clock.nanos());
        StrategyRisk st = strategies[slotStrategy[slot]];
        int i = slotInstrument[slot];
        boolean buy = slotBuy[slot];
        slotRemaining[slot] -= qty;
        if (buy) {
            st.openBuy[i] -= qty;
        } else {
            st.openSell[i] -= qty;
        }
        applyFill(st, i, buy, qty, price, fee);
        if (slotRemaining[slot] == 0) {
            release(slot);
        }
        return true;
    }

    /** A trade the engine did not see as an order (recovery, manual trade): changes the position and PnL only. */
    public void onExternalFill(int strategy, Instrument instrument, Side side, long qty, long price, long fee) {
        StrategyRisk st = strategyOrThrow(strategy);
        int i = instrumentOrThrow(instrument);
        if (qty <= 0 || price <= 0) {
            throw new IllegalArgumentException("fill needs positive quantity and price");
        }
        rollDay(clock.nanos());
        applyFill(st, i, side == Side.BUY, qty, price, fee);
    }

    /** The order is no longer open (canceled, expired, rejected by the venue): its remaining exposure goes. Returns false if unknown. */
    public boolean onDone(long orderId) {
        int slot = index.get(orderId);
        if (slot == OrderIdIndex.MISSING) {
            return false;
        }
        StrategyRisk st = strategies[slotStrategy[slot]];
        int i = slotInstrument[slot];
        if (slotBuy[slot]) {
            st.openBuy[i] -= slotRemaining[slot];
        } else {
            st.openSell[i] -= slotRemaining[slot];
        }
        slotRemaining[slot] = 0;
        release(slot);
        return true;
    }

    private void release(int slot) {
        strategies[slotStrategy[slot]].openOrders--;
        index.remove(slotOrderId[slot]);
        slotUsed[slot] = false;
        freeSlots[freeCount++] = slot;
    }

    /**
     * New market prices for an instrument (raw; 0 or less leaves that price unchanged): the last
     * trade and best bid/ask serve as reference prices, and the mark (last trade, else the mid)
     * revalues every strategy's position in it for the daily loss limit. Unknown instruments are ignored.
     */
    public void onMarketPrice(Instrument instrument, long last, long bid, long ask) {
        Integer boxedId = instrument == null ? null : instrumentIds.get(instrument);
        if (boxedId == null) {
            return;
        }
        int i = boxedId;
        rollDay(clock.nanos());
        if (last > 0) {
            lastPrice[i] = last;
        }
        if (bid > 0) {
            bidPrice[i] = bid;
        }
        if (ask > 0) {
            askPrice[i] = ask;
        }
        long mark = referencePrice(i);
        if (mark > 0 && mark != markPrice[i]) {
            markPrice[i] = mark;
            for (StrategyRisk st : strategies) {
                if (st.netQty[i] != 0) {
                    revalue(st, i);
                    evaluateLoss(st);
                }
            }
        }
    }

    private void applyFill(StrategyRisk st, int i, boolean buy, long qty, long price, long fee) {
        Instrument ins = instruments[i];
        long notional = ins.notional(price, qty);
        long net = st.netQty[i];
        long basis = st.costBasis[i];
        long realized = 0;
        if (net == 0 || (net > 0) == buy) {
            net = Math.addExact(net, buy ? qty : -qty);
            basis = Math.addExact(basis, buy ? notional : -notional);
        } else {
            long open = Math.abs(net);
            long closeQty = Math.min(qty, open);
            long closeNotional = closeQty == qty ? notional : Fixed.mulDiv(notional, closeQty, qty);
            long removedBasis = closeQty == open ? basis : Fixed.mulDiv(basis, closeQty, open);
            // Closing a long (a sell) receives cash; closing a short (a buy) pays it.
            realized = (buy ? -closeNotional : closeNotional) - removedBasis;
            basis -= removedBasis;
            net += buy ? closeQty : -closeQty;
            long rest = qty - closeQty;
            if (rest > 0) {
                long restNotional = notional - closeNotional;
                net = buy ? rest : -rest;
                basis = buy ? restNotional : -restNotional;
            }
        }
        st.netQty[i] = net;
        st.costBasis[i] = basis;
        st.dayRealized = Math.addExact(st.dayRealized, Math.subtractExact(realized, fee));
        revalue(st, i);
        evaluateLoss(st);
    }

    /** Evaluates the strategy's daily loss and tells the listener when its loss state changed. */
    private void evaluateLoss(StrategyRisk st) {
        if (st.restoredUnmarked) {
            if (!allMarked(st)) {
                return;
            }
            st.restoredUnmarked = false;
        }
        TradingState before = st.lossState;
        st.evaluateLoss();
        if (st.lossState != before) {
            dayListener.onLossState(st.id, day, st.dayRealized, st.dayStartUnrealized, st.lossState);
        }
    }

    /** True when every instrument the strategy holds a position in has a mark (its unrealised PnL is known). */
    private boolean allMarked(StrategyRisk st) {
        for (int i = 0; i < instruments.length; i++) {
            if (st.netQty[i] != 0 && markPrice[i] <= 0) {
                return false;
            }
        }
        return true;
    }

    private void revalue(StrategyRisk st, int i) {
        long net = st.netQty[i];
        long u = 0;
        if (net != 0 && markPrice[i] > 0) {
            long value = instruments[i].notional(markPrice[i], Math.abs(net));
            u = (net > 0 ? value : -value) - st.costBasis[i];
        }
        st.unrealizedSum = Math.addExact(st.unrealizedSum, u - st.unrealized[i]);
        st.unrealized[i] = u;
    }

    private void rollDay(long now) {
        long d = Math.floorDiv(now, NANOS_PER_DAY);
        if (d > day) {
            day = d;
            for (StrategyRisk st : strategies) {
                st.startDay();
                dayListener.onDayStarted(st.id, day, st.dayRealized, st.dayStartUnrealized, st.lossState);
            }
        }
    }

    // ---------------------------------------------------------------- the day, for a restart

    /**
     * The listener of day starts and loss-state changes; set once, before the first call that may
     * roll the day or change a loss state.
     */
    public void dayListener(RiskDayListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("a day listener is required (RiskDayListener.NONE for none)");
        }
        if (dayListener != RiskDayListener.NONE) {
            throw new IllegalStateException("the day listener is set already");
        }
        dayListener = listener;
    }

    /**
     * Starts the new day now if the clock has passed a UTC midnight since the last call (every check,
     * fill and price does this too); true when a day started. A caller that writes down a fill
     * before applying it calls this first, so the day's start is written before the day's first fill.
     */
    public boolean advanceDay() {
        long before = day;
        rollDay(clock.nanos());
        return day != before;
    }

    /** The current day of the engine's clock, in days since 1970-01-01 UTC. */
    public long epochDay() {
        rollDay(clock.nanos());
        return day;
    }

    /** Realised PnL after fees since the strategy's day started, cash scale. */
    public long dayRealized(int strategy) {
        StrategyRisk st = strategyOrThrow(strategy);
        rollDay(clock.nanos());
        return st.dayRealized;
    }

    /** The strategy's unrealised PnL when its day started, cash scale. */
    public long dayStartUnrealized(int strategy) {
        StrategyRisk st = strategyOrThrow(strategy);
        rollDay(clock.nanos());
        return st.dayStartUnrealized;
    }

    /** The strategy's daily-loss state now (the operator's state aside). */
    public TradingState lossState(int strategy) {
        StrategyRisk st = strategyOrThrow(strategy);
        rollDay(clock.nanos());
        return st.lossState;
    }

    /**
     * Puts a journaled position back exactly: net quantity (raw, signed) and cost basis (cash scale,
     * signed like the quantity), replacing what the engine held for the strategy and instrument.
     * No PnL is realised and no fee taken; the position is revalued at the mark if one is known, and
     * the daily loss is not evaluated (it is at the next fill or price). For a restart, before the
     * first command.
     */
    public void restorePosition(int strategy, Instrument instrument, long netQty, long costBasis) {
        StrategyRisk st = strategyOrThrow(strategy);
        int i = instrumentOrThrow(instrument);
        if (netQty == 0 ? costBasis != 0 : Long.signum(costBasis) == -Long.signum(netQty)) {
            throw new IllegalArgumentException("cost basis " + costBasis + " does not fit position " + netQty);
        }
        st.netQty[i] = netQty;
        st.costBasis[i] = costBasis;
        revalue(st, i);
    }

    /**
     * Continues a strategy's day after a restart with what was written down before it: applies only
     * when {@code epochDay} is the engine's current day (a day that is over is forgotten: returns
     * false and changes nothing). Sets the day's realised PnL, its unrealised PnL at the start and
     * the loss state; the breach count follows the state (REDUCE_ONLY one, HALTED two) and a strategy
     * not ACTIVE counts as still in breach, so the loss that caused its state is not counted again: it
     * must recover above the reduce-only loss before a new breach counts. The loss is evaluated at
     * the next fill or price, not here, and not before every position of the strategy has a price
     * again: until then its unrealised PnL is unknown, and the day's would compare with nothing.
     */
    public boolean restoreDay(int strategy, long epochDay, long dayRealized, long dayStartUnrealized,
                              TradingState lossState) {
        StrategyRisk st = strategyOrThrow(strategy);
        if (lossState == null) {
            throw new IllegalArgumentException("a loss state is required");
        }
        rollDay(clock.nanos());
        if (epochDay != day) {
            return false;
        }
        st.dayRealized = dayRealized;
        st.dayStartUnrealized = dayStartUnrealized;
        st.lossState = lossState;
        st.breaches = lossState == TradingState.HALTED ? 2 : lossState == TradingState.REDUCE_ONLY ? 1 : 0;
        st.inBreach = lossState != TradingState.ACTIVE;
        st.restoredUnmarked = true;
        return true;
    }

    // ---------------------------------------------------------------- kill switch and states

    /**
     * Blocks every new order and replace until {@link #release()}, and reports the id of every open
     * order to {@code toCancel} for the gateway to cancel (the engine keeps them open until their
     * cancel is reported with {@link #onDone}). Returns how many were reported.
     */
    public int engage(String reason, LongConsumer toCancel) {
        killed = true;
        killReason = reason;
        return forEachOpenOrder(toCancel);
    }

    /** Lets new orders through again. */
    public void release() {
        killed = false;
        killReason = null;
    }

    public boolean isKillSwitchEngaged() {
        return killed;
    }

    /** Why the kill switch was engaged; null when it is not. */
    public String killReason() {
        return killReason;
    }

    /** Reports the id of every open order; returns how many. */
    public int forEachOpenOrder(LongConsumer consumer) {
        int n = 0;
        for (int slot = 0; slot < slotUsed.length; slot++) {
            if (slotUsed[slot]) {
                consumer.accept(slotOrderId[slot]);
                n++;
            }
        }
        return n;
    }

    /** Reports the id of every open order of one strategy (e.g. to cancel them when it is halted); returns how many. */
    public int forEachOpenOrder(int strategy, LongConsumer consumer) {
        strategyOrThrow(strategy);
        int n = 0;
        for (int slot = 0; slot < slotUsed.length; slot++) {
            if (slotUsed[slot] && slotStrategy[slot] == strategy) {
                consumer.accept(slotOrderId[slot]);
                n++;
            }
        }
        return n;
    }

    /** The operator's state for a strategy (kept across days); the effective state is the stricter of it and the loss state. */
    public void setState(int strategy, TradingState state) {
        strategyOrThrow(strategy).manualState = state;
    }

    /** The effective trading state of a strategy now. */
    public TradingState state(int strategy) {
        StrategyRisk st = strategyOrThrow(strategy);
        rollDay(clock.nanos());
        return st.effectiveState();
    }

    /** Realised (after fees) plus unrealised PnL since the last UTC midnight, cash scale. */
    public long dailyPnl(int strategy) {
        StrategyRisk st = strategyOrThrow(strategy);
        rollDay(clock.nanos());
        return st.dailyPnl();
    }

    // ---------------------------------------------------------------- reads for metrics and tests

    /** The strategy id for a configured name, or -1. Resolve once at setup, not per order. */
    public int strategyId(String name) {
        Integer id = strategyIds.get(name);
        return id == null ? -1 : id;
    }

    public int strategyCount() {
        return strategies.length;
    }

    public String strategyName(int strategy) {
        return strategyOrThrow(strategy).limits.name();
    }

    public long position(int strategy, Instrument instrument) {
        return strategyOrThrow(strategy).netQty[instrumentOrThrow(instrument)];
    }

    public long openBuyQty(int strategy, Instrument instrument) {
        return strategyOrThrow(strategy).openBuy[instrumentOrThrow(instrument)];
    }

    public long openSellQty(int strategy, Instrument instrument) {
        return strategyOrThrow(strategy).openSell[instrumentOrThrow(instrument)];
    }

    public int openOrders(int strategy) {
        return strategyOrThrow(strategy).openOrders;
    }

    public int openOrders() {
        return index.size();
    }

    /** Open quantity of an order, or 0 when the engine does not hold it open. */
    public long openQty(long orderId) {
        int slot = index.get(orderId);
        return slot == OrderIdIndex.MISSING ? 0 : slotRemaining[slot];
    }

    /** How many requests this engine rejected for {@code reason}. */
    public long rejections(RejectReason reason) {
        return rejections[reason.ordinal()];
    }

    public long passedNewOrders() {
        return passedNew;
    }

    public long passedCancels() {
        return passedCancels;
    }

    public long passedReplaces() {
        return passedReplaces;
    }

    private StrategyRisk strategyOrThrow(int strategy) {
        if (strategy < 0 || strategy >= strategies.length) {
            throw new IllegalArgumentException("unknown strategy id " + strategy);
        }
        return strategies[strategy];
    }

    private int instrumentOrThrow(Instrument instrument) {
        Integer id = instrument == null ? null : instrumentIds.get(instrument);
        if (id == null) {
            throw new IllegalArgumentException("instrument not configured for risk: " + instrument);
        }
        return id;
    }

    /** Last trade, else the mid of bid and ask, else whichever side is known; 0 when nothing is. */
    private long referencePrice(int i) {
        if (lastPrice[i] > 0) {
            return lastPrice[i];
        }
        long bid = bidPrice[i];
        long ask = askPrice[i];
        if (bid > 0 && ask > 0) {
            return bid + (ask - bid) / 2;
        }
        return bid > 0 ? bid : ask;
    }

    /** {@code diff * 1e6 > ref * ppm}, exactly in 128 bits (all operands non-negative). */
    private static boolean exceedsPpm(long diff, long ref, long ppm) {
        long ah = Math.multiplyHigh(diff, PPM);
        long bh = Math.multiplyHigh(ref, ppm);
        if (ah != bh) {
            return ah > bh;
        }
        return Long.compareUnsigned(diff * PPM, ref * ppm) > 0;
    }

    /** The instrument's notional of price x qty (both positive), saturated at Long.MAX_VALUE instead of overflowing. */
    private static long saturatedNotional(Instrument ins, long price, long qty) {
        long hi = Math.multiplyHigh(price, qty);
        long lo = price * qty;
        if (hi != 0 || lo < 0) {
            return Long.MAX_VALUE;
        }
        int productScale = ins.priceScale() + ins.qtyScale();
        if (productScale <= Fixed.CASH_SCALE) {
            long m = Fixed.pow10(Fixed.CASH_SCALE - productScale);
            return lo > Long.MAX_VALUE / m ? Long.MAX_VALUE : lo * m;
        }
        return Fixed.divideRoundHalfUp(lo, Fixed.pow10(productScale - Fixed.CASH_SCALE));
    }

    private static long satAdd(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return a > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return r;
    }

    /** Pre-allocated state of one strategy; touched only by its engine. */
    private static final class StrategyRisk {
        final int id;
        final StrategyLimits limits;
        final TokenBucket orders;
        final TokenBucket cancels;
        final long[] maxPosition;
        final long[] netQty;
        final long[] costBasis;
        final long[] unrealized;
        final long[] openBuy;
        final long[] openSell;
        int openOrders;
        long unrealizedSum;
        /** Realised PnL after fees since the day started. */
        long dayRealized;
        /** {@link #unrealizedSum} when the day started. */
        long dayStartUnrealized;
        TradingState manualState = TradingState.ACTIVE;
        TradingState lossState = TradingState.ACTIVE;
        boolean inBreach;
        int breaches;
        /** A day restored while positions may lack a mark: the loss is not evaluated until all have one. */
        boolean restoredUnmarked;

        final int[] dupInstrument;
        final boolean[] dupBuy;
        final long[] dupPrice;
        final long[] dupStop;
        final long[] dupQty;
        final long[] dupTime;
        int dupNext;

        StrategyRisk(int id, StrategyLimits limits, List<InstrumentLimits> instruments, int duplicateMemory, long now) {
            this.id = id;
            this.limits = limits;
            this.orders = limits.orderRate() == null ? null : new TokenBucket(limits.orderRate(), now);
            this.cancels = limits.cancelRate() == null ? null : new TokenBucket(limits.cancelRate(), now);
            int n = instruments.size();
            this.maxPosition = new long[n];
            for (int i = 0; i < n; i++) {
                InstrumentLimits il = instruments.get(i);
                maxPosition[i] = limits.maxPosition(il.instrument(), il.maxPosition());
            }
            this.netQty = new long[n];
            this.costBasis = new long[n];
            this.unrealized = new long[n];
            this.openBuy = new long[n];
            this.openSell = new long[n];
            this.dupInstrument = new int[duplicateMemory];
            java.util.Arrays.fill(dupInstrument, -1);
            this.dupBuy = new boolean[duplicateMemory];
            this.dupPrice = new long[duplicateMemory];
            this.dupStop = new long[duplicateMemory];
            this.dupQty = new long[duplicateMemory];
            this.dupTime = new long[duplicateMemory];
        }

        TradingState effectiveState() {
            return manualState.stricter(lossState);
        }

        long dailyPnl() {
            return dayRealized + unrealizedSum - dayStartUnrealized;
        }

        void startDay() {
            dayRealized = 0;
            dayStartUnrealized = unrealizedSum;
            lossState = TradingState.ACTIVE;
            inBreach = false;
            breaches = 0;
        }

        /** Loss state only ever tightens within a day: a breach, recovery and a second breach halts. */
        void evaluateLoss() {
            long pnl = dailyPnl();
            if (pnl <= -limits.haltLoss()) {
                lossState = TradingState.HALTED;
            } else if (pnl <= -limits.reduceOnlyLoss()) {
                if (!inBreach) {
                    inBreach = true;
                    breaches++;
                    lossState = lossState.stricter(breaches >= 2 ? TradingState.HALTED : TradingState.REDUCE_ONLY);
                }
            } else {
                inBreach = false;
            }
        }

        boolean isDuplicate(int instrument, Side side, long price, long stop, long qty, long now, long window) {
            boolean buy = side == Side.BUY;
            for (int k = 0; k < dupTime.length; k++) {
                if (dupInstrument[k] == instrument && dupBuy[k] == buy && dupPrice[k] == price && dupStop[k] == stop
                        && dupQty[k] == qty && now - dupTime[k] < window) {
                    return true;
                }
            }
            return false;
        }

        void remember(int instrument, Side side, long price, long stop, long qty, long now) {
            int k = dupNext;
            dupInstrument[k] = instrument;
            dupBuy[k] = side == Side.BUY;
            dupPrice[k] = price;
            dupStop[k] = stop;
            dupQty[k] = qty;
            dupTime[k] = now;
            dupNext = k + 1 == dupTime.length ? 0 : k + 1;
        }
    }
}
