package io.ttquant.core.exchange;

import io.ttquant.core.venue.ExecutionListener;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.OrderBook;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.LiquiditySide;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.time.Clock;
import io.ttquant.core.venue.FundsCheck;
import io.ttquant.core.venue.Venue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The simulated exchange: a matching engine that executes our orders against a stream of market
 * data with configurable fill models ({@link ExchangeConfig}). The backtester drives it from
 * history; the gateway's paper venue drives it, unchanged, from live data. It gets orders, cancels
 * and market events and reports executions to an {@link ExecutionListener}; it must never know
 * about backtests, files or strategies, never read the wall clock ({@link Clock} only stamps when a
 * message is sent), never throw for an expected outcome (a rejection or expiry is a status with a
 * {@link RejectReason}), and never allocate on the per-event path unless an order fills.
 *
 * <h2>Time</h2>
 * <ul>
 *   <li>{@link #submit} and {@link #cancel} stamp the message with {@code clock.nanos()} and add the
 *   latency. Messages arrive in the order they were sent (one connection): an arrival time is never
 *   earlier than the previous message's, so a cancel can never overtake its order.</li>
 *   <li>The exchange keeps a monotone "now". {@link #advanceTo} processes the arrivals due up to and
 *   including t; {@link #onMarketEvent} first processes arrivals due at or before the event's time
 *   (they meet the market as it was before the event), then updates the market and matches.</li>
 *   <li>Fills and updates on arrival carry the arrival time; event-driven ones the event time;
 *   fills priced at a bar's open (waiting market orders, gaps through a limit or a stop) carry the
 *   bar's open time. No order ever gets a time earlier than its own previous update.</li>
 * </ul>
 *
 * <h2>Market state</h2>
 * Per instrument: the last trade price, the best bid/ask (from quotes, or from the L2 book once a
 * {@link BookUpdate} has been seen), the last bar, and an {@link OrderBook} kept from book events.
 * The price a taker order meets is taken, in this order of preference, from the L2 book, the quote,
 * the last trade, the last bar's close. Events for instruments never added are ignored.
 *
 * <h2>On arrival</h2>
 * <ul>
 *   <li>Unknown instrument: REJECTED UNKNOWN_INSTRUMENT. A market order with no price at all known:
 *   REJECTED NO_MARKET_PRICE; below the instrument's minimum notional at the current price:
 *   REJECTED NOTIONAL_BELOW_MIN. A post-only (GTX) limit that would take (buy L &gt;= best ask, or
 *   &gt;= the last trade / last close when only those are known): REJECTED POST_ONLY_WOULD_TAKE.
 *   Rejections never pass through ACCEPTED. Otherwise the order is ACCEPTED (and notified) before
 *   anything else happens to it.</li>
 *   <li>Market order with a book: walks the opposite side level by level, one taker fill per level
 *   at the level's price, each level used once within the walk; the external book is not depleted
 *   (the next order sees it whole). If the book runs out the rest EXPIRES with NO_LIQUIDITY. With a
 *   quote: everything fills at the ask (buy) / bid (sell) plus slippage, the quote size is not a
 *   limit. With only trades: at the last trade plus slippage. With only bars: NEXT_OPEN waits for
 *   the next bar and fills at its open plus slippage; CLOSE fills now at the last close plus
 *   slippage.</li>
 *   <li>Limit order that is marketable (buy L &gt;= the price it meets): taker fill as a market order
 *   but never beyond L (the book walk stops at L; a slipped price is capped at L). The rest rests
 *   (GTC, GTX) or EXPIRES: IOC with IOC_REMAINDER. FOK first checks the quantity available at once
 *   (book levels within L, else the quote's size when it is known, else unlimited; with bars, the
 *   volume cap) and EXPIRES with FOK_NOT_FILLABLE and no fill when it is short. A non-marketable
 *   IOC/FOK expires at once with no fill. With only bars and NEXT_OPEN, IOC and FOK orders (and
 *   market orders) are executed at the next bar's open instead; GTC limits rest.</li>
 *   <li>Stop orders rest untriggered; one whose stop is already reached by the price it would meet
 *   triggers at once on arrival.</li>
 *   <li>Slippage applies to every taker fill priced from a single reference price (quote, last
 *   trade, bar open or close, stop trigger price), never to book walks and never beyond a limit.
 *   Fees: maker or taker rate in ppm of the fill's notional, in the instrument's quote asset.</li>
 * </ul>
 *
 * <h2>Resting limit orders (maker fills at the limit price)</h2>
 * Resting orders are kept per side in price-time priority (FIFO at one price, by the time they
 * started resting) and events fill them in that order.
 * <ul>
 *   <li>Trade at P: a buy at L fills its whole remainder when P &lt; L (the level was cleared); at
 *   P == L it fills only under {@link LimitFillRule#TOUCH}, and then at most the trade's quantity,
 *   shared in priority order among our orders at L. Sells mirror this.</li>
 *   <li>Quote or book update: a buy at L fills entirely when the ask is below L; an ask equal to L
 *   fills it under TOUCH, at most the displayed ask size (shared as above). Each event is a fresh
 *   observation: an ask that stays at L can fill again on the next event. Once a book has been
 *   seen, book events drive this and quotes only update the stored quote.</li>
 *   <li>Bar: a buy at L fills when the bar's low reaches L under the rule (TOUCH: low &lt;= L,
 *   THROUGH: low &lt; L), at L; if the bar opens through L it fills at the (better) open and is
 *   still counted as a maker fill. Sells use the high. The volume cap limits the fill; the rest
 *   keeps resting for the following bars.</li>
 *   <li>Queue position (when enabled and a book was present when the order started resting): the
 *   order starts behind the displayed quantity at its price. A trade at L by the opposite aggressor
 *   (or an unknown one) consumes that queue first and fills the order only with the excess (our
 *   orders at one price share each trade's quantity in priority order); a trade through L fills it
 *   completely; a book update showing the level smaller lowers the queue to at most the displayed
 *   quantity; an ask arriving at L (a buy's price) fills it once its queue is empty. The queue model
 *   replaces the TOUCH/THROUGH rule for trades and book touches at L.</li>
 * </ul>
 *
 * <h2>Stops</h2>
 * A buy stop triggers when a trade prints at or above the stop, when the ask (quote or book) is at
 * or above it, or when a bar's high reaches it (a bar opening at or above it triggers at the open).
 * Sells mirror this with the bid and the low. On trigger the order is marked triggered and notified;
 * then a STOP_MARKET executes as a market order against the market as it now is: at the trade that
 * triggered it (the first print at or through the stop, so a gap fills at the gap price, not at the
 * stop), at the ask/bid or by walking the book, or for bars at the stop price (the open on a gap),
 * always plus slippage, as taker, within the bar's volume cap. A STOP_LIMIT becomes a limit at its
 * limit price and takes at once if marketable at the trigger price, else rests. Within one event,
 * resting limits are matched before stops trigger, so a stop-limit that starts resting is not filled
 * by the same event.
 *
 * <h2>Bars and the volume cap</h2>
 * A bar is processed in this order: orders waiting for the next open fill at its open; resting
 * limits match; stops trigger. With a cap x &lt; 1, one order fills at most floor_to_step(x * bar
 * volume) per bar (arrival fills at the last close under CLOSE count against the last bar). A
 * capped market order (or stop-market) keeps waiting and fills at the following bars' opens; a
 * GTC limit keeps resting; IOC remainders EXPIRE with VOLUME_CAP_EXPIRED; a FOK that the cap cannot
 * fill EXPIRES with FOK_NOT_FILLABLE. Within a bar, where the intra-bar path is unknown, an order
 * arriving inside the bar's interval is treated as if present for the whole bar. Orders waiting
 * for an open are filled by bars only (trades or quotes do not release them).
 *
 * <h2>Cancels and reports</h2>
 * A cancel takes effect on arrival if the order is still open (CANCELED, notified); if it filled or
 * expired meanwhile the cancel is ignored. Every fill is recorded on the order, reported with
 * {@code onFill}, then with {@code onOrderUpdate}. Trade ids count from 1 per exchange.
 *
 * <p>Single-threaded: one writer calls everything. Listeners may call {@link #submit} and
 * {@link #cancel} (they only queue a message) but must not re-enter {@link #advanceTo} or
 * {@link #onMarketEvent}, which throw {@link IllegalStateException} if they do.
 */
public final class SimulatedExchange implements Venue {
    private static final int SRC_NONE = 0;
    private static final int SRC_BOOK = 1;
    private static final int SRC_QUOTE = 2;
    private static final int SRC_TRADE = 3;
    private static final int SRC_BAR = 4;
    private static final long UNLIMITED = Long.MAX_VALUE;

    private final ExchangeConfig config;
    private final Clock clock;
    private final ExecutionListener listener;
    /** Non-null once {@link #reuseFills()} was called. */
    private Fill reusedFill;
    private final long makerFeePpm;
    private final long takerFeePpm;
    private final SlippageModel slippage;
    private final boolean nextOpen;
    private final boolean touch;
    private final boolean queuePosition;
    private final long barVolumePpm;
    private final boolean volumeCapped;
    private final long minLatency;
    private final long maxLatency;
    private final SplittableRandom latencyRandom;

    private final HashMap<String, MarketState> markets = new HashMap<>();
    private final IdentityHashMap<Order, WorkingOrder> live = new IdentityHashMap<>();
    private FundsCheck funds = FundsCheck.UNLIMITED;
    private final ArrivalQueue arrivals = new ArrivalQueue(64);
    private final ArrayList<WorkingOrder> pool = new ArrayList<>();
    private final ArrayList<WorkingOrder> scratch = new ArrayList<>();
    private Instrument cachedInstrument;
    private MarketState cachedMarket;

    private long now = Long.MIN_VALUE;
    private long lastArrival = Long.MIN_VALUE;
    private long tradeIdSeq;
    private long prioritySeq;
    private int openCount;
    private long ignoredEvents;
    private boolean busy;

    /**
     * @param config   the fill models
     * @param clock    stamps the send time of orders and cancels, nothing else
     * @param listener receives executions 
     */
    /**
     * From now on reports every execution through one reused {@link Fill} ({@link Fill#reusable()}):
     * nothing is allocated per fill, and the listener must never keep a fill past
     * {@link ExecutionListener#onFill} (the backtest engine queues fills, so it must not call this;
     * the gateway's paper venue does). Returns this.
     */
    public SimulatedExchange reuseFills() {
        if (reusedFill == null) {
            reusedFill = Fill.reusable();
        }
        return this;
    }

    public SimulatedExchange(ExchangeConfig config, Clock clock, ExecutionListener listener) {
        if (config == null || clock == null || listener == null) {
            throw new IllegalArgumentException("config, clock and listener are required");
        }
        this.config = config;
        this.clock = clock;
        this.listener = listener;
        this.makerFeePpm = config.makerFeePpm();
        this.takerFeePpm = config.takerFeePpm();
        this.slippage = config.slippage();
        this.nextOpen = config.barFillMode() == BarFillMode.NEXT_OPEN;
        this.touch = config.limitFillRule() == LimitFillRule.TOUCH;
        this.queuePosition = config.queuePosition();
        this.barVolumePpm = config.maxBarVolumePpm();
        this.volumeCapped = config.hasVolumeCap();
        LatencyModel latency = config.latency();
        this.minLatency = latency.minNanos();
        this.maxLatency = latency.maxNanos();
        this.latencyRandom = latency.isRandom() ? new SplittableRandom(latency.seed()) : null;
    }

    public ExchangeConfig config() {
        return config;
    }

    /**
     * Sets who is asked before a market or stop-market buy fills at a price not known when it was
     * sent; the unaffordable rest of such an order expires with INSUFFICIENT_BALANCE.
     */
    public void setFundsCheck(FundsCheck check) {
        this.funds = check == null ? FundsCheck.UNLIMITED : check;
    }

    /** Registers an instrument; orders and events for instruments never added are refused or ignored. */
    public void addInstrument(Instrument instrument) {
        if (markets.containsKey(instrument.symbol())) {
            throw new IllegalArgumentException("instrument already added: " + instrument.symbol());
        }
        markets.put(instrument.symbol(), new MarketState(instrument));
    }

    // ------------------------------------------------------------------ commands

    /**
     * The order (status NEW, already validated by the caller against the instrument's filters) is
     * sent now (clock time); it reaches the matching engine after the configured latency.
     *
     * @throws IllegalArgumentException if the order is not NEW or was already submitted (a caller bug)
     */
    @Override
    public void submit(Order order) {
        if (order.status() != OrderStatus.NEW) {
            throw new IllegalArgumentException("only a NEW order can be submitted: " + order);
        }
        if (live.containsKey(order)) {
            throw new IllegalArgumentException("order already submitted: " + order);
        }
        WorkingOrder wo = acquire();
        wo.order = order;
        wo.state = WorkingOrder.IN_FLIGHT;
        live.put(order, wo);
        send(order, false);
    }

    /**
     * Cancel request sent now; takes effect after the latency. Returns false (and does nothing) if
     * the order is unknown to this exchange or no longer open. A cancel that arrives after the order
     * filled is ignored.
     */
    @Override
    public boolean cancel(Order order) {
        if (!live.containsKey(order)) {
            return false;
        }
        send(order, true);
        return true;
    }

    /** Processes everything due up to and including {@code timeNanos} (order and cancel arrivals), in time order. */
    public void advanceTo(long timeNanos) {
        enter();
        try {
            processArrivals(timeNanos);
            if (timeNanos > now) {
                now = timeNanos;
            }
        } finally {
            busy = false;
        }
    }

    /**
     * A market event: first processes arrivals due at or before its time (they meet the market as
     * it was before this event), then updates the market state and matches live orders against it.
     * The event is read, never kept.
     */
    public void onMarketEvent(MarketEvent e) {
        enter();
        try {
            long t = e.timeNanos();
            processArrivals(t);
            if (t > now) {
                now = t;
            }
            MarketState m = market(e.instrument());
            if (m == null) {
                ignoredEvents++;
                return;
            }
            switch (e.kind()) {
                case TRADE:
                    onTrade(m, (TradeTick) e);
                    break;
                case QUOTE:
                    onQuote(m, (QuoteTick) e);
                    break;
                case BOOK:
                    onBook(m, (BookUpdate) e);
                    break;
                case BAR:
                    onBar(m, (Bar) e);
                    break;
                default:
                    ignoredEvents++;
            }
        } finally {
            busy = false;
        }
    }

    // ------------------------------------------------------------------ queries

    /** The L2 book kept from book events (empty when there were none). */
    @Override
    public OrderBook book(Instrument instrument) {
        MarketState m = market(instrument);
        if (m == null) {
            throw new IllegalArgumentException("instrument not added: " + instrument);
        }
        return m.book;
    }

    /** Best bid from the book (when book data is present) or the last quote; 0 when unknown. */
    @Override
    public long bestBid(Instrument instrument) {
        MarketState m = market(instrument);
        return m == null ? 0 : m.bestBid();
    }

    /** Best ask from the book (when book data is present) or the last quote; 0 when unknown. */
    @Override
    public long bestAsk(Instrument instrument) {
        MarketState m = market(instrument);
        return m == null ? 0 : m.bestAsk();
    }

    /** Last trade price, else the last bar's close; 0 when unknown. */
    @Override
    public long lastPrice(Instrument instrument) {
        MarketState m = market(instrument);
        return m == null ? 0 : m.lastPrice();
    }

    /** Earliest pending arrival time; {@link Long#MAX_VALUE} if none (the engine schedules with it). */
    public long nextEventTime() {
        return arrivals.isEmpty() ? Long.MAX_VALUE : arrivals.headTime();
    }

    /** Orders accepted and not yet terminal (resting, waiting or untriggered stops). */
    public int openOrderCount() {
        return openCount;
    }

    /** Orders and cancels sent but not yet arrived. */
    public int pendingArrivalCount() {
        return arrivals.size();
    }

    /** The exchange's current time (the latest arrival or event processed). */
    public long now() {
        return now;
    }

    /** Market events ignored because their instrument was never added. */
    public long ignoredEventCount() {
        return ignoredEvents;
    }

    // ------------------------------------------------------------------ arrivals

    private void send(Order order, boolean cancel) {
        long latency = latencyRandom == null || maxLatency == minLatency ? minLatency
                : latencyRandom.nextLong(minLatency, maxLatency + 1);
        long at = Math.addExact(clock.nanos(), latency);
        if (at < lastArrival) {
            at = lastArrival;
        }
        lastArrival = at;
        arrivals.add(at, order, cancel);
    }

    private void processArrivals(long upTo) {
        while (!arrivals.isEmpty() && arrivals.headTime() <= upTo) {
            long at = arrivals.headTime();
            Order order = arrivals.headOrder();
            boolean cancel = arrivals.headIsCancel();
            arrivals.poll();
            if (at > now) {
                now = at;
            }
            if (cancel) {
                cancelArrived(order);
            } else {
                orderArrived(order);
            }
        }
    }

    private void orderArrived(Order o) {
        WorkingOrder wo = live.get(o);
        MarketState m = market(o.instrument());
        if (m == null) {
            reject(wo, RejectReason.UNKNOWN_INSTRUMENT);
            return;
        }
        wo.market = m;
        wo.state = WorkingOrder.DETACHED;
        Side side = o.side();
        OrderType type = o.type();
        if (type == OrderType.MARKET) {
            int src = source(m, side);
            if (src == SRC_NONE) {
                reject(wo, RejectReason.NO_MARKET_PRICE);
                return;
            }
            long ref = takePrice(m, side, src);
            if (ref > 0 && o.instrument().checkNotional(ref, o.quantity()) != null) {
                reject(wo, RejectReason.NOTIONAL_BELOW_MIN);
                return;
            }
            accept(wo);
            executeNow(wo, m, 0, now);
        } else if (type == OrderType.LIMIT) {
            if (o.isPostOnly()) {
                long ref = takePrice(m, side, source(m, side));
                if (ref > 0 && reaches(side, ref, o.price())) {
                    reject(wo, RejectReason.POST_ONLY_WOULD_TAKE);
                    return;
                }
            }
            accept(wo);
            executeNow(wo, m, o.price(), now);
        } else {
            accept(wo);
            long ref = takePrice(m, side, source(m, side));
            if (ref > 0 && stopReached(side, ref, o.stopPrice())) {
                trigger(wo, now);
                executeNow(wo, m, limitOf(o), now);
            } else {
                wo.state = WorkingOrder.STOP;
                m.stops.add(wo);
            }
        }
    }

    private void cancelArrived(Order o) {
        WorkingOrder wo = live.get(o);
        if (wo == null) {
            return;
        }
        if (wo.state == WorkingOrder.IN_FLIGHT) {
            throw new IllegalStateException("cancel overtook its order: " + o);
        }
        detach(wo);
        o.cancel(Math.max(now, o.updatedNanos()));
        listener.onOrderUpdate(o);
        finish(wo);
    }

    /**
     * Ends every order at once, e.g. when a backtest's data runs out: working orders EXPIRE with
     * {@code why}; orders still on their way (never arrived) are REJECTED with it; pending cancels
     * are dropped. Reports go to the listener as usual.
     */
    public void expireAll(RejectReason why) {
        enter();
        try {
            while (!arrivals.isEmpty()) {
                arrivals.poll();
            }
            for (WorkingOrder wo : new ArrayList<>(live.values())) {
                if (wo.state == WorkingOrder.IN_FLIGHT) {
                    reject(wo, why);
                } else {
                    detach(wo);
                    expire(wo, why, now);
                }
            }
        } finally {
            busy = false;
        }
    }

    private void detach(WorkingOrder wo) {
        MarketState m = wo.market;
        switch (wo.state) {
            case WorkingOrder.RESTING:
                (wo.order.side() == Side.BUY ? m.bids : m.asks).remove(wo);
                break;
            case WorkingOrder.STOP:
                m.stops.remove(wo);
                break;
            case WorkingOrder.WAITING:
                m.waiting.remove(wo);
                break;
            default:
                break;
        }
        wo.state = WorkingOrder.DETACHED;
    }

    // ------------------------------------------------------------------ immediate execution

    /**
     * Executes a detached, accepted order as a taker against the market as it is now: as a market
     * order when {@code limit == 0}, else as a limit at {@code limit}. Leaves the order terminal,
     * resting or waiting.
     */
    private void executeNow(WorkingOrder wo, MarketState m, long limit, long time) {
        Order o = wo.order;
        Side side = o.side();
        TimeInForce tif = o.timeInForce();
        int src = source(m, side);
        if (src == SRC_NONE) {
            if (limit == 0) {
                expire(wo, RejectReason.NO_MARKET_PRICE, time);
            } else {
                restOrExpire(wo, m, time);
            }
            return;
        }
        if (src == SRC_BAR && nextOpen) {
            if (limit == 0 || tif == TimeInForce.IOC || tif == TimeInForce.FOK) {
                addWaiting(wo, m);
            } else {
                rest(wo, m);
            }
            return;
        }
        long ref = takePrice(m, side, src);
        if (limit != 0) {
            if (ref <= 0 || !reaches(side, ref, limit)) {
                restOrExpire(wo, m, time);
                return;
            }
            if (o.isPostOnly()) {
                expire(wo, RejectReason.POST_ONLY_WOULD_TAKE, time);
                return;
            }
        }
        if (src == SRC_BOOK) {
            walkBook(wo, m, limit, time);
            return;
        }
        long available;
        if (src == SRC_QUOTE) {
            long size = side == Side.BUY ? m.askQty : m.bidQty;
            available = size > 0 ? size : UNLIMITED;
        } else if (src == SRC_TRADE) {
            available = UNLIMITED;
        } else {
            available = capRemaining(wo, m);
        }
        long remaining = o.remainingQty();
        if (tif == TimeInForce.FOK && available < remaining) {
            expire(wo, RejectReason.FOK_NOT_FILLABLE, time);
            return;
        }
        // The quote size only gates FOK: other takers fill in full at the reference price.
        long qty = src == SRC_BAR ? Math.min(remaining, available) : remaining;
        takeThenRest(wo, m, takerPrice(m.instrument, side, ref, limit), qty, src == SRC_BAR, limit, time);
    }

    /**
     * Fills {@code qty} (or what the owner can pay for) as a taker at {@code price}, counting it
     * against the bar's volume cap when {@code barFill}; an unaffordable rest expires, any other
     * rest waits, rests or expires by the volume-cap rules.
     */
    private void takeThenRest(WorkingOrder wo, MarketState m, long price, long qty, boolean barFill, long limit, long time) {
        if (qty > 0) {
            long affordable = affordable(wo, price, qty);
            if (affordable > 0) {
                if (barFill) {
                    wo.addCapFill(m.barCloseTime, affordable);
                }
                if (fill(wo, price, affordable, LiquiditySide.TAKER, time)) {
                    finish(wo);
                    return;
                }
            }
            if (affordable < qty) {
                expire(wo, RejectReason.INSUFFICIENT_BALANCE, time);
                return;
            }
        }
        capRemainder(wo, m, limit, time);
    }

    private void walkBook(WorkingOrder wo, MarketState m, long limit, long time) {
        Order o = wo.order;
        Side side = o.side();
        OrderBook b = m.book;
        boolean buy = side == Side.BUY;
        int levels = buy ? b.askLevels() : b.bidLevels();
        if (o.timeInForce() == TimeInForce.FOK) {
            long remaining = o.remainingQty();
            long available = 0;
            for (int i = 0; i < levels && available < remaining; i++) {
                long p = buy ? b.askPrice(i) : b.bidPrice(i);
                if (limit != 0 && !reaches(side, p, limit)) {
                    break;
                }
                available += buy ? b.askQty(i) : b.bidQty(i);
            }
            if (available < remaining) {
                expire(wo, RejectReason.FOK_NOT_FILLABLE, time);
                return;
            }
        }
        for (int i = 0; i < levels; i++) {
            long p = buy ? b.askPrice(i) : b.bidPrice(i);
            if (limit != 0 && !reaches(side, p, limit)) {
                break;
            }
            long q = Math.min(o.remainingQty(), buy ? b.askQty(i) : b.bidQty(i));
            long affordable = affordable(wo, p, q);
            if (affordable > 0 && fill(wo, p, affordable, LiquiditySide.TAKER, time)) {
                finish(wo);
                return;
            }
            if (affordable < q) {
                expire(wo, RejectReason.INSUFFICIENT_BALANCE, time);
                return;
            }
        }
        if (limit == 0) {
            expire(wo, RejectReason.NO_LIQUIDITY, time);
        } else if (o.timeInForce() == TimeInForce.IOC) {
            expire(wo, RejectReason.IOC_REMAINDER, time);
        } else {
            rest(wo, m);
        }
    }

    /**
     * Executes a detached order as a taker at a bar price ({@code ref}: the open, or a stop's
     * trigger price) within the bar's volume cap.
     */
    private void executeAtBar(WorkingOrder wo, MarketState m, long ref, long limit, long time) {
        Order o = wo.order;
        Side side = o.side();
        if (limit != 0) {
            if (!reaches(side, ref, limit)) {
                restOrExpire(wo, m, time);
                return;
            }
            if (o.isPostOnly()) {
                expire(wo, RejectReason.POST_ONLY_WOULD_TAKE, time);
                return;
            }
        }
        long cap = capRemaining(wo, m);
        long remaining = o.remainingQty();
        if (o.timeInForce() == TimeInForce.FOK && cap < remaining) {
            expire(wo, RejectReason.FOK_NOT_FILLABLE, time);
            return;
        }
        takeThenRest(wo, m, takerPrice(m.instrument, side, ref, limit), Math.min(remaining, cap), true, limit, time);
    }

    /** The order is open with a remainder because the bar volume cap stopped it. */
    private void capRemainder(WorkingOrder wo, MarketState m, long limit, long time) {
        TimeInForce tif = wo.order.timeInForce();
        if (tif == TimeInForce.IOC || tif == TimeInForce.FOK) {
            expire(wo, RejectReason.VOLUME_CAP_EXPIRED, time);
        } else if (limit == 0) {
            addWaiting(wo, m);
        } else {
            rest(wo, m);
        }
    }

    /** A limit that cannot take now: GTC and GTX rest; IOC and FOK expire. */
    private void restOrExpire(WorkingOrder wo, MarketState m, long time) {
        TimeInForce tif = wo.order.timeInForce();
        if (tif == TimeInForce.IOC) {
            expire(wo, RejectReason.IOC_REMAINDER, time);
        } else if (tif == TimeInForce.FOK) {
            expire(wo, RejectReason.FOK_NOT_FILLABLE, time);
        } else {
            rest(wo, m);
        }
    }

    private void rest(WorkingOrder wo, MarketState m) {
        Order o = wo.order;
        boolean buy = o.side() == Side.BUY;
        long limit = o.price();
        wo.limit = limit;
        wo.seq = ++prioritySeq;
        wo.state = WorkingOrder.RESTING;
        if (queuePosition && m.hasBook) {
            wo.queueTracked = true;
            wo.queueAhead = m.book.qtyAt(buy, limit);
        } else {
            wo.queueTracked = false;
            wo.queueAhead = 0;
        }
        ArrayList<WorkingOrder> list = buy ? m.bids : m.asks;
        int i = 0;
        int n = list.size();
        while (i < n && (buy ? list.get(i).limit >= limit : list.get(i).limit <= limit)) {
            i++;
        }
        list.add(i, wo);
    }

    private void addWaiting(WorkingOrder wo, MarketState m) {
        wo.state = WorkingOrder.WAITING;
        m.waiting.add(wo);
    }

    // ------------------------------------------------------------------ market events

    private void onTrade(MarketState m, TradeTick t) {
        long price = t.price();
        if (price <= 0) {
            ignoredEvents++;
            return;
        }
        m.lastTrade = price;
        if (!m.bids.isEmpty()) {
            matchBidsOnTrade(m, price, t.qty(), t.aggressor());
        }
        if (!m.asks.isEmpty()) {
            matchAsksOnTrade(m, price, t.qty(), t.aggressor());
        }
        if (!m.stops.isEmpty()) {
            triggerStops(m, price, price);
        }
    }

    private void matchBidsOnTrade(MarketState m, long price, long tradeQty, Side aggressor) {
        ArrayList<WorkingOrder> list = m.bids;
        long pool = tradeQty;
        int i = 0;
        while (i < list.size()) {
            WorkingOrder wo = list.get(i);
            long limit = wo.limit;
            if (price > limit) {
                break;
            }
            long q;
            if (price < limit) {
                q = wo.order.remainingQty();
            } else {
                q = touchQty(wo, tradeQty, pool, aggressor != Side.BUY);
                pool -= q;
            }
            if (q > 0 && fill(wo, limit, q, LiquiditySide.MAKER, now)) {
                list.remove(i);
                finish(wo);
            } else {
                i++;
            }
        }
    }

    private void matchAsksOnTrade(MarketState m, long price, long tradeQty, Side aggressor) {
        ArrayList<WorkingOrder> list = m.asks;
        long pool = tradeQty;
        int i = 0;
        while (i < list.size()) {
            WorkingOrder wo = list.get(i);
            long limit = wo.limit;
            if (price < limit) {
                break;
            }
            long q;
            if (price > limit) {
                q = wo.order.remainingQty();
            } else {
                q = touchQty(wo, tradeQty, pool, aggressor != Side.SELL);
                pool -= q;
            }
            if (q > 0 && fill(wo, limit, q, LiquiditySide.MAKER, now)) {
                list.remove(i);
                finish(wo);
            } else {
                i++;
            }
        }
    }

    /**
     * How much of a trade of {@code tradeQty} exactly at the order's price fills it, given
     * {@code pool} still unclaimed by our earlier orders at that price. With a queue position the
     * trade first eats the queue ahead (only if it hit our side); otherwise only TOUCH fills.
     */
    private long touchQty(WorkingOrder wo, long tradeQty, long pool, boolean hitsOurSide) {
        long remaining = wo.order.remainingQty();
        if (wo.queueTracked) {
            if (!hitsOurSide) {
                return 0;
            }
            long ahead = wo.queueAhead;
            if (tradeQty <= ahead) {
                wo.queueAhead = ahead - tradeQty;
                return 0;
            }
            wo.queueAhead = 0;
            return Math.min(remaining, Math.min(tradeQty - ahead, pool));
        }
        return touch ? Math.min(remaining, pool) : 0;
    }

    private void onQuote(MarketState m, QuoteTick q) {
        m.setQuote(q);
        if (m.hasBook) {
            // Book events drive matching once a book is present; the quote only adds a stale copy of its top.
            return;
        }
        matchAndTrigger(m, q.bidPrice(), q.bidQty(), q.askPrice(), q.askQty());
    }

    private void onBook(MarketState m, BookUpdate u) {
        OrderBook b = m.book;
        b.apply(u);
        m.hasBook = true;
        if (!m.bids.isEmpty()) {
            shrinkQueues(m.bids, b, true);
        }
        if (!m.asks.isEmpty()) {
            shrinkQueues(m.asks, b, false);
        }
        matchAndTrigger(m, b.bestBid(), b.bidLevels() > 0 ? b.bidQty(0) : 0,
                b.bestAsk(), b.askLevels() > 0 ? b.askQty(0) : 0);
    }

    private static void shrinkQueues(ArrayList<WorkingOrder> list, OrderBook b, boolean bid) {
        for (int i = 0, n = list.size(); i < n; i++) {
            WorkingOrder wo = list.get(i);
            if (wo.queueTracked && wo.queueAhead > 0) {
                long shown = b.qtyAt(bid, wo.limit);
                if (shown < wo.queueAhead) {
                    wo.queueAhead = shown;
                }
            }
        }
    }

    private void matchAndTrigger(MarketState m, long bid, long bidQty, long ask, long askQty) {
        if (ask > 0 && !m.bids.isEmpty()) {
            matchOnOffer(m.bids, Side.BUY, ask, askQty);
        }
        if (bid > 0 && !m.asks.isEmpty()) {
            matchOnOffer(m.asks, Side.SELL, bid, bidQty);
        }
        if (!m.stops.isEmpty()) {
            triggerStops(m, ask, bid);
        }
    }

    /** Resting orders on {@code side} against the opposite best price {@code px} showing {@code size}. */
    private void matchOnOffer(ArrayList<WorkingOrder> list, Side side, long px, long size) {
        long pool = size > 0 ? size : UNLIMITED;
        boolean buy = side == Side.BUY;
        int i = 0;
        while (i < list.size()) {
            WorkingOrder wo = list.get(i);
            long limit = wo.limit;
            if (buy ? px > limit : px < limit) {
                break;
            }
            long q;
            if (px != limit) {
                q = wo.order.remainingQty();
            } else {
                boolean eligible = wo.queueTracked ? wo.queueAhead == 0 : touch;
                q = eligible ? Math.min(wo.order.remainingQty(), pool) : 0;
                pool -= q;
            }
            if (q > 0 && fill(wo, limit, q, LiquiditySide.MAKER, now)) {
                list.remove(i);
                finish(wo);
            } else {
                i++;
            }
        }
    }

    /** Triggers stops reached by {@code buyRef} (buy stops) or {@code sellRef} (sell stops); 0 means unknown. */
    private void triggerStops(MarketState m, long buyRef, long sellRef) {
        ArrayList<WorkingOrder> list = m.stops;
        int i = 0;
        while (i < list.size()) {
            WorkingOrder wo = list.get(i);
            Order o = wo.order;
            long ref = o.side() == Side.BUY ? buyRef : sellRef;
            if (ref <= 0 || !stopReached(o.side(), ref, o.stopPrice())) {
                i++;
                continue;
            }
            list.remove(i);
            wo.state = WorkingOrder.DETACHED;
            trigger(wo, now);
            executeNow(wo, m, limitOf(o), now);
        }
    }

    private void onBar(MarketState m, Bar b) {
        m.setBar(b);
        if (!m.waiting.isEmpty()) {
            fillWaitingAtOpen(m);
        }
        if (!m.bids.isEmpty()) {
            matchBar(m, m.bids, Side.BUY);
        }
        if (!m.asks.isEmpty()) {
            matchBar(m, m.asks, Side.SELL);
        }
        if (!m.stops.isEmpty()) {
            triggerStopsOnBar(m);
        }
    }

    private void fillWaitingAtOpen(MarketState m) {
        ArrayList<WorkingOrder> batch = scratch;
        ArrayList<WorkingOrder> waiting = m.waiting;
        for (int i = 0, n = waiting.size(); i < n; i++) {
            batch.add(waiting.get(i));
        }
        waiting.clear();
        // Orders left over by the volume cap are appended to m.waiting again, keeping their FIFO order.
        for (int i = 0, n = batch.size(); i < n; i++) {
            WorkingOrder wo = batch.get(i);
            wo.state = WorkingOrder.DETACHED;
            Order o = wo.order;
            executeAtBar(wo, m, m.barOpen, o.type().hasLimitPrice() ? o.price() : 0, Math.max(m.barOpenTime, o.updatedNanos()));
        }
        batch.clear();
    }

    private void matchBar(MarketState m, ArrayList<WorkingOrder> list, Side side) {
        long extreme = side == Side.BUY ? m.barLow : m.barHigh;
        int i = 0;
        while (i < list.size()) {
            WorkingOrder wo = list.get(i);
            long limit = wo.limit;
            if (!crosses(side, extreme, limit)) {
                break;
            }
            Order o = wo.order;
            boolean gap = crosses(side, m.barOpen, limit);
            long qty = Math.min(o.remainingQty(), capRemaining(wo, m));
            if (qty > 0) {
                wo.addCapFill(m.barCloseTime, qty);
                long time = gap ? Math.max(m.barOpenTime, o.updatedNanos()) : now;
                if (fill(wo, gap ? m.barOpen : limit, qty, LiquiditySide.MAKER, time)) {
                    list.remove(i);
                    finish(wo);
                    continue;
                }
            }
            i++;
        }
    }

    private void triggerStopsOnBar(MarketState m) {
        ArrayList<WorkingOrder> list = m.stops;
        int i = 0;
        while (i < list.size()) {
            WorkingOrder wo = list.get(i);
            Order o = wo.order;
            long stop = o.stopPrice();
            boolean buy = o.side() == Side.BUY;
            boolean gap = buy ? m.barOpen >= stop : m.barOpen <= stop;
            if (!gap && !(buy ? m.barHigh >= stop : m.barLow <= stop)) {
                i++;
                continue;
            }
            list.remove(i);
            wo.state = WorkingOrder.DETACHED;
            long time = gap ? Math.max(m.barOpenTime, o.updatedNanos()) : now;
            trigger(wo, time);
            executeAtBar(wo, m, gap ? m.barOpen : stop, limitOf(o), time);
        }
    }

    // ------------------------------------------------------------------ order transitions

    private void accept(WorkingOrder wo) {
        Order o = wo.order;
        o.accept(Math.max(now, o.updatedNanos()));
        wo.accepted = true;
        openCount++;
        listener.onOrderUpdate(o);
    }

    private void reject(WorkingOrder wo, RejectReason why) {
        Order o = wo.order;
        o.reject(why, Math.max(now, o.updatedNanos()));
        listener.onOrderUpdate(o);
        finish(wo);
    }

    private void expire(WorkingOrder wo, RejectReason why, long time) {
        Order o = wo.order;
        o.expire(why, Math.max(time, o.updatedNanos()));
        listener.onOrderUpdate(o);
        finish(wo);
    }

    private void trigger(WorkingOrder wo, long time) {
        Order o = wo.order;
        o.trigger(Math.max(time, o.updatedNanos()));
        listener.onOrderUpdate(o);
    }

    /** Records a fill on the order and reports it; true when the order is now FILLED. */
    private boolean fill(WorkingOrder wo, long price, long qty, LiquiditySide liquidity, long time) {
        Order o = wo.order;
        Instrument ins = o.instrument();
        long t = Math.max(time, o.updatedNanos());
        long fee = Fixed.feePpm(ins.notional(price, qty), liquidity == LiquiditySide.MAKER ? makerFeePpm : takerFeePpm);
        Fill f = reusedFill != null
                ? reusedFill.reuse(o, ++tradeIdSeq, price, qty, fee, ins.quoteAsset(), liquidity, t)
                : new Fill(o.orderId(), o.clientOrderId(), o.strategyId(), ins, o.side(), ++tradeIdSeq,
                price, qty, fee, ins.quoteAsset(), liquidity, t);
        o.fill(qty, price, fee, t);
        listener.onFill(o, f);
        listener.onOrderUpdate(o);
        return o.remainingQty() == 0;
    }

    /** The order is terminal and in no list: forget it. */
    private void finish(WorkingOrder wo) {
        if (wo.accepted) {
            openCount--;
        }
        live.remove(wo.order);
        wo.reset();
        pool.add(wo);
    }

    private WorkingOrder acquire() {
        int n = pool.size();
        return n == 0 ? new WorkingOrder() : pool.remove(n - 1);
    }

    // ------------------------------------------------------------------ pricing helpers

    private int source(MarketState m, Side side) {
        if (m.hasBook) {
            return SRC_BOOK;
        }
        if (m.hasQuote && (side == Side.BUY ? m.askPrice : m.bidPrice) > 0) {
            return SRC_QUOTE;
        }
        if (m.lastTrade > 0) {
            return SRC_TRADE;
        }
        return m.hasBar ? SRC_BAR : SRC_NONE;
    }

    /** The price a taker on {@code side} meets from source {@code src}; 0 when there is none. */
    private static long takePrice(MarketState m, Side side, int src) {
        boolean buy = side == Side.BUY;
        switch (src) {
            case SRC_BOOK:
                return buy ? m.book.bestAsk() : m.book.bestBid();
            case SRC_QUOTE:
                return buy ? m.askPrice : m.bidPrice;
            case SRC_TRADE:
                return m.lastTrade;
            case SRC_BAR:
                return m.barClose;
            default:
                return 0;
        }
    }

    /** How much of {@code qty} a market or stop-market buy can pay for at {@code price}; limit orders locked their cost up front. */
    private long affordable(WorkingOrder wo, long price, long qty) {
        Order o = wo.order;
        if (o.side() != Side.BUY || o.type().hasLimitPrice()) {
            return qty;
        }
        long q = funds.affordableQty(o, price, qty);
        return q >= qty ? qty : o.instrument().floorToStep(Math.max(0, q));
    }

    private long takerPrice(Instrument instrument, Side side, long ref, long limit) {
        long p = slippage.apply(instrument, side, ref);
        if (limit != 0) {
            p = side == Side.BUY ? Math.min(p, limit) : Math.max(p, limit);
        }
        return p;
    }

    /** Whether a taker on {@code side} with limit {@code limit} can trade at {@code price}. */
    private static boolean reaches(Side side, long price, long limit) {
        return side == Side.BUY ? price <= limit : price >= limit;
    }

    /** Whether market price {@code price} fills a resting order at {@code limit} under the limit fill rule. */
    private boolean crosses(Side side, long price, long limit) {
        if (side == Side.BUY) {
            return touch ? price <= limit : price < limit;
        }
        return touch ? price >= limit : price > limit;
    }

    private static boolean stopReached(Side side, long price, long stop) {
        return side == Side.BUY ? price >= stop : price <= stop;
    }

    private static long limitOf(Order o) {
        return o.type().hasLimitPrice() ? o.price() : 0;
    }

    /** What the volume cap still allows this order in the market's last bar. */
    private long capRemaining(WorkingOrder wo, MarketState m) {
        if (!volumeCapped) {
            return UNLIMITED;
        }
        long cap = m.instrument.floorToStep(floorPpm(m.barVolume, barVolumePpm));
        return Math.max(0, cap - wo.capUsed(m.barCloseTime));
    }

    /** {@code floor(value * ppm / 10^6)} for value &gt;= 0 and 0 &lt; ppm &lt;= 10^6, without overflow. */
    static long floorPpm(long value, long ppm) {
        long q = value / ExchangeConfig.MILLION;
        long r = value % ExchangeConfig.MILLION;
        return Math.addExact(Math.multiplyExact(q, ppm), r * ppm / ExchangeConfig.MILLION);
    }

    private MarketState market(Instrument instrument) {
        if (instrument == cachedInstrument) {
            return cachedMarket;
        }
        MarketState m = markets.get(instrument.symbol());
        if (m != null) {
            cachedInstrument = instrument;
            cachedMarket = m;
        }
        return m;
    }

    private void enter() {
        if (busy) {
            throw new IllegalStateException("SimulatedExchange re-entered from a listener: only submit and cancel may be called there");
        }
        busy = true;
    }

    // ------------------------------------------------------------------ validation

    /**
     * Checks every internal invariant and throws {@link IllegalStateException} describing the
     * first one broken: resting lists in price-time priority; every listed order open, in exactly
     * one list, of the right kind, known by identity; no terminal order kept; no negative queue;
     * the open count matching the lists; arrivals in time order. O(orders); for tests and debugging.
     */
    public void validateInternalState() {
        int listed = 0;
        IdentityHashMap<WorkingOrder, Boolean> seen = new IdentityHashMap<>();
        for (MarketState m : markets.values()) {
            listed += m.orderCount();
            checkList(m, m.bids, WorkingOrder.RESTING, seen);
            checkList(m, m.asks, WorkingOrder.RESTING, seen);
            checkList(m, m.stops, WorkingOrder.STOP, seen);
            checkList(m, m.waiting, WorkingOrder.WAITING, seen);
            for (int i = 0; i < m.bids.size(); i++) {
                WorkingOrder wo = m.bids.get(i);
                check(wo.order.side() == Side.BUY && wo.limit == wo.order.price(), "bad bid entry", wo);
                if (i > 0) {
                    WorkingOrder prev = m.bids.get(i - 1);
                    check(prev.limit > wo.limit || (prev.limit == wo.limit && prev.seq < wo.seq), "bids out of priority", wo);
                }
            }
            for (int i = 0; i < m.asks.size(); i++) {
                WorkingOrder wo = m.asks.get(i);
                check(wo.order.side() == Side.SELL && wo.limit == wo.order.price(), "bad ask entry", wo);
                if (i > 0) {
                    WorkingOrder prev = m.asks.get(i - 1);
                    check(prev.limit < wo.limit || (prev.limit == wo.limit && prev.seq < wo.seq), "asks out of priority", wo);
                }
            }
            for (int i = 0; i < m.stops.size(); i++) {
                WorkingOrder wo = m.stops.get(i);
                check(wo.order.type().hasStopPrice() && !wo.order.isTriggered(), "bad stop entry", wo);
            }
        }
        check(listed == openCount, "open count " + openCount + " != listed " + listed, null);
        int inFlight = 0;
        for (Map.Entry<Order, WorkingOrder> e : live.entrySet()) {
            WorkingOrder wo = e.getValue();
            check(wo.order == e.getKey(), "live map entry points at another order", wo);
            if (wo.state == WorkingOrder.IN_FLIGHT) {
                check(wo.order.status() == OrderStatus.NEW && !wo.accepted, "in-flight order not NEW", wo);
                inFlight++;
            } else {
                check(seen.containsKey(wo), "live order in no list", wo);
            }
        }
        check(live.size() == inFlight + listed, "live map size " + live.size() + " != in flight + listed", null);
        for (int i = 1; i < arrivals.size(); i++) {
            check(arrivals.timeAt(i - 1) <= arrivals.timeAt(i), "arrivals out of time order", null);
        }
        for (int i = 0; i < pool.size(); i++) {
            check(pool.get(i).order == null && !seen.containsKey(pool.get(i)), "pooled entry still in use", pool.get(i));
        }
    }

    private void checkList(MarketState m, ArrayList<WorkingOrder> list, int state, IdentityHashMap<WorkingOrder, Boolean> seen) {
        for (int i = 0; i < list.size(); i++) {
            WorkingOrder wo = list.get(i);
            check(seen.put(wo, Boolean.TRUE) == null, "order in two lists", wo);
            check(wo.state == state, "state " + wo.state + " in list of state " + state, wo);
            check(wo.market == m && wo.order != null && wo.order.instrument().symbol().equals(m.instrument.symbol()),
                    "order listed under the wrong market", wo);
            check(wo.order.isOpen() && wo.accepted, "non-open order listed", wo);
            check(wo.order.remainingQty() > 0, "filled order listed", wo);
            check(live.get(wo.order) == wo, "listed order unknown to the live map", wo);
            check(!wo.queueTracked || wo.queueAhead >= 0, "negative queue ahead", wo);
        }
    }

    private static void check(boolean ok, String what, WorkingOrder wo) {
        if (!ok) {
            throw new IllegalStateException("SimulatedExchange invariant broken: " + what + (wo != null ? ": " + wo : ""));
        }
    }

    @Override
    public String toString() {
        return "SimulatedExchange{markets=" + markets.size() + ", open=" + openCount + ", inFlight=" + arrivals.size()
                + ", now=" + now + "}";
    }
}
