package io.ttquant.app.gateway;

import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.exchange.SimulatedExchange;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.time.Clock;
import io.ttquant.core.venue.ExecutionListener;
import java.util.List;

/**
 * The {@code paper} venue: the backtester's own matching engine ({@link SimulatedExchange}, with
 * the same {@link ExchangeConfig} fill models: latency, slippage, fees, queue position) driven by
 * the live market events the gateway receives, so paper trading fills as a backtest would. It only
 * wires and counts; it must never match, validate or fill anything itself, and it never reads the
 * wall clock (the gateway's clock stamps orders, market events carry their own times).
 * Single-threaded: the gateway's thread owns it.
 *
 * <p>Its book lives in memory only: after a restart the orders the gateway's journal holds open
 * are gone from it, so {@link #reconcile} cancels them ("paper venue restarted") and positions
 * stay as the journal rebuilt them. Its trade ids are the time it was created (ns) plus the
 * matching engine's sequence, so a later run never repeats an earlier run's id (a run has fewer
 * fills than nanoseconds) and fills journaled before a restart are never mistaken for new ones.
 */
public final class PaperVenue implements GatewayVenue {
    /** The venue name on the wire. */
    public static final String NAME = "paper";

    private final SimulatedExchange exchange;
    private final ExecutionListener listener;
    private final long tradeIdBase;
    private long submitted;
    private long cancelsSent;

    PaperVenue(ExchangeConfig config, Clock clock, ExecutionListener listener, List<Instrument> instruments) {
        // The gateway never keeps a fill past onFill: one reused Fill, nothing allocated per execution.
        this.exchange = new SimulatedExchange(config, clock, listener).reuseFills();
        this.listener = listener;
        this.tradeIdBase = clock.nanos();
        for (Instrument i : instruments) {
            exchange.addInstrument(i);
        }
    }

    @Override
    public void submit(Order order, long nowNanos) {
        submitted++;
        exchange.submit(order);
        exchange.advanceTo(nowNanos);
    }

    @Override
    public boolean cancel(Order order, long nowNanos) {
        if (!exchange.cancel(order)) {
            return false;
        }
        cancelsSent++;
        exchange.advanceTo(nowNanos);
        return true;
    }

    /** Delivers orders and cancels whose latency has elapsed by {@code nowNanos}. */
    @Override
    public void advanceTo(long nowNanos) {
        exchange.advanceTo(nowNanos);
    }

    /**
     * The paper venue restarted with an empty book: every order the journal holds open is canceled
     * (a NEW one, never acknowledged, is acknowledged first, as the transition table wants) and
     * reported to the gateway; positions stay. Answers at once.
     */
    @Override
    public void reconcile(List<Order> openOrders, long nowNanos, ReconcileListener done) {
        for (Order o : openOrders) {
            if (o.status() == OrderStatus.NEW) {
                o.accept(nowNanos);
            }
            if (!o.status().isTerminal()) {
                o.cancel(nowNanos);
            }
            listener.onOrderUpdate(o);
        }
        done.reconciled("paper venue restarted with an empty book: " + openOrders.size()
                + " open orders from the journal canceled, positions kept");
    }

    /** The matching engine's sequence above this run's base (its creation time, ns). */
    @Override
    public long tradeId(Fill fill) {
        return tradeIdBase + fill.tradeId();
    }

    @Override
    public void onMarketEvent(MarketEvent e) {
        exchange.onMarketEvent(e);
    }

    @Override
    public long lastPrice(Instrument i) {
        return exchange.lastPrice(i);
    }

    @Override
    public long bestBid(Instrument i) {
        return exchange.bestBid(i);
    }

    @Override
    public long bestAsk(Instrument i) {
        return exchange.bestAsk(i);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Orders handed to the matching engine since start. */
    public long submitted() {
        return submitted;
    }

    /** Cancels handed to the matching engine since start. */
    public long cancelsSent() {
        return cancelsSent;
    }

    /** Orders the matching engine holds open (resting, waiting or untriggered). */
    @Override
    public int openOrders() {
        return exchange.openOrderCount();
    }

    /** Orders and cancels sent but not yet arrived (latency). */
    public int pendingArrivals() {
        return exchange.pendingArrivalCount();
    }

    /** Orders and cancels handed to the matching engine since start. */
    @Override
    public long requestsSent() {
        return submitted + cancelsSent;
    }

    /**
     * Orders and cancels the matching engine has taken in: it handles them in the order they were
     * sent, and keeps a terminal order nowhere once the listener has been told.
     */
    @Override
    public long requestsSettled() {
        return submitted + cancelsSent - exchange.pendingArrivalCount();
    }
}
