package io.ttquant.app.strategy;

import io.ttquant.core.engine.OrderIdSource;
import io.ttquant.core.engine.StrategyHost;
import io.ttquant.core.engine.TimerService;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.portfolio.Portfolio;
import io.ttquant.core.time.Clock;
import io.ttquant.core.venue.ExecutionListener;
import io.ttquant.transport.order.OrderMessages;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.Fee;
import io.ttquant.transport.proto.PositionUpdate;
import io.ttquant.transport.proto.StateSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The live strategy engine's logic, free of any transport: one thread owns every strategy and feeds
 * it decoded market events, the gateway's execution events and timers; orders leave as encoded
 * commands through an {@link OrderSender}; start-up state is asked for through a
 * {@link StateRequester}. The same engine runs over ZeroMQ ({@link StrategyService}) or inside the
 * gateway's JVM (rings), and its strategies run through the same {@link StrategyHost} and
 * {@link Portfolio} as in a backtest, with reports applied to their orders the way the backtest
 * engine applies its simulated exchange's: a strategy cannot tell live from backtest but by the
 * data.
 *
 * <p><b>Life cycle per strategy.</b> SYNCING: the engine asks the gateway for the strategy's open
 * orders, positions and fees and trades nothing (its market data still marks the portfolio) until
 * the gateway answers and is ready; no answer within the sync timeout, an error or a gateway not
 * yet ready is logged and asked again. The answer is restored into the host and portfolio (the
 * strategy then sees its real position and open orders, and numbers its client order ids above the
 * gateway's), execution events that came meanwhile are applied where they advance an order's
 * state, {@code onStart} is called: ACTIVE. A callback that throws, or takes longer than the
 * {@link CallbackBudget} allows, QUARANTINES the strategy: it gets no more callbacks, its host
 * accepts no more orders, its open orders are canceled through the gateway, and why is logged and
 * kept ({@link #reason}); the engine and the other strategies go on, and the quarantined strategy's
 * reports are still booked. {@link #stop()}: STOPPED after {@code onStop}.
 *
 * <p><b>Reports.</b> The gateway's reports find their order by (strategy, client order id). A
 * report applies only what is news to the order (a fill beyond its cumulative quantity, a status it
 * may move to), so a report seen twice, or already part of the start-up state, changes nothing. A
 * fill is applied to the order, booked into the portfolio and handed to {@code onFill}; every
 * status change to {@code onOrderUpdate}, after the order was closed in the host when terminal.
 * Rejections decided here (the host's pre-trade checks, the engine-side limits, a sender that cannot
 * take the order) are queued and delivered after the current callback, never inside it.
 *
 * <p>Time is injected: {@code clock} is the strategies' clock (epoch ns); {@code latencyClock}
 * times callbacks. Single-threaded; nothing here blocks. Market events allocate nothing here;
 * execution events arrive as protoc messages (they allocate, at the rate of order updates).
 */
public final class StrategyEngine implements TimerService {
    /** Where a strategy is in its life. */
    public enum State {
        /** Waiting for the gateway's state; trades nothing. */
        SYNCING,
        /** Trading. */
        ACTIVE,
        /** Stopped for a callback that threw or was too slow; its orders were canceled. */
        QUARANTINED,
        /** Stopped with the engine. */
        STOPPED
    }

    private static final System.Logger LOG = System.getLogger(StrategyEngine.class.getName());
    private static final int ON_START = 0;
    private static final int ON_BAR = 1;
    private static final int ON_TRADE = 2;
    private static final int ON_QUOTE = 3;
    private static final int ON_BOOK = 4;
    private static final int ON_FILL = 5;
    private static final int ON_ORDER = 6;
    private static final int ON_TIMER = 7;
    private static final int ON_STOP = 8;

    private final EngineSettings settings;
    private final Clock clock;
    private final Clock latencyClock;
    private final StateRequester requester;
    private final MarketView market;
    private final StrategySlot[] slots;
    private final Map<String, StrategySlot> byId = new HashMap<>();
    /** Per market view instrument index, the slots that trade it. */
    private final StrategySlot[][] byInstrument;
    private final OrderIdSource orderIds = new OrderIdSource(1);
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long timerSeq;
    private long requestSeq;
    private boolean started;
    private long unknownStrategyEvents;
    private long executionEvents;

    // Rejections decided here, delivered after the current callback: parallel arrays, a FIFO.
    private StrategySlot[] queuedSlot = new StrategySlot[64];
    private Order[] queuedOrder = new Order[64];
    private RejectReason[] queuedReason = new RejectReason[64];
    private int queueHead;
    private int queueTail;
    private boolean draining;

    /**
     * @param instruments  every instrument the engine trades, one object per symbol (strategies share them)
     * @param strategies   the strategies, in the order they get each event; ids unique
     * @param clock        the strategies' clock (ns since the epoch)
     * @param latencyClock the clock callbacks are timed with (ns; only differences matter)
     * @param sender       where encoded order commands go
     * @param requester    asks the gateway for a strategy's start-up state
     */
    public StrategyEngine(List<Instrument> instruments, List<StrategyDefinition> strategies, EngineSettings settings,
                          Clock clock, Clock latencyClock, OrderSender sender, StateRequester requester) {
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("the engine needs at least one strategy");
        }
        this.settings = settings;
        this.clock = clock;
        this.latencyClock = latencyClock;
        this.requester = requester;
        this.market = new MarketView(instruments);
        this.slots = new StrategySlot[strategies.size()];
        for (int k = 0; k < slots.length; k++) {
            StrategyDefinition d = strategies.get(k);
            if (byId.containsKey(d.id())) {
                throw new IllegalArgumentException("two strategies share the id " + d.id());
            }
            for (Instrument i : d.instruments()) {
                if (market.indexOf(i) < 0) {
                    throw new IllegalArgumentException("strategy " + d.id() + " trades " + i.symbol() + ", which the engine does not");
                }
            }
            Portfolio portfolio = new Portfolio(d.instruments().get(0).quoteAsset(), settings.marketBufferPpm());
            for (Map.Entry<String, Long> e : d.balances().entrySet()) {
                portfolio.deposit(e.getKey(), e.getValue());
            }
            int index = k;
            RemoteVenue venue = new RemoteVenue(d.id(), settings.gatewayVenue(), d.instruments(), sender, market, clock,
                    d.limits(), new VenueRefusals(index));
            StrategyHost host = new StrategyHost(d.id(), d.strategy(), portfolio, venue, clock, d.instruments(), orderIds, this,
                    new HostRejections(index), settings.takerFeePpm());
            slots[k] = new StrategySlot(k, d, host, portfolio, venue);
            venue.attach(slots[k]);
            byId.put(d.id(), slots[k]);
        }
        this.byInstrument = new StrategySlot[instruments.size()][];
        for (int i = 0; i < instruments.size(); i++) {
            List<StrategySlot> list = new ArrayList<>();
            for (StrategySlot s : slots) {
                if (s.trades(instruments.get(i))) {
                    list.add(s);
                }
            }
            byInstrument[i] = list.toArray(new StrategySlot[0]);
        }
    }

    // ------------------------------------------------------------------ life cycle

    /** Starts every strategy's sync: the first state requests go out {@code syncDelay} after {@code nowNanos}. */
    public void start(long nowNanos) {
        if (started) {
            throw new IllegalStateException("the engine is started already");
        }
        started = true;
        for (StrategySlot s : slots) {
            s.initialEquity = s.portfolio.equity();
            s.peakEquity = s.initialEquity;
            s.nextRequestAt = nowNanos + settings.syncDelayNanos();
        }
    }

    /**
     * One duty cycle at {@code nowNanos}: sends due state requests (first ones, retries after a
     * timeout or a refusal) and fires due timers. Returns the work done (0 when idle).
     */
    public int doWork(long nowNanos) {
        int work = 0;
        if (!started) {
            return 0;
        }
        for (StrategySlot s : slots) {
            if (s.state != State.SYNCING) {
                continue;
            }
            if (s.requestSentAt != Long.MIN_VALUE && nowNanos - s.requestSentAt >= settings.syncTimeoutNanos()) {
                s.syncProblem = "no answer from the gateway within " + settings.syncTimeoutNanos() / 1_000_000 + " ms";
                LOG.log(System.Logger.Level.WARNING, "strategy " + s.id() + ": " + s.syncProblem + " to its state request; not "
                        + "trading, asking again");
                s.requestSentAt = Long.MIN_VALUE;
                s.nextRequestAt = nowNanos;
            }
            if (s.requestSentAt == Long.MIN_VALUE && nowNanos >= s.nextRequestAt) {
                s.requestId = ++requestSeq;
                s.requestSentAt = nowNanos;
                s.syncAttempts++;
                requester.request(s.id(), s.requestId, nowNanos);
                work++;
            }
        }
        Timer t;
        while ((t = timers.peek()) != null && t.at <= nowNanos) {
            timers.poll();
            if (t.slot.state == State.ACTIVE) {
                invoke(t.slot, ON_TIMER, null, null, null, t.id);
                settle();
            }
            work++;
        }
        return work;
    }

    /** Calls {@code onStop} of every active strategy (its open orders stay at the gateway); afterwards nothing is delivered. */
    public void stop() {
        for (StrategySlot s : slots) {
            if (s.state == State.ACTIVE) {
                invoke(s, ON_STOP, null, null, null, 0);
                settle();
            }
            if (s.state == State.ACTIVE || s.state == State.SYNCING) {
                s.state = State.STOPPED;
            }
            s.host.stop();
        }
    }

    // ------------------------------------------------------------------ market data

    /** A decoded market event (reused by the caller: read during the call only). */
    public void onMarketData(MarketEvent e) {
        int i = market.update(e);
        if (i < 0) {
            return;
        }
        Instrument ins = e.instrument();
        StrategySlot[] subscribed = byInstrument[i];
        long mark = markPrice(e, ins);
        if (mark > 0) {
            for (StrategySlot s : subscribed) {
                s.portfolio.mark(ins, mark);
            }
        }
        int kind = kindOf(e);
        for (StrategySlot s : subscribed) {
            if (s.state == State.ACTIVE) {
                invoke(s, kind, e, null, null, 0);
                settle();
            }
        }
    }

    private long markPrice(MarketEvent e, Instrument ins) {
        switch (e.kind()) {
            case BAR:
                return ((Bar) e).close();
            case TRADE:
                return ((TradeTick) e).price();
            case QUOTE: {
                QuoteTick q = (QuoteTick) e;
                return q.bidPrice() > 0 && q.askPrice() > 0 ? (q.bidPrice() + q.askPrice()) / 2 : 0;
            }
            default: {
                long bid = market.bestBid(ins);
                long ask = market.bestAsk(ins);
                return bid > 0 && ask > 0 ? (bid + ask) / 2 : 0;
            }
        }
    }

    private static int kindOf(MarketEvent e) {
        switch (e.kind()) {
            case BAR:
                return ON_BAR;
            case TRADE:
                return ON_TRADE;
            case QUOTE:
                return ON_QUOTE;
            default:
                return ON_BOOK;
        }
    }

    // ------------------------------------------------------------------ execution events

    /** One event from the gateway on {@code exec.<strategy>}: an execution report or a position update. */
    public void onExecutionEvent(ExecutionEvent event) {
        executionEvents++;
        String strategy = event.hasReport() ? event.getReport().getStrategy()
                : event.hasPosition() ? event.getPosition().getStrategy() : null;
        StrategySlot s = strategy == null ? null : byId.get(strategy);
        if (s == null) {
            unknownStrategyEvents++;
            return;
        }
        if (s.state == State.SYNCING) {
            s.buffered.add(event);
            return;
        }
        if (event.hasReport()) {
            applyReport(s, event.getReport());
        } else {
            checkPosition(s, event.getPosition());
        }
    }

    private void applyReport(StrategySlot s, ExecutionReport r) {
        Order own = s.openByClientId.get(r.getClientOrderId());
        if (own == null) {
            s.unknownReports++;
            return;
        }
        OrderStatus status = OrderMessages.orderStatus(r.getStatus());
        if (status == null) {
            s.unknownReports++;
            return;
        }
        long time = r.getEventTimeNs();
        boolean changed = false;
        try {
            if (r.getCumulativeQty() > own.filledQty() && r.getLastFillQty() > 0) {
                if (own.status() == OrderStatus.NEW) {
                    own.accept(time);
                }
                long qty = r.getCumulativeQty() - own.filledQty();
                long fee = r.getCumulativeFee() - own.feesPaid();
                Fill fill = new Fill(own.orderId(), own.clientOrderId(), s.id(), own.instrument(), own.side(), r.getTradeId(),
                        r.getLastFillPrice(), qty, fee, r.getFeeAsset().isEmpty() ? own.instrument().quoteAsset() : r.getFeeAsset(),
                        OrderMessages.liquidity(r.getLiquidity()), time);
                own.fill(qty, r.getLastFillPrice(), fee, time);
                s.book(own, fill);
                changed = true;
                if (s.state == State.ACTIVE) {
                    invoke(s, ON_FILL, null, null, fill, 0);
                    settle();
                }
            }
            changed |= applyStatus(own, status, r, time);
        } catch (IllegalStateException e) {
            LOG.log(System.Logger.Level.ERROR, "strategy " + s.id() + ": the gateway's report " + status + " for order "
                    + own.clientOrderId() + " does not fit its state " + own.status() + "; ignored: " + e.getMessage());
            return;
        }
        if (changed) {
            orderChanged(s, own);
        }
    }

    /** Moves {@code own} to the reported status when that is news; true when it changed. */
    private static boolean applyStatus(Order own, OrderStatus status, ExecutionReport r, long time) {
        if (status == own.status()) {
            return false;
        }
        switch (status) {
            case NEW:
                return false;
            case ACCEPTED:
            case PARTIALLY_FILLED:
            case FILLED:
                // Fills move these; without one only an acknowledgement is news.
                if (own.status() == OrderStatus.NEW) {
                    own.accept(time);
                    return true;
                }
                return false;
            case CANCELED:
                if (own.status() == OrderStatus.NEW) {
                    own.accept(time);
                }
                own.cancel(time);
                return true;
            case EXPIRED:
                if (own.status() == OrderStatus.NEW) {
                    own.accept(time);
                }
                own.expire(reasonOf(r), time);
                return true;
            case REJECTED:
                own.reject(reasonOf(r), time);
                return true;
            default:
                return false;
        }
    }

    private static RejectReason reasonOf(ExecutionReport r) {
        RejectReason reason = OrderMessages.rejectReason(r.getRejectCode());
        return reason == null ? RejectReason.VENUE_REJECTED : reason;
    }

    /** After a status change: closes a terminal order in the host, counts a rejection, tells the strategy. */
    private void orderChanged(StrategySlot s, Order own) {
        if (own.status().isTerminal()) {
            s.host.orderClosed(own);
            s.openByClientId.remove(own.clientOrderId());
        }
        if (own.status() == OrderStatus.REJECTED) {
            s.countReject(own.reason());
        }
        if (s.state == State.ACTIVE) {
            invoke(s, ON_ORDER, null, own, null, 0);
            settle();
        }
    }

    private void checkPosition(StrategySlot s, PositionUpdate p) {
        Instrument ins = s.host.instrument(p.getSymbol());
        if (ins == null) {
            return;
        }
        long local = s.portfolio.position(ins).netQty();
        if (local != p.getNetQty()) {
            s.positionMismatches++;
            if (s.positionMismatches == 1) {
                LOG.log(System.Logger.Level.WARNING, "strategy " + s.id() + ": the gateway holds a position of " + p.getNetQty()
                        + " in " + ins.symbol() + " but the engine books " + local + " (a report was lost or came for an order "
                        + "the engine does not know); further mismatches are only counted");
            }
        }
    }

    // ------------------------------------------------------------------ start-up sync

    /** The gateway's answer to a state request; stale answers (an older request id) are ignored. */
    public void onStateSnapshot(StateSnapshot snapshot) {
        StrategySlot s = byId.get(snapshot.getStrategy());
        if (s == null || s.state != State.SYNCING || snapshot.getRequestId() != s.requestId || s.requestSentAt == Long.MIN_VALUE) {
            return;
        }
        long now = clock.nanos();
        String problem = !snapshot.getError().isEmpty() ? "the gateway could not answer: " + snapshot.getError()
                : !snapshot.getKnown() ? "the gateway does not serve strategy " + s.id() + " (add it to the gateway's strategies)"
                : !snapshot.getReady() ? "the gateway is not ready: " + snapshot.getNotReadyReason() : null;
        if (problem == null) {
            problem = restore(s, snapshot);
        }
        if (problem != null) {
            s.syncProblem = problem;
            s.requestSentAt = Long.MIN_VALUE;
            s.nextRequestAt = now + settings.syncTimeoutNanos();
            LOG.log(System.Logger.Level.WARNING, "strategy " + s.id() + ": not trading: " + problem + "; asking again in "
                    + settings.syncTimeoutNanos() / 1_000_000 + " ms");
            return;
        }
        // Reports that came while syncing: those the snapshot already holds change nothing, later ones apply (no callbacks yet).
        for (ExecutionEvent e : s.buffered) {
            if (e.hasReport()) {
                applyReport(s, e.getReport());
            }
        }
        s.buffered.clear();
        s.syncProblem = null;
        s.state = State.ACTIVE;
        s.initialEquity = s.portfolio.equity();
        s.peakEquity = s.initialEquity;
        LOG.log(System.Logger.Level.INFO, "strategy " + s.id() + " (" + s.definition.name() + ") synced with the gateway: "
                + s.openByClientId.size() + " open orders, positions " + positions(s) + "; trading");
        invoke(s, ON_START, null, null, null, 0);
        settle();
    }

    /** Restores the snapshot into the host and portfolio; returns why it cannot (nothing restored then), or null. */
    private String restore(StrategySlot s, StateSnapshot snapshot) {
        for (PositionUpdate p : snapshot.getPositionsList()) {
            Instrument ins = s.host.instrument(p.getSymbol());
            boolean flat = p.getNetQty() == 0 && p.getCostBasis() == 0 && p.getRealizedPnl() == 0;
            if (ins == null) {
                if (p.getNetQty() != 0) {
                    LOG.log(System.Logger.Level.WARNING, "strategy " + s.id() + " holds " + p.getNetQty() + " (raw) of " + p.getSymbol()
                            + " at the gateway but does not trade it here; that position is not restored");
                }
                continue;
            }
            if (!flat && (p.getQtyScale() != ins.qtyScale() || p.getPriceScale() != ins.priceScale())) {
                return "the gateway's " + p.getSymbol() + " quantities have " + p.getQtyScale() + " decimals and prices "
                        + p.getPriceScale() + ", the engine's " + ins.qtyScale() + " and " + ins.priceScale()
                        + " (set marketdata.qty-scale as the gateway has it)";
            }
        }
        for (ExecutionReport r : snapshot.getOpenOrdersList()) {
            Instrument ins = s.host.instrument(r.getSymbol());
            if (ins == null || r.getQtyScale() != ins.qtyScale() || r.getPriceScale() != ins.priceScale()) {
                return "the gateway holds open order " + r.getClientOrderId() + " of " + r.getSymbol()
                        + (ins == null ? ", which the strategy does not trade here" : " at other scales than the engine's");
            }
        }
        for (PositionUpdate p : snapshot.getPositionsList()) {
            Instrument ins = s.host.instrument(p.getSymbol());
            if (ins != null && (p.getNetQty() != 0 || p.getCostBasis() != 0 || p.getRealizedPnl() != 0)) {
                s.portfolio.restorePosition(ins, p.getNetQty(), p.getCostBasis(), p.getRealizedPnl());
                if (p.getMarkPrice() > 0) {
                    s.portfolio.mark(ins, p.getMarkPrice());
                }
            }
        }
        for (Fee f : snapshot.getFeesList()) {
            s.portfolio.restoreFees(f.getAsset(), f.getAmount());
        }
        for (ExecutionReport r : snapshot.getOpenOrdersList()) {
            adopt(s, r);
        }
        s.host.continueClientSequence(snapshot.getLastClientSequence());
        return null;
    }

    /** Makes an order the gateway holds open the strategy's own again, with what its rest needs locked. */
    private void adopt(StrategySlot s, ExecutionReport r) {
        Instrument ins = s.host.instrument(r.getSymbol());
        Side side = OrderMessages.side(r.getSide());
        OrderType type = OrderMessages.orderType(r.getType());
        TimeInForce tif = OrderMessages.timeInForce(r.getTimeInForce());
        OrderStatus status = OrderMessages.orderStatus(r.getStatus());
        long id = orderIds.next();
        Order own = new Order(id, r.getClientOrderId(), s.id(), ins, side, type, tif, r.getQuantity(), r.getPrice(),
                r.getStopPrice(), false, r.getEventTimeNs());
        own.restore(status, null, r.getCumulativeQty(), r.getCumulativeNotional(), r.getCumulativeFee(), r.getEventTimeNs());
        Order rest = new Order(id, r.getClientOrderId(), s.id(), ins, side, type, tif, own.remainingQty(), r.getPrice(),
                r.getStopPrice(), false, r.getEventTimeNs());
        long reference = side == Side.BUY ? market.bestAsk(ins) : market.bestBid(ins);
        RejectReason unfunded = s.portfolio.reserve(rest, reference == 0 ? market.lastPrice(ins) : reference,
                settings.takerFeePpm());
        if (unfunded != null) {
            LOG.log(System.Logger.Level.WARNING, "strategy " + s.id() + ": open order " + r.getClientOrderId() + " is not covered "
                    + "by the strategy's balance (" + unfunded + "); it is adopted without locking funds");
        }
        s.host.adoptOpenOrder(own);
        s.openByClientId.put(own.clientOrderId(), own);
    }

    private static String positions(StrategySlot s) {
        StringBuilder b = new StringBuilder();
        for (Instrument i : s.instruments) {
            b.append(b.length() == 0 ? "" : ", ").append(i.symbol()).append(' ').append(i.formatQty(s.portfolio.position(i).netQty()));
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ callbacks, guarded

    /** Calls one callback of an active strategy, timed; quarantines it when the callback threw or was too slow. */
    private void invoke(StrategySlot s, int kind, MarketEvent e, Order order, Fill fill, long timerId) {
        long start = latencyClock.nanos();
        Throwable error = null;
        try {
            switch (kind) {
                case ON_START:
                    s.host.strategy().onStart(s.host);
                    break;
                case ON_BAR:
                    s.host.strategy().onBar((Bar) e);
                    break;
                case ON_TRADE:
                    s.host.strategy().onTrade((TradeTick) e);
                    break;
                case ON_QUOTE:
                    s.host.strategy().onQuote((QuoteTick) e);
                    break;
                case ON_BOOK:
                    s.host.strategy().onBook((BookUpdate) e, market.book(e.instrument()));
                    break;
                case ON_FILL:
                    s.host.strategy().onFill(fill);
                    break;
                case ON_ORDER:
                    s.host.strategy().onOrderUpdate(order);
                    break;
                case ON_TIMER:
                    s.host.strategy().onTimer(timerId, clock.nanos());
                    break;
                default:
                    s.host.strategy().onStop();
                    break;
            }
        } catch (VirtualMachineError fatal) {
            if (!(fatal instanceof StackOverflowError)) {
                throw fatal;
            }
            error = fatal;
        } catch (RuntimeException | Error ex) {
            error = ex;
        }
        long took = latencyClock.nanos() - start;
        s.callbacks++;
        s.latency.record(took);
        if (error != null) {
            s.callbackErrors++;
            quarantine(s, callbackName(kind) + " threw " + error, error);
            return;
        }
        if (settings.budget().isSlow(took)) {
            s.slowCallbacks++;
            s.consecutiveSlow++;
        } else {
            s.consecutiveSlow = 0;
        }
        String verdict = settings.budget().verdict(took, s.consecutiveSlow);
        if (verdict != null && kind != ON_STOP) {
            quarantine(s, callbackName(kind) + ": " + verdict, null);
        }
    }

    private static String callbackName(int kind) {
        switch (kind) {
            case ON_START:
                return "onStart";
            case ON_BAR:
                return "onBar";
            case ON_TRADE:
                return "onTrade";
            case ON_QUOTE:
                return "onQuote";
            case ON_BOOK:
                return "onBook";
            case ON_FILL:
                return "onFill";
            case ON_ORDER:
                return "onOrderUpdate";
            case ON_TIMER:
                return "onTimer";
            default:
                return "onStop";
        }
    }

    /**
     * Takes a strategy out of trading: no more callbacks, no more orders from its host, a cancel sent
     * for every order it has open; the reason is logged and kept. Its reports are still booked.
     */
    private void quarantine(StrategySlot s, String why, Throwable cause) {
        if (s.state != State.ACTIVE) {
            return;
        }
        s.state = State.QUARANTINED;
        s.reason = why;
        s.host.stop();
        int cancels = 0;
        for (Order o : new ArrayList<>(s.host.openOrders())) {
            if (s.host.cancel(o)) {
                cancels++;
            }
        }
        LOG.log(System.Logger.Level.ERROR, "strategy " + s.id() + " QUARANTINED: " + why + "; " + cancels + " of its "
                + s.host.openOrders().size() + " open orders canceled at the gateway; the other strategies trade on", cause);
    }

    // ------------------------------------------------------------------ rejections decided here

    /** The host refused an order in its pre-trade checks (already REJECTED with its reason). */
    private final class HostRejections implements ExecutionListener {
        private final int slot;

        HostRejections(int slot) {
            this.slot = slot;
        }

        @Override
        public void onOrderUpdate(Order order) {
            enqueue(slots[slot], order, null);
        }

        @Override
        public void onFill(Order order, Fill fill) {
            throw new IllegalStateException("a pre-trade check cannot fill " + order);
        }
    }

    /** The venue refused an order before it left (limits, sender), or registers one that left. */
    private final class VenueRefusals implements RemoteVenue.Rejects {
        private final int slot;

        VenueRefusals(int slot) {
            this.slot = slot;
        }

        @Override
        public void onRefused(Order sent, RejectReason reason) {
            StrategySlot s = slots[slot];
            Order own = s.host.ownOrder(sent.orderId());
            s.openByClientId.remove(own.clientOrderId());
            enqueue(s, own, reason);
        }

        @Override
        public void onSent(Order sent) {
            StrategySlot s = slots[slot];
            Order own = s.host.ownOrder(sent.orderId());
            s.openByClientId.put(own.clientOrderId(), own);
        }
    }

    private void enqueue(StrategySlot s, Order own, RejectReason venueReason) {
        if (queueTail == queuedOrder.length) {
            int size = queueTail - queueHead;
            int capacity = size * 2 >= queuedOrder.length ? queuedOrder.length * 2 : queuedOrder.length;
            queuedSlot = compact(queuedSlot, new StrategySlot[capacity], size);
            queuedOrder = compact(queuedOrder, new Order[capacity], size);
            queuedReason = compact(queuedReason, new RejectReason[capacity], size);
            queueHead = 0;
            queueTail = size;
        }
        queuedSlot[queueTail] = s;
        queuedOrder[queueTail] = own;
        queuedReason[queueTail] = venueReason;
        queueTail++;
    }

    private <T> T[] compact(T[] from, T[] to, int size) {
        System.arraycopy(from, queueHead, to, 0, size);
        return to;
    }

    /** Delivers the rejections decided during callbacks; those caused while delivering in the same loop. */
    private void settle() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            while (queueHead < queueTail) {
                StrategySlot s = queuedSlot[queueHead];
                Order own = queuedOrder[queueHead];
                RejectReason reason = queuedReason[queueHead];
                queuedSlot[queueHead] = null;
                queuedOrder[queueHead] = null;
                queuedReason[queueHead] = null;
                queueHead++;
                if (reason != null) {
                    own.reject(reason, clock.nanos());
                    s.host.orderClosed(own);
                }
                if (own.status() == OrderStatus.REJECTED) {
                    s.countReject(own.reason());
                }
                if (s.state == State.ACTIVE) {
                    invoke(s, ON_ORDER, null, own, null, 0);
                }
            }
            queueHead = 0;
            queueTail = 0;
        } finally {
            draining = false;
        }
    }

    // ------------------------------------------------------------------ timers

    @Override
    public long schedule(StrategyHost host, long atNanos) {
        StrategySlot s = byId.get(host.strategyId());
        long id = ++timerSeq;
        timers.add(new Timer(atNanos, id, s));
        return id;
    }

    // ------------------------------------------------------------------ reads (engine thread)

    public State state(String strategy) {
        return slot(strategy).state;
    }

    /** Why the strategy was quarantined, or null. */
    public String reason(String strategy) {
        return slot(strategy).reason;
    }

    /** Why the strategy is still syncing (the last problem), or null. */
    public String syncProblem(String strategy) {
        return slot(strategy).syncProblem;
    }

    /** The strategy's host: its orders and context, as the strategy sees them. */
    public StrategyHost host(String strategy) {
        return slot(strategy).host;
    }

    public Portfolio portfolio(String strategy) {
        return slot(strategy).portfolio;
    }

    /** The strategies' ids in engine order. */
    public List<String> strategyIds() {
        List<String> ids = new ArrayList<>(slots.length);
        for (StrategySlot s : slots) {
            ids.add(s.id());
        }
        return Collections.unmodifiableList(ids);
    }

    /** Execution events received for strategies the engine does not run. */
    public long unknownStrategyEvents() {
        return unknownStrategyEvents;
    }

    public long executionEvents() {
        return executionEvents;
    }

    /** Reports for orders the strategy does not know (an order of an earlier run that ended before the sync), per strategy. */
    public long unknownReports(String strategy) {
        return slot(strategy).unknownReports;
    }

    /** Position updates whose net quantity differed from the engine's, per strategy. */
    public long positionMismatches(String strategy) {
        return slot(strategy).positionMismatches;
    }

    /** Callbacks called, per strategy. */
    public long callbacks(String strategy) {
        return slot(strategy).callbacks;
    }

    /** New orders sent to the gateway, per strategy. */
    public long ordersSent(String strategy) {
        return slot(strategy).venue.ordersSent();
    }

    public long cancelsSent(String strategy) {
        return slot(strategy).venue.cancelsSent();
    }

    StrategySlot[] slots() {
        return slots;
    }

    Clock clock() {
        return clock;
    }

    private StrategySlot slot(String strategy) {
        StrategySlot s = byId.get(strategy);
        if (s == null) {
            throw new IllegalArgumentException("no strategy " + strategy + " in this engine");
        }
        return s;
    }

    /** A strategy timer. */
    private static final class Timer implements Comparable<Timer> {
        final long at;
        final long id;
        final StrategySlot slot;

        Timer(long at, long id, StrategySlot slot) {
            this.at = at;
            this.id = id;
            this.slot = slot;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(id, o.id);
        }
    }
}
