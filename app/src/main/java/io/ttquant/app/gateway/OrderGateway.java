package io.ttquant.app.gateway;

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
import io.ttquant.core.risk.RiskEngine;
import io.ttquant.core.risk.RiskLimits;
import io.ttquant.core.venue.ExecutionListener;
import io.ttquant.transport.order.OrderMessages;
import io.ttquant.transport.proto.CancelOrder;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.NewOrder;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.ReplaceOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The order gateway's core: the one door through which every order leaves. It turns
 * {@link OrderCommand}s into core {@link Order}s, validates them, runs the pre-trade
 * {@link RiskEngine}, routes what passes to the {@link PaperVenue}, and turns the venue's reports
 * into {@link ExecutionReport}s and {@link io.ttquant.transport.proto.PositionUpdate}s for the
 * owning strategy's {@link ExecutionSink}, keeping the risk engine's bookkeeping and one
 * {@link Portfolio} per strategy (positions from fills, exact) in step.
 *
 * <p>Every refusal is a value: a REJECTED report with a {@link RejectReason} code,
 * counted by code, never an exception, and nothing reaches the venue
 * without passing every check. A client order id already used by the strategy is answered with
 * that order's current state and never creates a second order (ids of rejected orders are not
 * kept, so a strategy may retry one).
 *
 * <p>Owned by one thread, which calls {@link #onCommand}, {@link #onMarketData} and
 * {@link #onTime}; time is injected, the wall clock is never read. This first slice allocates per
 * command (protobuf reports, the order and its id maps) and keeps every order it accepted for the
 * idempotency check; it must not be used where a bounded memory is required.
 */
public final class OrderGateway implements ExecutionListener {
    /** Binance's limit on a client order id. */
    static final int MAX_CLIENT_ORDER_ID = 36;

    private final String venueName;
    private final GatewayClock clock;
    private final RiskEngine risk;
    private final GatewayVenue venue;
    private final GatewayObserver observer;
    private final ExecutionSink sink;
    private final HashMap<String, Instrument> instruments = new HashMap<>();
    private final Portfolio[] portfolios;
    private final long[] sequences;
    private final List<HashMap<String, Tracked>> byClientId = new ArrayList<>();
    private final HashMap<Long, Tracked> byOrderId = new HashMap<>();

    private final long[] coreRejections = new long[RejectReason.values().length];
    private long nextOrderId = 1;
    private long received;
    private long rejected;
    private long duplicates;
    private long fills;
    private long reportsSent;

    /** One order the gateway sent, with what it last told the strategy about it. */
    private static final class Tracked {
        final Order order;
        final int strategy;
        int reportedStatus = -1;
        long reportedFilled = -1;

        Tracked(Order order, int strategy) {
            this.order = order;
            this.strategy = strategy;
        }
    }

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
        if (limits == null || venueFactory == null || sink == null || observer == null) {
            throw new IllegalArgumentException("risk limits, a venue, an execution sink and an observer are required");
        }
        this.observer = observer;
        this.clock = new GatewayClock(startNanos);
        this.risk = new RiskEngine(limits, clock);
        this.sink = sink;
        List<Instrument> list = new ArrayList<>();
        for (InstrumentLimits il : limits.instruments()) {
            list.add(il.instrument());
            instruments.put(il.instrument().symbol(), il.instrument());
        }
        this.venue = venueFactory.create(clock, this, List.copyOf(list));
        this.venueName = venue.name();
        int n = limits.strategies().size();
        this.portfolios = new Portfolio[n];
        this.sequences = new long[n];
        String valuation = list.get(0).quoteAsset();
        for (int s = 0; s < n; s++) {
            portfolios[s] = new Portfolio(valuation, 0);
            for (Instrument i : list) {
                portfolios[s].register(i);
            }
            byClientId.add(new HashMap<>());
        }
    }

    // ------------------------------------------------------------------ intake

    /** Handles one order command received at {@code nowNanos}; every outcome is reported to the sink. */
    public CommandOutcome onCommand(OrderCommand cmd, long nowNanos) {
        clock.advance(nowNanos);
        long now = clock.nanos();
        received++;
        observer.onReceived(strategyOf(cmd));
        switch (cmd.getCommandCase()) {
            case NEW_ORDER:
                return onNew(cmd.getNewOrder(), now);
            case CANCEL_ORDER:
                return onCancel(cmd.getCancelOrder(), now);
            case REPLACE_ORDER:
                ReplaceOrder r = cmd.getReplaceOrder();
                return refuseOther(r.getStrategy(), r.getClientOrderId(), r.getSymbol(), r.getPrice(), r.getQuantity(),
                        r.getPriceScale(), r.getQtyScale(), RejectReason.REPLACE_NOT_SUPPORTED, now);
            default:
                return refuseOther("", "", "", 0, 0, 0, 0, RejectReason.EMPTY_COMMAND, now);
        }
    }

    private int strategyOf(OrderCommand cmd) {
        switch (cmd.getCommandCase()) {
            case NEW_ORDER:
                return risk.strategyId(cmd.getNewOrder().getStrategy());
            case CANCEL_ORDER:
                return risk.strategyId(cmd.getCancelOrder().getStrategy());
            case REPLACE_ORDER:
                return risk.strategyId(cmd.getReplaceOrder().getStrategy());
            default:
                return -1;
        }
    }

    private CommandOutcome onNew(NewOrder m, long now) {
        String strategyName = m.getStrategy();
        int strategy = risk.strategyId(strategyName);
        if (strategy < 0) {
            return refuse(m, RejectReason.UNKNOWN_STRATEGY, now);
        }
        String clientId = m.getClientOrderId();
        if (clientId.isEmpty() || clientId.length() > MAX_CLIENT_ORDER_ID) {
            return refuse(m, RejectReason.INVALID_CLIENT_ORDER_ID, now);
        }
        Tracked existing = byClientId.get(strategy).get(clientId);
        if (existing != null) {
            duplicates++;
            emitReport(existing, null, now, null);
            return CommandOutcome.DUPLICATE_ANSWERED;
        }
        if (!m.getVenue().isEmpty() && !m.getVenue().equals(venueName)) {
            return refuse(m, RejectReason.UNKNOWN_VENUE, now);
        }
        Instrument ins = instruments.get(m.getSymbol());
        if (ins == null) {
            return refuse(m, RejectReason.UNKNOWN_INSTRUMENT, now);
        }
        Side side = OrderMessages.side(m.getSide());
        if (side == null) {
            return refuse(m, RejectReason.INVALID_SIDE, now);
        }
        OrderType type = OrderMessages.orderType(m.getType());
        if (type == null) {
            return refuse(m, RejectReason.INVALID_ORDER_TYPE, now);
        }
        TimeInForce tif = OrderMessages.timeInForce(m.getTimeInForce());
        if (tif == null) {
            return refuse(m, RejectReason.INVALID_TIME_IN_FORCE_VALUE, now);
        }
        if (m.getPriceScale() != ins.priceScale() || m.getQtyScale() != ins.qtyScale()) {
            return refuse(m, RejectReason.SCALE_MISMATCH, now);
        }
        if (m.getQuantity() <= 0) {
            return refuse(m, RejectReason.INVALID_QUANTITY, now);
        }
        long price = m.getPrice();
        long stop = m.getStopPrice();
        if (price < 0 || stop < 0 || (!type.hasLimitPrice() && price != 0) || (!type.hasStopPrice() && stop != 0)) {
            return refuse(m, RejectReason.INVALID_PRICE, now);
        }
        Order order = new Order(nextOrderId, clientId, strategyName, ins, side, type, tif, m.getQuantity(), price, stop,
                m.getReduceOnly(), now);
        RejectReason why = order.validate();
        if (why == null) {
            why = risk.checkNew(strategy, order);
        }
        if (why != null) {
            return refuse(m, why, now);
        }
        nextOrderId++;
        Tracked t = new Tracked(order, strategy);
        byClientId.get(strategy).put(clientId, t);
        byOrderId.put(order.orderId(), t);
        // Booked before the venue sees it, so the next check already counts its exposure.
        risk.onAccepted(strategy, order);
        observer.onRouted(strategy, ins);
        venue.submit(order, now);
        return CommandOutcome.ROUTED;
    }

    private CommandOutcome onCancel(CancelOrder m, long now) {
        int strategy = risk.strategyId(m.getStrategy());
        if (strategy < 0) {
            return cancelRefused(m, RejectReason.UNKNOWN_STRATEGY, now);
        }
        Tracked t = m.getOrderId() != 0 ? byOrderId.get(m.getOrderId()) : byClientId.get(strategy).get(m.getClientOrderId());
        if (t == null || t.strategy != strategy) {
            return cancelRefused(m, RejectReason.UNKNOWN_ORDER, now);
        }
        if (!t.order.isOpen()) {
            return cancelRefusedFor(t, RejectReason.ORDER_NOT_OPEN, now);
        }
        RejectReason why = risk.checkCancel(strategy, t.order.orderId());
        if (why != null) {
            return cancelRefusedFor(t, why, now);
        }
        if (!venue.cancel(t.order, now)) {
            return cancelRefusedFor(t, RejectReason.ORDER_NOT_OPEN, now);
        }
        return CommandOutcome.CANCEL_SENT;
    }

    // ------------------------------------------------------------------ market data and time

    /**
     * A market event from the bus: moves the gateway's time to its receive time, feeds the paper
     * venue (which may fill resting orders) and the risk engine's reference prices, and marks the
     * strategies' positions. Events for instruments not configured are ignored.
     */
    public void onMarketData(MarketEvent e) {
        Instrument ins = e.instrument() == null ? null : instruments.get(e.instrument().symbol());
        if (ins == null) {
            return;
        }
        clock.advance(e.receiveTimeNanos());
        venue.onMarketEvent(e);
        long last = venue.lastPrice(ins);
        risk.onMarketPrice(ins, last, venue.bestBid(ins), venue.bestAsk(ins));
        if (last > 0) {
            for (Portfolio p : portfolios) {
                p.mark(ins, last);
            }
        }
    }

    /** Duty-cycle tick: delivers orders and cancels to the paper venue once their latency has elapsed. */
    public void onTime(long nowNanos) {
        clock.advance(nowNanos);
        venue.advanceTo(clock.nanos());
    }

    // ------------------------------------------------------------------ venue reports

    @Override
    public void onFill(Order order, Fill fill) {
        Tracked t = byOrderId.get(order.orderId());
        if (t == null || t.order != order) {
            throw new IllegalStateException("fill for an order the gateway never sent: " + order);
        }
        fills++;
        observer.onFill(t.strategy, order.instrument(), fill.qty(), fill.price(), order.filledQty() == fill.qty(),
                fill.timeNanos() - order.createdNanos());
        risk.onFill(order.orderId(), fill.qty(), fill.price(), fill.fee());
        Portfolio p = portfolios[t.strategy];
        p.applyFill(order, fill);
        emitReport(t, fill, fill.timeNanos(), null);
        ExecutionEvent ev = OrderMessages.event(++sequences[t.strategy], clock.nanos(),
                OrderMessages.positionUpdate(p.position(order.instrument()), order.strategyId(), venueName,
                        fill.timeNanos()));
        sink.onExecution(order.strategyId(), ev);
    }

    @Override
    public void onOrderUpdate(Order order) {
        Tracked t = byOrderId.get(order.orderId());
        if (t == null || t.order != order) {
            throw new IllegalStateException("update for an order the gateway never sent: " + order);
        }
        OrderStatus s = order.status();
        if (s == OrderStatus.ACCEPTED && t.reportedStatus != s.ordinal()) {
            observer.onAcknowledged(t.strategy, order.updatedNanos() - order.createdNanos());
        }
        if (s.isTerminal()) {
            // After a fill the engine has already released it; for canceled, expired or venue-rejected orders this frees the exposure.
            risk.onDone(order.orderId());
        }
        if (t.reportedStatus == s.ordinal() && t.reportedFilled == order.filledQty()) {
            return; // the fill report already said this (or a stop trigger changed nothing the wire carries)
        }
        emitReport(t, null, order.updatedNanos(), null);
    }

    // ------------------------------------------------------------------ reports

    private void emitReport(Tracked t, Fill fill, long eventTime, RejectReason overrideCode) {
        Order o = t.order;
        ExecutionReport r = OrderMessages.executionReport(o, fill, venueName, eventTime);
        if (overrideCode != null) {
            r = r.toBuilder().setRejectCode(overrideCode.code()).setRejectReason(overrideCode.name()).build();
        } else {
            t.reportedStatus = o.status().ordinal();
            t.reportedFilled = o.filledQty();
        }
        send(t.strategy, o.strategyId(), r);
    }

    private void send(int strategy, String strategyName, ExecutionReport r) {
        // Strategies this gateway does not serve get sequence 0: there is no topic sequence to keep for them.
        long seq = strategy >= 0 ? ++sequences[strategy] : 0;
        reportsSent++;
        sink.onExecution(strategyName, OrderMessages.event(seq, clock.nanos(), r));
    }

    private CommandOutcome refuse(NewOrder m, RejectReason why, long now) {
        coreRejections[why.ordinal()]++;
        observer.onRejected(risk.strategyId(m.getStrategy()), why);
        return refuse(m, why.code(), why.name(), now);
    }

    private CommandOutcome refuse(NewOrder m, int code, String name, long now) {
        rejected++;
        ExecutionReport r = ExecutionReport.newBuilder()
                .setStrategy(m.getStrategy())
                .setClientOrderId(m.getClientOrderId())
                .setVenue(venueName)
                .setSymbol(m.getSymbol())
                .setSideValue(m.getSideValue())
                .setTypeValue(m.getTypeValue())
                .setTimeInForceValue(m.getTimeInForceValue())
                .setStatus(io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_REJECTED)
                .setRejectCode(code)
                .setRejectReason(name)
                .setPrice(m.getPrice())
                .setStopPrice(m.getStopPrice())
                .setQuantity(m.getQuantity())
                .setPriceScale(m.getPriceScale())
                .setQtyScale(m.getQtyScale())
                .setCashScale(Fixed.CASH_SCALE)
                .setEventTimeNs(now)
                .build();
        send(risk.strategyId(m.getStrategy()), m.getStrategy(), r);
        return CommandOutcome.REJECTED;
    }

    /** Refuses a command that is no new order (a replace, an empty command) with the fields it has. */
    private CommandOutcome refuseOther(String strategy, String clientId, String symbol, long price, long qty,
                                       int priceScale, int qtyScale, RejectReason why, long now) {
        NewOrder m = NewOrder.newBuilder().setStrategy(strategy).setClientOrderId(clientId).setSymbol(symbol)
                .setPrice(price).setQuantity(qty).setPriceScale(priceScale).setQtyScale(qtyScale).build();
        return refuse(m, why, now);
    }

    private CommandOutcome cancelRefused(CancelOrder m, RejectReason why, long now) {
        coreRejections[why.ordinal()]++;
        observer.onRejected(risk.strategyId(m.getStrategy()), why);
        rejected++;
        ExecutionReport r = ExecutionReport.newBuilder()
                .setStrategy(m.getStrategy())
                .setClientOrderId(m.getClientOrderId())
                .setOrderId(m.getOrderId())
                .setVenue(venueName)
                .setSymbol(m.getSymbol())
                .setStatus(io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_REJECTED)
                .setRejectCode(why.code())
                .setRejectReason(why.name())
                .setCashScale(Fixed.CASH_SCALE)
                .setEventTimeNs(now)
                .build();
        send(risk.strategyId(m.getStrategy()), m.getStrategy(), r);
        return CommandOutcome.CANCEL_REJECTED;
    }

    /** The order's current state, with the reason the cancel was refused as its reject code. */
    private CommandOutcome cancelRefusedFor(Tracked t, RejectReason why, long now) {
        coreRejections[why.ordinal()]++;
        observer.onRejected(t.strategy, why);
        rejected++;
        emitReport(t, null, now, why);
        return CommandOutcome.CANCEL_REJECTED;
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

    // ------------------------------------------------------------------ kill switch

    /**
     * Engages the global kill switch at {@code nowNanos}: every new order and replace is refused
     * (KILL_SWITCH) until {@link #releaseKillSwitch}, and a cancel goes to the venue for every open
     * order. Returns how many cancels were sent. Idempotent: engaging again re-sends cancels for
     * orders still open.
     */
    public int engageKillSwitch(String reason, long nowNanos) {
        clock.advance(nowNanos);
        long now = clock.nanos();
        long[] ids = new long[risk.openOrders()];
        int[] n = {0};
        risk.engage(reason == null || reason.isBlank() ? "kill switch" : reason, id -> {
            if (n[0] < ids.length) {
                ids[n[0]++] = id;
            }
        });
        int sent = 0;
        for (int i = 0; i < n[0]; i++) {
            Tracked t = byOrderId.get(ids[i]);
            if (t != null && t.order.isOpen() && venue.cancel(t.order, now)) {
                sent++;
            }
        }
        return sent;
    }

    /** Lets new orders through again (open orders canceled by the kill switch stay canceled). */
    public void releaseKillSwitch() {
        risk.release();
    }

    public boolean isKillSwitchEngaged() {
        return risk.isKillSwitchEngaged();
    }

    /** The strategy's position in {@code symbol} (null for an unknown strategy or symbol). */
    public Position position(String strategy, String symbol) {
        int s = risk.strategyId(strategy);
        Instrument ins = instruments.get(symbol);
        return s < 0 || ins == null ? null : portfolios[s].position(ins);
    }

    /** The order the strategy sent under {@code clientOrderId}, or null. */
    public Order order(String strategy, String clientOrderId) {
        int s = risk.strategyId(strategy);
        Tracked t = s < 0 ? null : byClientId.get(s).get(clientOrderId);
        return t == null ? null : t.order;
    }

    public long received() {
        return received;
    }

    /** Commands refused, by the gateway or the risk engine (new orders, replaces and cancels). */
    public long rejected() {
        return rejected;
    }

    /** Refusals with this wire code ({@link RejectReason} code). */
    public long rejections(int code) {
        for (RejectReason r : RejectReason.values()) {
            if (r.code() == code) {
                return coreRejections[r.ordinal()];
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
        return reportsSent;
    }

    /** The gateway's current time. */
    public long nanos() {
        return clock.nanos();
    }
}
