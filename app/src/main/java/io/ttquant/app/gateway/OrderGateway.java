package io.ttquant.app.gateway;

import io.ttquant.app.gateway.journal.OrderUnknownRecord;
import io.ttquant.app.gateway.journal.RecoveredOrder;
import io.ttquant.app.gateway.journal.RecoveredPosition;
import io.ttquant.app.gateway.journal.RecoveredState;
import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.portfolio.Portfolio;
import io.ttquant.core.portfolio.Position;
import io.ttquant.core.risk.InstrumentLimits;
import io.ttquant.core.risk.RiskDayListener;
import io.ttquant.core.risk.RiskEngine;
import io.ttquant.core.risk.RiskLimits;
import io.ttquant.core.risk.TradingState;
import io.ttquant.core.venue.ExecutionListener;
import io.ttquant.transport.ByteKeyIndex;
import io.ttquant.transport.codec.ByteSlice;
import io.ttquant.transport.codec.DecodeOutcome;
import io.ttquant.transport.codec.OrderCommandDecoder;
import io.ttquant.transport.order.OrderMessages;
import io.ttquant.transport.proto.OrderCommand;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The order gateway's core: the one door through which every order leaves. It reads order
 * commands in place ({@link OrderCommandDecoder}), validates them, runs the pre-trade
 * {@link RiskEngine}, routes what passes to its {@link GatewayVenue} (the {@link PaperVenue} or an
 * exchange adapter), and turns the venue's reports into encoded {@code ExecutionReport}s and
 * {@code PositionUpdate}s for the owning strategy's {@link ExecutionSink}, keeping the risk engine's
 * bookkeeping and one {@link Portfolio} per strategy (positions from fills, exact) in step.
 *
 * <p>Every refusal is a value: a REJECTED report with a {@link RejectReason} code, counted by code,
 * never an exception, and nothing reaches the venue without passing every check. A client order id
 * already used by the strategy is answered with that order's current (or final) state and never
 * creates a second order; ids of orders refused before they existed are not kept, so a strategy may
 * retry one. Client order ids are 1 to 36 characters of Binance's set {@code [A-Za-z0-9._:/-]}.
 *
 * <p>A replace is Binance's cancel-replace with STOP_ON_FAILURE: the new terms pass validation and
 * {@link RiskEngine#checkReplace} first (a refusal leaves the original alone), then the original is
 * canceled through the venue; when the venue confirms CANCELED, the replacement (same symbol, side,
 * type, time in force, stop and reduce-only flag; new client order id, price and quantity) is
 * checked again (kill switch, HALTED state, the order's own filters) and submitted; when the cancel
 * fails because the original filled or ended meanwhile, the replacement is REJECTED with
 * ORDER_NOT_OPEN and never submitted. Both client order ids get reports.
 *
 * <p>Memory is bounded: open orders are always remembered, terminal ones only in a per-strategy
 * window of the last {@code idempotencyWindow} ids ({@value #DEFAULT_IDEMPOTENCY_WINDOW} by
 * default), oldest first out; {@link Order} objects are pooled. In the steady state a command
 * allocates nothing from the received bytes to the encoded report (the paper venue's matching engine
 * still allocates its {@link Fill} per fill).
 *
 * <p>With an {@link OrderEventLog} ({@link #attachLog}) every order is written down before it
 * leaves for the venue, every fill (under the venue's trade id) before the state it led to, and
 * every state change before the strategy is told, so that a restart rebuilds the gateway from its
 * journal ({@link GatewayRecovery}); so is each strategy's trading day for the daily-loss limit (its
 * start and every loss-state change), so that a restart the same UTC day keeps a strategy that
 * today's losses made REDUCE_ONLY or HALTED so, and an answer a venue lost and its resolution
 * ({@link UnknownOrderListener}). A fill whose trade id the gateway already applied is never
 * applied again. The gateway is <em>ready</em> unless it is rebuilding and waiting for its venue's
 * {@linkplain GatewayVenue#reconcile reconciliation}, or has failed closed (its journal could not
 * be read or stopped working, the venue could not reconcile, a trade came twice); while not ready
 * it refuses every new order and replace with GATEWAY_NOT_READY and says why
 * ({@link #notReadyReason()}); cancels still go through, and repeated client order ids are still
 * answered with the order's state.
 *
 * <p>Owned by one thread, which calls {@link #onCommand}, {@link #onMarketData}, {@link #onTime} and
 * the kill switch; time is injected, the wall clock is never read.
 */
public final class OrderGateway implements ExecutionListener, UnknownOrderListener {
    /** Terminal client order ids remembered per strategy unless configured otherwise. */
    public static final int DEFAULT_IDEMPOTENCY_WINDOW = 100_000;
    /** Binance's limit on a client order id. */
    static final int MAX_CLIENT_ORDER_ID = Order.MAX_CLIENT_ORDER_ID_BYTES;
    /** Quarantined orders kept for a venue that never settles its requests; beyond, the collector takes them. */
    private static final int MAX_QUARANTINE = 1 << 16;
    private static final RejectReason[] REASONS = RejectReason.values();
    /** Trade ids of the latest fills kept to recognise a fill reported twice. */
    static final int RECENT_TRADES = 1 << 16;
    private static final System.Logger LOG = System.getLogger(OrderGateway.class.getName());

    private final String venueName;
    private final byte[] venueNameBytes;
    private final GatewayClock clock;
    private final RiskEngine risk;
    private final GatewayVenue venue;
    private final GatewayObserver observer;
    private final ExecutionReporter reporter;
    private final OrderRegistry registry;
    private final OrderPool pool = new OrderPool();
    private final ByteKeyIndex strategyIndex = new ByteKeyIndex();
    private final String[] strategyNames;
    private final ByteKeyIndex symbolIndex = new ByteKeyIndex();
    private final Instrument[] instruments;
    private final HashMap<String, Integer> instrumentBySymbol = new HashMap<>();
    private final Portfolio[] portfolios;
    private final OrderCommandDecoder convenienceDecoder = new OrderCommandDecoder();

    /** Replacements whose original's cancel the venue confirmed, to submit once the venue call returns. */
    private int[] confirmed = new int[16];
    private int confirmedCount;
    private long[] killList = new long[16];
    private int killCount;
    private final LongConsumer killCollector = this::addToKillList;

    private final long[] rejections = new long[REASONS.length];
    private final RecentTrades recentTrades = new RecentTrades(RECENT_TRADES);
    private final ReconcileListener reconcileListener = new Reconciliation();
    private OrderEventLog log = OrderEventLog.NONE;
    /** The journal's state at start: fills applied before the restart, by (venue, trade id); null without a journal. */
    private RecoveredState recovered;
    /** What the venue's reconciliation after the restart found (its summary, or why it failed); null before one. */
    private String reconciliation;
    /** Per instrument, the highest trade id among the recovered fills (Long.MIN_VALUE when none). */
    private long[] maxRecoveredTradeId;
    /** Why new orders are refused; null while ready. */
    private String notReady;
    /** Not ready for good: only a restart (after the cause is fixed) opens the gateway again. */
    private boolean failedClosed;
    private long nextOrderId = 1;
    private long received;
    private long rejected;
    private long duplicates;
    private long fills;

    /**
     * @param limits      strategies, instruments and risk limits (strategy ids as in the limits)
     * @param paperConfig the fill models of the paper venue, as a backtest would use them
     * @param sink        receives every report
     * @param startNanos  the gateway's time at start (ns since the epoch)
     */
    public OrderGateway(RiskLimits limits, ExchangeConfig paperConfig, ExecutionSink sink, long startNanos) {
        this(limits, paperVenue(paperConfig), sink, GatewayObserver.NONE, startNanos);
    }

    /** The factory of a {@link PaperVenue} with the given fill models. */
    public static VenueFactory paperVenue(ExchangeConfig paperConfig) {
        if (paperConfig == null) {
            throw new IllegalArgumentException("the paper venue needs an exchange config");
        }
        return (clock, listener, instruments) -> new PaperVenue(paperConfig, clock, listener, instruments);
    }

    /**
     * @param limits       strategies, instruments and risk limits (strategy ids as in the limits)
     * @param venueFactory builds the venue orders are routed to
     * @param sink         receives every report
     * @param observer     told what happened to each command (metrics)
     * @param startNanos   the gateway's time at start (ns since the epoch)
     */
    public OrderGateway(RiskLimits limits, VenueFactory venueFactory, ExecutionSink sink, GatewayObserver observer,
                        long startNanos) {
        this(limits, venueFactory, sink, observer, DEFAULT_IDEMPOTENCY_WINDOW, startNanos);
    }

    /**
     * @param idempotencyWindow terminal client order ids remembered per strategy (at least 1): a
     *                          repeated id among them is answered with the order's final state;
     *                          older ids are forgotten, and memory stays flat
     */
    public OrderGateway(RiskLimits limits, VenueFactory venueFactory, ExecutionSink sink, GatewayObserver observer,
                        int idempotencyWindow, long startNanos) {
        if (limits == null || venueFactory == null || sink == null || observer == null) {
            throw new IllegalArgumentException("risk limits, a venue, an execution sink and an observer are required");
        }
        if (limits.instruments().isEmpty() || limits.strategies().isEmpty()) {
            throw new IllegalArgumentException("the gateway needs at least one instrument and one strategy");
        }
        this.observer = observer;
        this.clock = new GatewayClock(startNanos);
        this.risk = new RiskEngine(limits, clock);
        risk.dayListener(new RiskDays());
        List<Instrument> list = new ArrayList<>();
        for (InstrumentLimits il : limits.instruments()) {
            Instrument ins = il.instrument();
            byte[] symbol = ins.symbol().getBytes(StandardCharsets.UTF_8);
            if (symbolIndex.findOrAdd(symbol, 0, symbol.length) != list.size()) {
                throw new IllegalArgumentException("instrument configured twice: " + ins.symbol());
            }
            instrumentBySymbol.put(ins.symbol(), list.size());
            list.add(ins);
        }
        this.instruments = list.toArray(new Instrument[0]);
        this.maxRecoveredTradeId = new long[instruments.length];
        int n = limits.strategies().size();
        this.strategyNames = new String[n];
        for (int s = 0; s < n; s++) {
            String name = limits.strategies().get(s).name();
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            if (strategyIndex.findOrAdd(bytes, 0, bytes.length) != s || risk.strategyId(name) != s) {
                throw new IllegalArgumentException("strategy configured twice: " + name);
            }
            strategyNames[s] = name;
        }
        this.venue = venueFactory.create(clock, this, List.copyOf(list));
        this.venueName = venue.name();
        this.venueNameBytes = venueName.getBytes(StandardCharsets.UTF_8);
        this.registry = new OrderRegistry(n, idempotencyWindow);
        this.reporter = new ExecutionReporter(sink, clock, registry, venueName, strategyNames, instruments);
        this.portfolios = new Portfolio[n];
        String valuation = instruments[0].quoteAsset();
        for (int s = 0; s < n; s++) {
            portfolios[s] = new Portfolio(valuation, 0);
            for (Instrument i : instruments) {
                portfolios[s].register(i);
            }
        }
    }

    // ------------------------------------------------------------------ intake

    /**
     * Handles one decoded order command received at {@code nowNanos} (the hot path: the intake
     * decodes frames in place and calls this); every outcome is reported to the sink. The decoder's
     * slices must stay valid until this returns.
     */
    public CommandOutcome onCommand(OrderCommandDecoder cmd, long nowNanos) {
        clock.advance(nowNanos);
        long now = clock.nanos();
        reclaimOrders();
        received++;
        ByteSlice name = cmd.strategy();
        int strategy = strategyIndex.find(name.bytes(), name.offset(), name.length());
        observer.onReceived(strategy);
        CommandOutcome outcome;
        switch (cmd.commandCase()) {
            case NEW_ORDER:
                outcome = onNew(cmd, strategy, now);
                break;
            case CANCEL_ORDER:
                outcome = onCancel(cmd, strategy, now);
                break;
            case REPLACE_ORDER:
                outcome = onReplace(cmd, strategy, now);
                break;
            default:
                outcome = refuse(cmd, strategy, RejectReason.EMPTY_COMMAND, now);
        }
        submitConfirmedReplacements(now);
        return outcome;
    }

    /**
     * Handles one order command built with protoc's classes: a convenience for tests and tools
     * (it serializes the command, then takes the same path as a received frame; allocates).
     */
    public CommandOutcome onCommand(OrderCommand cmd, long nowNanos) {
        byte[] bytes = cmd.toByteArray();
        if (convenienceDecoder.decode(bytes, 0, bytes.length) != DecodeOutcome.OK) {
            throw new IllegalStateException("protoc wrote a command the decoder cannot read: " + cmd);
        }
        return onCommand(convenienceDecoder, nowNanos);
    }

    private CommandOutcome onNew(OrderCommandDecoder cmd, int strategy, long now) {
        if (strategy < 0) {
            return refuse(cmd, strategy, RejectReason.UNKNOWN_STRATEGY, now);
        }
        ByteSlice clientId = cmd.clientOrderId();
        if (!isValidClientOrderId(clientId)) {
            return refuse(cmd, strategy, RejectReason.INVALID_CLIENT_ORDER_ID, now);
        }
        int existing = registry.findByClientId(strategy, clientId);
        if (existing != OrderRegistry.NONE) {
            return answerDuplicate(existing, now);
        }
        if (notReady != null) {
            return refuse(cmd, strategy, RejectReason.GATEWAY_NOT_READY, now);
        }
        if (!isThisVenue(cmd.venue())) {
            return refuse(cmd, strategy, RejectReason.UNKNOWN_VENUE, now);
        }
        ByteSlice symbol = cmd.symbol();
        int ins = symbolIndex.find(symbol.bytes(), symbol.offset(), symbol.length());
        if (ins < 0) {
            return refuse(cmd, strategy, RejectReason.UNKNOWN_INSTRUMENT, now);
        }
        Instrument instrument = instruments[ins];
        Side side = OrderMessages.sideOf(cmd.side());
        if (side == null) {
            return refuse(cmd, strategy, RejectReason.INVALID_SIDE, now);
        }
        OrderType type = OrderMessages.orderTypeOf(cmd.type());
        if (type == null) {
            return refuse(cmd, strategy, RejectReason.INVALID_ORDER_TYPE, now);
        }
        TimeInForce tif = OrderMessages.timeInForceOf(cmd.timeInForce());
        if (tif == null) {
            return refuse(cmd, strategy, RejectReason.INVALID_TIME_IN_FORCE_VALUE, now);
        }
        if (cmd.priceScale() != instrument.priceScale() || cmd.qtyScale() != instrument.qtyScale()) {
            return refuse(cmd, strategy, RejectReason.SCALE_MISMATCH, now);
        }
        long qty = cmd.quantity();
        if (qty <= 0) {
            return refuse(cmd, strategy, RejectReason.INVALID_QUANTITY, now);
        }
        long price = cmd.price();
        long stop = cmd.stopPrice();
        if (price < 0 || stop < 0 || (!type.hasLimitPrice() && price != 0) || (!type.hasStopPrice() && stop != 0)) {
            return refuse(cmd, strategy, RejectReason.INVALID_PRICE, now);
        }
        if (!notionalFits(instrument, Math.max(price, stop), qty)) {
            return refuse(cmd, strategy, RejectReason.MAX_ORDER_NOTIONAL_EXCEEDED, now);
        }
        Order order = pool.acquire().reuse(nextOrderId, clientId.bytes(), clientId.offset(), clientId.length(),
                strategyNames[strategy], instrument, side, type, tif, qty, price, stop, cmd.reduceOnly(), now);
        RejectReason why = order.validate();
        if (why == null) {
            why = risk.checkNew(strategy, order);
        }
        if (why != null) {
            pool.release(order);
            return refuse(cmd, strategy, why, now);
        }
        nextOrderId++;
        if (!log.submitted(now, order)) {
            pool.release(order);
            logFailed();
            return refuse(cmd, strategy, RejectReason.GATEWAY_NOT_READY, now);
        }
        registry.add(strategy, clientId, order, ins, false);
        // Booked before the venue sees it, so the next check already counts its exposure.
        risk.onAccepted(strategy, order);
        observer.onRouted(strategy, instrument);
        venue.submit(order, now);
        return CommandOutcome.ROUTED;
    }

    private CommandOutcome onCancel(OrderCommandDecoder cmd, int strategy, long now) {
        if (strategy < 0) {
            return refuse(cmd, strategy, RejectReason.UNKNOWN_STRATEGY, now);
        }
        int slot = cmd.orderId() != 0 ? registry.findByOrderId(cmd.orderId())
                : registry.findByClientId(strategy, cmd.clientOrderId());
        if (slot == OrderRegistry.NONE || registry.strategy(slot) != strategy) {
            return refuse(cmd, strategy, RejectReason.UNKNOWN_ORDER, now);
        }
        Order order = registry.order(slot);
        if (order == null || order.status().isTerminal() || registry.isPending(slot)) {
            return refuseFor(slot, RejectReason.ORDER_NOT_OPEN, now);
        }
        RejectReason why = risk.checkCancel(strategy, order.orderId());
        if (why != null) {
            return refuseFor(slot, why, now);
        }
        if (!venue.cancel(order, now)) {
            return refuseFor(slot, RejectReason.ORDER_NOT_OPEN, now);
        }
        return CommandOutcome.CANCEL_SENT;
    }

    private CommandOutcome onReplace(OrderCommandDecoder cmd, int strategy, long now) {
        if (strategy < 0) {
            return refuse(cmd, strategy, RejectReason.UNKNOWN_STRATEGY, now);
        }
        ByteSlice clientId = cmd.clientOrderId();
        if (!isValidClientOrderId(clientId)) {
            return refuse(cmd, strategy, RejectReason.INVALID_CLIENT_ORDER_ID, now);
        }
        int existing = registry.findByClientId(strategy, clientId);
        if (existing != OrderRegistry.NONE) {
            return answerDuplicate(existing, now);
        }
        int orig = registry.findByClientId(strategy, cmd.origClientOrderId());
        if (orig == OrderRegistry.NONE) {
            return refuse(cmd, strategy, RejectReason.UNKNOWN_ORDER, now);
        }
        if (notReady != null) {
            return refuseReplace(cmd, strategy, orig, RejectReason.GATEWAY_NOT_READY, now);
        }
        if (!isThisVenue(cmd.venue())) {
            return refuseReplace(cmd, strategy, orig, RejectReason.UNKNOWN_VENUE, now);
        }
        int ins = registry.instrument(orig);
        Instrument instrument = instruments[ins];
        ByteSlice symbol = cmd.symbol();
        if (!symbol.isEmpty() && symbolIndex.find(symbol.bytes(), symbol.offset(), symbol.length()) != ins) {
            return refuseReplace(cmd, strategy, orig, RejectReason.UNKNOWN_ORDER, now);
        }
        if (cmd.priceScale() != instrument.priceScale() || cmd.qtyScale() != instrument.qtyScale()) {
            return refuseReplace(cmd, strategy, orig, RejectReason.SCALE_MISMATCH, now);
        }
        long qty = cmd.quantity();
        if (qty <= 0) {
            return refuseReplace(cmd, strategy, orig, RejectReason.INVALID_QUANTITY, now);
        }
        long price = cmd.price();
        OrderType type = registry.type(orig);
        long stop = registry.stopPrice(orig);
        if (price < 0 || (!type.hasLimitPrice() && price != 0)) {
            return refuseReplace(cmd, strategy, orig, RejectReason.INVALID_PRICE, now);
        }
        if (!notionalFits(instrument, Math.max(price, stop), qty)) {
            return refuseReplace(cmd, strategy, orig, RejectReason.MAX_ORDER_NOTIONAL_EXCEEDED, now);
        }
        Order original = registry.order(orig);
        if (original == null || original.status().isTerminal() || registry.isPending(orig)
                || registry.replacedBy(orig) != OrderRegistry.NONE) {
            return refuseReplace(cmd, strategy, orig, RejectReason.ORDER_NOT_OPEN, now);
        }
        Order replacement = pool.acquire().reuse(nextOrderId, clientId.bytes(), clientId.offset(), clientId.length(),
                strategyNames[strategy], instrument, registry.side(orig), type, registry.timeInForce(orig), qty, price, stop,
                registry.reduceOnly(orig), now);
        RejectReason why = replacement.validate();
        if (why == null) {
            why = risk.checkReplace(strategy, original.orderId(), qty, price);
        }
        if (why != null) {
            pool.release(replacement);
            return refuseReplace(cmd, strategy, orig, why, now);
        }
        nextOrderId++;
        int slot = registry.add(strategy, clientId, replacement, ins, true);
        // Journaled now, so that its id and client order id survive a crash while the original's cancel is on its way.
        if (!log.submitted(now, replacement)) {
            logFailed();
            failReplacement(slot, RejectReason.GATEWAY_NOT_READY, now);
            return CommandOutcome.REJECTED;
        }
        registry.link(orig, slot);
        if (!venue.cancel(original, now)) {
            registry.unlink(orig);
            failReplacement(slot, RejectReason.ORDER_NOT_OPEN, now);
            return CommandOutcome.REJECTED;
        }
        return CommandOutcome.REPLACE_SENT;
    }

    /** The existing order's current state answers a repeated client order id. */
    private CommandOutcome answerDuplicate(int slot, long now) {
        duplicates++;
        registry.capture(slot);
        reporter.orderState(slot, null, now, null);
        return CommandOutcome.DUPLICATE_ANSWERED;
    }

    // ------------------------------------------------------------------ replacements

    /** The original's cancel was confirmed: the replacement goes out once the venue call returns. */
    private void confirmReplacement(int slot) {
        if (confirmedCount == confirmed.length) {
            confirmed = Arrays.copyOf(confirmed, confirmedCount * 2);
        }
        confirmed[confirmedCount++] = slot;
    }

    /**
     * Submits the replacements confirmed during the last venue call, each checked again against
     * what may have changed while its original's cancel was on its way: the kill switch, the
     * strategy's HALTED state, and the order's own filters. A submit may confirm further ones.
     */
    private void submitConfirmedReplacements(long now) {
        for (int k = 0; k < confirmedCount; k++) {
            int slot = confirmed[k];
            Order order = registry.order(slot);
            int strategy = registry.strategy(slot);
            RejectReason why = notReady != null ? RejectReason.GATEWAY_NOT_READY
                    : risk.isKillSwitchEngaged() ? RejectReason.KILL_SWITCH_ENGAGED
                    : risk.state(strategy) == TradingState.HALTED ? RejectReason.STRATEGY_HALTED : order.validate();
            if (why == null) {
                // Exposure booked by other orders while the cancel was in flight counts now (no second rate token).
                why = risk.recheck(strategy, order.instrument(), order.side(), order.type(), order.timeInForce(),
                        order.quantity(), order.price(), order.stopPrice(), order.reduceOnly());
            }
            if (why != null) {
                failReplacement(slot, why, now);
                continue;
            }
            registry.markSubmitted(slot);
            risk.onAccepted(strategy, order);
            observer.onRouted(strategy, order.instrument());
            venue.submit(order, now);
        }
        confirmedCount = 0;
    }

    /** The replacement never goes out: REJECTED with {@code why}, reported and remembered for its id. */
    private void failReplacement(int slot, RejectReason why, long time) {
        Order order = registry.order(slot);
        order.reject(why, Math.max(time, order.updatedNanos()));
        if (!log.state(clock.nanos(), order, 0)) {
            logFailed();
        }
        rejected++;
        rejections[why.ordinal()]++;
        observer.onRejected(registry.strategy(slot), why);
        registry.capture(slot);
        reporter.orderState(slot, null, order.updatedNanos(), null);
        retire(slot);
    }

    // ------------------------------------------------------------------ market data and time

    /**
     * A market event from the bus: moves the gateway's time to its receive time, feeds the venue
     * (the paper venue may fill resting orders) and the risk engine's reference prices, and marks
     * the strategies' positions. Events for instruments not configured are ignored.
     */
    public void onMarketData(MarketEvent e) {
        Instrument ins = e.instrument() == null ? null : instrument(e.instrument());
        if (ins == null) {
            return;
        }
        clock.advance(e.receiveTimeNanos());
        reclaimOrders();
        venue.onMarketEvent(e);
        long last = venue.lastPrice(ins);
        risk.onMarketPrice(ins, last, venue.bestBid(ins), venue.bestAsk(ins));
        if (last > 0) {
            for (Portfolio p : portfolios) {
                p.mark(ins, last);
            }
        }
        submitConfirmedReplacements(clock.nanos());
    }

    /** Duty-cycle tick: the venue delivers what is due (the paper venue: orders and cancels whose latency has elapsed). */
    public void onTime(long nowNanos) {
        clock.advance(nowNanos);
        reclaimOrders();
        venue.advanceTo(clock.nanos());
        submitConfirmedReplacements(clock.nanos());
    }

    private Instrument instrument(Instrument fromEvent) {
        Integer id = instrumentBySymbol.get(fromEvent.symbol());
        return id == null ? null : instruments[id];
    }

    // ------------------------------------------------------------------ venue reports

    @Override
    public void onFill(Order order, Fill fill) {
        int slot = slotOf(order);
        int strategy = registry.strategy(slot);
        int ins = registry.instrument(slot);
        long tradeId = venue.tradeId(fill);
        if (isFillApplied(ins, tradeId) || !recentTrades.add(ins, tradeId)) {
            // The venue has already changed the order by this fill a second time: its state can no longer be trusted.
            failClosed("the " + venueName + " venue reported trade " + tradeId + " of " + instruments[ins].symbol()
                    + " (order " + order.orderId() + ") again; it was applied once and is not applied twice");
            return;
        }
        long now = clock.nanos();
        // The journal's replay adds a fill to its strategy's latest RISK_DAY when both are of the same
        // UTC day; a fill journaled before the RISK_DAY that starts its day would be lost to that day.
        // So the risk engine's day is rolled (and its RISK_DAY journaled) before the fill is written,
        // and the engine, on the same clock, then applies the fill to the day the journal gave it.
        risk.advanceDay();
        if (!log.fill(now, fill, tradeId) || !log.state(now, order, venue.venueOrderId(order))) {
            logFailed();
        }
        fills++;
        observer.onFill(strategy, order.instrument(), fill.qty(), fill.price(), order.filledQty() == fill.qty(),
                fill.timeNanos() - order.createdNanos());
        risk.onFill(order.orderId(), fill.qty(), fill.price(), fill.fee());
        Portfolio p = portfolios[strategy];
        p.applyFill(order, fill);
        registry.capture(slot);
        reporter.orderState(slot, fill, tradeId, fill.timeNanos(), null);
        reporter.position(strategy, ins, p.position(instruments[ins]), fill.timeNanos());
    }

    @Override
    public void onOrderUpdate(Order order) {
        int slot = slotOf(order);
        int strategy = registry.strategy(slot);
        OrderStatus s = order.status();
        if (s == OrderStatus.ACCEPTED && registry.reportedStatus(slot) != s.ordinal()) {
            observer.onAcknowledged(strategy, order.updatedNanos() - order.createdNanos());
        }
        if (s.isTerminal()) {
            // After a fill the engine has already released it; for canceled, expired or venue-rejected orders this frees the exposure.
            risk.onDone(order.orderId());
        }
        // A fill report already said this, or a stop trigger changed nothing the wire carries.
        if (registry.reportedStatus(slot) != s.ordinal() || registry.reportedFilled(slot) != order.filledQty()) {
            if (!log.state(clock.nanos(), order, venue.venueOrderId(order))) {
                logFailed();
            }
            registry.capture(slot);
            reporter.orderState(slot, null, order.updatedNanos(), null);
        }
        if (s.isTerminal()) {
            int replacement = registry.unlink(slot);
            if (replacement != OrderRegistry.NONE) {
                if (s == OrderStatus.CANCELED) {
                    confirmReplacement(replacement);
                } else {
                    failReplacement(replacement, RejectReason.ORDER_NOT_OPEN, order.updatedNanos());
                }
            }
            retire(slot);
        }
    }

    /** The venue lost an answer about the order: ORDER_UNKNOWN is journaled (a restart asks the venue about it). */
    @Override
    public void onOrderUnknown(Order order, OrderUnknownRecord.Request request) {
        if (!log.orderUnknown(clock.nanos(), order.orderId(), request)) {
            logFailed();
        }
    }

    /** The venue knows the order's state again (its fills and state were reported first): ORDER_RESOLVED is journaled. */
    @Override
    public void onOrderResolved(Order order, long venueOrderId) {
        if (!log.orderResolved(clock.nanos(), order, venueOrderId)) {
            logFailed();
        }
    }

    /** Journals the risk engine's day starts and loss-state changes (the engine's thread is the gateway's). */
    private final class RiskDays implements RiskDayListener {
        @Override
        public void onDayStarted(int strategy, long epochDay, long dayRealized, long dayStartUnrealized,
                                 TradingState lossState) {
            journal(strategy, epochDay, dayRealized, dayStartUnrealized, lossState);
        }

        @Override
        public void onLossState(int strategy, long epochDay, long dayRealized, long dayStartUnrealized,
                                TradingState lossState) {
            if (lossState != TradingState.ACTIVE) {
                LOG.log(System.Logger.Level.WARNING, "gateway: strategy " + strategyNames[strategy] + " is " + lossState
                        + " for today's loss (realised today " + Fixed.formatCompact(dayRealized, Fixed.CASH_SCALE) + ")");
            }
            journal(strategy, epochDay, dayRealized, dayStartUnrealized, lossState);
        }

        private void journal(int strategy, long epochDay, long dayRealized, long dayStartUnrealized, TradingState lossState) {
            if (!log.riskDay(clock.nanos(), strategyNames[strategy], epochDay, dayRealized, dayStartUnrealized, lossState)) {
                logFailed();
            }
        }
    }

    private int slotOf(Order order) {
        int slot = registry.findByOrderId(order.orderId());
        if (slot == OrderRegistry.NONE || registry.order(slot) != order) {
            throw new IllegalStateException("report for an order the gateway does not hold open: " + order);
        }
        return slot;
    }

    private void retire(int slot) {
        Order order = registry.retire(slot);
        pool.retire(order, venue.requestsSent());
        pool.trimQuarantine(MAX_QUARANTINE);
    }

    private void reclaimOrders() {
        pool.reclaim(venue.requestsSettled());
    }

    // ------------------------------------------------------------------ refusals

    private CommandOutcome refuse(OrderCommandDecoder cmd, int strategy, RejectReason why, long now) {
        count(strategy, why);
        reporter.refused(cmd, strategy, why, now);
        return cmd.commandCase() == OrderCommand.CommandCase.CANCEL_ORDER ? CommandOutcome.CANCEL_REJECTED : CommandOutcome.REJECTED;
    }

    /** A refused cancel of a known order: its current state, with the reason the cancel was refused as its reject code. */
    private CommandOutcome refuseFor(int slot, RejectReason why, long now) {
        count(registry.strategy(slot), why);
        registry.capture(slot);
        reporter.orderState(slot, null, now, why);
        return CommandOutcome.CANCEL_REJECTED;
    }

    /** A refused replace of a known order: REJECTED for the new id, and the original's state with the reason. */
    private CommandOutcome refuseReplace(OrderCommandDecoder cmd, int strategy, int orig, RejectReason why, long now) {
        count(strategy, why);
        reporter.refused(cmd, strategy, why, now);
        registry.capture(orig);
        reporter.orderState(orig, null, now, why);
        return CommandOutcome.REJECTED;
    }

    private void count(int strategy, RejectReason why) {
        rejected++;
        rejections[why.ordinal()]++;
        observer.onRejected(strategy, why);
    }

    private boolean isThisVenue(ByteSlice venueField) {
        return venueField.isEmpty() || venueField.contentEquals(venueNameBytes);
    }

    /** 1 to 36 characters of Binance's set {@code [A-Za-z0-9._:/-]}. */
    static boolean isValidClientOrderId(ByteSlice id) {
        int n = id.length();
        if (n < 1 || n > MAX_CLIENT_ORDER_ID) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            int c = id.byteAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '/' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether twice {@code price x qty} (room for slippage and summed fills) is a notional a long
     * holds at the cash scale, so that no later arithmetic on this order can overflow. A market
     * order is valued at the highest price the venue knows.
     */
    private boolean notionalFits(Instrument ins, long price, long qty) {
        long ref = Math.max(price, Math.max(venue.lastPrice(ins), Math.max(venue.bestBid(ins), venue.bestAsk(ins))));
        if (ref <= 0) {
            return true;
        }
        long hi = Math.multiplyHigh(ref, qty);
        long lo = ref * qty;
        if (hi != 0 || lo < 0 || lo > Long.MAX_VALUE / 2) {
            return false;
        }
        int productScale = ins.priceScale() + ins.qtyScale();
        return productScale >= Fixed.CASH_SCALE || lo * 2 <= Long.MAX_VALUE / Fixed.pow10(Fixed.CASH_SCALE - productScale);
    }

    // ------------------------------------------------------------------ kill switch

    /**
     * Engages the global kill switch at {@code nowNanos}: every new order and replace is refused
     * (KILL_SWITCH_ENGAGED) until {@link #releaseKillSwitch}, and a cancel goes to the venue for every
     * order not yet terminal (acknowledged or still on its way). Returns how many cancels were sent.
     * Idempotent: engaging again re-sends cancels for orders still open.
     */
    public int engageKillSwitch(String reason, long nowNanos) {
        clock.advance(nowNanos);
        long now = clock.nanos();
        reclaimOrders();
        killCount = 0;
        String why = reason == null || reason.isBlank() ? "kill switch" : reason;
        if (!log.killSwitch(now, true, why)) {
            logFailed();
        }
        risk.engage(why, killCollector);
        int sent = 0;
        for (int k = 0; k < killCount; k++) {
            int slot = registry.findByOrderId(killList[k]);
            Order order = slot == OrderRegistry.NONE ? null : registry.order(slot);
            if (order != null && !order.status().isTerminal() && venue.cancel(order, now)) {
                sent++;
            }
        }
        submitConfirmedReplacements(now);
        return sent;
    }

    private void addToKillList(long orderId) {
        if (killCount == killList.length) {
            killList = Arrays.copyOf(killList, killCount * 2);
        }
        killList[killCount++] = orderId;
    }

    /** Lets new orders through again (orders canceled by the kill switch stay canceled). */
    public void releaseKillSwitch() {
        if (!log.killSwitch(clock.nanos(), false, "released")) {
            logFailed();
        }
        risk.release();
    }

    /**
     * The operator sets a strategy's trading state (journaled, so it survives a restart); the
     * effective state is the stricter of it and the daily-loss state. Returns false for an unknown
     * strategy.
     */
    public boolean setStrategyState(String strategy, TradingState state, String reason, long nowNanos) {
        int s = risk.strategyId(strategy);
        if (s < 0 || state == null) {
            return false;
        }
        clock.advance(nowNanos);
        if (!log.strategyState(clock.nanos(), strategy, state, reason)) {
            logFailed();
        }
        risk.setState(s, state);
        return true;
    }

    // ------------------------------------------------------------------ journal and readiness

    /**
     * Writes every later event to {@code log}; call once, before the first command. Without one
     * the gateway keeps nothing across a restart (tests, tools).
     */
    public void attachLog(OrderEventLog log) {
        if (log == null) {
            throw new IllegalArgumentException("an event log is required (OrderEventLog.NONE for none)");
        }
        this.log = log;
    }

    /** Duty cycle of the event log (a group-commit deadline); notices a log that failed meanwhile. Returns the work done. */
    public int doLogWork() {
        int work = log.doWork();
        if (!failedClosed && log.failure() != null) {
            logFailed();
        }
        return work;
    }

    /** Writes the clean-shutdown mark (nothing in flight); false when the log failed. */
    public boolean shutdown(long nowNanos) {
        clock.advance(nowNanos);
        return log.shutdown(clock.nanos());
    }

    /** True when new orders are accepted: not rebuilding, not failed closed. */
    public boolean isReady() {
        return notReady == null;
    }

    /** Why new orders are refused (one line), or null while ready. */
    public String notReadyReason() {
        return notReady;
    }

    /** True when the gateway refuses to trade for good (until a restart). */
    public boolean hasFailedClosed() {
        return failedClosed;
    }

    /**
     * Refuses every new order and replace from now on, for good, with {@code why}, logged at ERROR
     * once (the first cause is kept). Used when the journal cannot be trusted or written, the
     * venue cannot reconcile, or a fill came twice.
     */
    public void failClosed(String why) {
        if (failedClosed) {
            return;
        }
        failedClosed = true;
        notReady = why;
        LOG.log(System.Logger.Level.ERROR, "gateway refuses to trade (GATEWAY_NOT_READY): " + why);
    }

    private void logFailed() {
        String why = log.failure();
        failClosed("the order journal failed: " + (why == null ? "a record could not be written" : why));
    }

    /**
     * True when this trade was applied before the restart (the journal's replay said so). A venue's
     * trade ids grow per symbol, so a trade id above every recovered one of its symbol is new
     * without a lookup: the steady state allocates nothing.
     */
    private boolean isFillApplied(int ins, long tradeId) {
        RecoveredState r = recovered;
        return r != null && tradeId <= maxRecoveredTradeId[ins] && r.isFillApplied(venueName, instruments[ins].symbol(), tradeId);
    }

    /** The venue's answer to {@link GatewayVenue#reconcile}, on the gateway's thread. */
    private final class Reconciliation implements ReconcileListener {
        @Override
        public boolean isFillApplied(Instrument instrument, long tradeId) {
            Integer i = instrument == null ? null : instrumentBySymbol.get(instrument.symbol());
            return i != null && (recentTrades.contains(i, tradeId) || OrderGateway.this.isFillApplied(i, tradeId));
        }

        @Override
        public void reconciled(String summary) {
            if (failedClosed) {
                LOG.log(System.Logger.Level.WARNING, "gateway: " + summary + "; it still refuses to trade: " + notReady);
                return;
            }
            notReady = null;
            reconciliation = summary;
            LOG.log(System.Logger.Level.INFO, "gateway reconciled with the " + venueName + " venue and trades: " + summary);
        }

        @Override
        public void failed(String reason) {
            reconciliation = "failed: " + reason;
            failClosed("reconciliation with the " + venueName + " venue failed: " + reason);
        }
    }

    /** What the venue's reconciliation after the restart found (orders, fills, foreign orders, balances), or why it failed; null when none ran. */
    public String reconciliation() {
        return reconciliation;
    }

    // ------------------------------------------------------------------ restore (GatewayRecovery, at start)

    /** The configured instrument's index for {@code symbol}, or -1. */
    int instrumentIndex(String symbol) {
        Integer i = instrumentBySymbol.get(symbol);
        return i == null ? -1 : i;
    }

    Instrument instrumentAt(int ins) {
        return instruments[ins];
    }

    String venueName() {
        return venueName;
    }

    /**
     * Rebuilds a journaled order into the registry with its last known state: an open one is live
     * (its remaining quantity booked in the risk engine), a terminal one enters its strategy's
     * idempotency window. Returns the live order, or null for a terminal one.
     */
    Order restoreOrder(RecoveredOrder r, int strategy, int ins) {
        byte[] id = r.clientOrderId().getBytes(StandardCharsets.US_ASCII);
        Order order = pool.acquire().reuse(r.orderId(), id, 0, id.length, strategyNames[strategy], instruments[ins], r.side(),
                r.type(), r.timeInForce(), r.quantity(), r.price(), r.stopPrice(), r.reduceOnly(), r.createdNanos());
        order.restore(r.status(), r.status() == OrderStatus.REJECTED || r.status() == OrderStatus.EXPIRED ? r.rejectReason() : null,
                r.filledQty(), r.filledNotional(), r.fees(), r.lastUpdateNanos());
        int slot = registry.add(strategy, new ByteSlice().set(id), order, ins, false);
        nextOrderId = Math.max(nextOrderId, r.orderId() + 1);
        if (order.status().isTerminal()) {
            pool.release(registry.retire(slot));
            return null;
        }
        // The strategy was told this state before the restart; a change from here on is news.
        registry.reported(slot, order.status(), order.filledQty());
        risk.onAccepted(strategy, order);
        return order;
    }

    /**
     * Restores a strategy's journaled position exactly into its portfolio and into the risk engine
     * (size and cost basis, so its PnL continues from the same average cost).
     */
    void restorePosition(int strategy, int ins, RecoveredPosition p) {
        Instrument instrument = instruments[ins];
        portfolios[strategy].restorePosition(instrument, p.netQty(), p.costBasis(), p.realizedPnl());
        for (int a = 0; a < p.feeAssetCount(); a++) {
            portfolios[strategy].restoreFees(p.feeAsset(a), p.fees(p.feeAsset(a)));
        }
        risk.restorePosition(strategy, instrument, p.netQty(), p.costBasis());
    }

    /**
     * Journals every strategy's trading day as the risk engine holds it now (after a restore), so
     * that the journal's chain of days continues across any number of restarts the same day.
     */
    void journalRiskDays() {
        long now = clock.nanos();
        long day = risk.epochDay();
        for (int s = 0; s < strategyNames.length; s++) {
            if (!log.riskDay(now, strategyNames[s], day, risk.dayRealized(s), risk.dayStartUnrealized(s), risk.lossState(s))) {
                logFailed();
                return;
            }
        }
    }

    /** Order ids continue above every id the journal holds. */
    void restoreNextOrderId(long next) {
        nextOrderId = Math.max(nextOrderId, next);
    }

    void restoreKillSwitch(String reason) {
        risk.engage(reason == null || reason.isBlank() ? "kill switch (restored)" : reason, id -> { });
    }

    void restoreStrategyState(int strategy, TradingState state) {
        risk.setState(strategy, state);
    }

    /**
     * Holds new orders until the venue has reconciled the rebuilt {@code openOrders}; fills in
     * {@code state} count as applied from now on.
     */
    void reconcile(List<Order> openOrders, RecoveredState state, long nowNanos) {
        clock.advance(nowNanos);
        recovered = state;
        for (int i = 0; i < instruments.length; i++) {
            maxRecoveredTradeId[i] = state.maxTradeId(venueName, instruments[i].symbol());
        }
        if (!failedClosed) {
            notReady = "reconciling " + openOrders.size() + " open orders with the " + venueName + " venue";
        }
        venue.reconcile(openOrders, clock.nanos(), reconcileListener);
        submitConfirmedReplacements(clock.nanos());
    }

    /** The next gateway order id. */
    long nextOrderId() {
        return nextOrderId;
    }

    public boolean isKillSwitchEngaged() {
        return risk.isKillSwitchEngaged();
    }

    // ------------------------------------------------------------------ reads for metrics and tests

    public RiskEngine risk() {
        return risk;
    }

    public GatewayVenue venue() {
        return venue;
    }

    /** The paper venue, when this gateway routes to it. */
    public PaperVenue paperVenue() {
        if (!(venue instanceof PaperVenue)) {
            throw new IllegalStateException("this gateway routes to " + venue.name() + ", not to the paper venue");
        }
        return (PaperVenue) venue;
    }

    /** The strategy's position in {@code symbol} (null for an unknown strategy or symbol). */
    public Position position(String strategy, String symbol) {
        int s = risk.strategyId(strategy);
        Integer ins = instrumentBySymbol.get(symbol);
        return s < 0 || ins == null ? null : portfolios[s].position(instruments[ins]);
    }

    /** The strategy's portfolio as the gateway books it (positions and fees from fills), or null for an unknown strategy. */
    Portfolio portfolio(String strategy) {
        int s = risk.strategyId(strategy);
        return s < 0 ? null : portfolios[s];
    }

    /**
     * The strategy's order with {@code clientOrderId} while it is not terminal (or a replacement
     * waiting to go out), else null: a terminal order's object is reused, only its final state is
     * kept ({@link #orderStatus}).
     */
    public Order order(String strategy, String clientOrderId) {
        int slot = slotOf(strategy, clientOrderId);
        return slot == OrderRegistry.NONE ? null : registry.order(slot);
    }

    /** The status of the strategy's order with {@code clientOrderId}, or null when the gateway does not (or no longer) remembers it. */
    public OrderStatus orderStatus(String strategy, String clientOrderId) {
        int slot = slotOf(strategy, clientOrderId);
        if (slot == OrderRegistry.NONE) {
            return null;
        }
        registry.capture(slot);
        return registry.status(slot);
    }

    private int slotOf(String strategy, String clientOrderId) {
        int s = risk.strategyId(strategy);
        if (s < 0 || clientOrderId == null) {
            return OrderRegistry.NONE;
        }
        return registry.findByClientId(s, new ByteSlice().set(clientOrderId.getBytes(StandardCharsets.UTF_8)));
    }

    public long received() {
        return received;
    }

    /** Commands refused, by the gateway or the risk engine (new orders, replaces and cancels), and replacements refused when their original's cancel came back. */
    public long rejected() {
        return rejected;
    }

    /** Refusals with this wire code ({@link RejectReason} code). */
    public long rejections(int code) {
        for (RejectReason r : REASONS) {
            if (r.code() == code) {
                return rejections[r.ordinal()];
            }
        }
        return 0;
    }

    public long duplicates() {
        return duplicates;
    }

    public long fills() {
        return fills;
    }

    public long reportsSent() {
        return reporter.sent();
    }

    /** Orders the gateway remembers: open ones, replacements waiting for a cancel, and terminal ones in the windows. */
    public int rememberedOrders() {
        return registry.size();
    }

    /** The terminal client order ids remembered per strategy. */
    public int idempotencyWindow() {
        return registry.window();
    }

    /** Order objects created since start (stops growing once the pool covers the peak). */
    public long ordersCreated() {
        return pool.created();
    }

    /** The gateway's current time. */
    public long nanos() {
        return clock.nanos();
    }

    OrderRegistry registry() {
        return registry;
    }

    OrderPool pool() {
        return pool;
    }
}
