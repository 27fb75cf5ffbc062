package io.ttquant.app.gateway;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import java.util.List;

/**
 * Where the {@link OrderGateway} routes orders that passed every check: the {@link PaperVenue}
 * (the backtester's matching engine on live market data) or an exchange adapter. Everything a
 * venue has to say about an order comes back through the gateway's
 * {@link io.ttquant.core.venue.ExecutionListener}, always on the gateway's thread (an adapter whose
 * answers arrive on I/O threads queues them and delivers them from {@link #advanceTo}); a venue
 * never validates, never applies risk and never throws for an answer it did not like (it reports
 * the order REJECTED or EXPIRED with a reason instead).
 *
 * <p>The venue changes the state of the {@link Order} object it was given (accept, fill, cancel,
 * expire) before it reports it; the gateway owns that object and reads it.
 */
public interface GatewayVenue {
    /** The venue name on the wire ({@code paper}, {@code binance}). */
    String name();

    /** Sends a NEW order that passed validation and risk, at the gateway's time {@code nowNanos}. */
    void submit(Order order, long nowNanos);

    /** Requests a cancel; false when the venue already knows the order is no longer open. */
    boolean cancel(Order order, long nowNanos);

    /** Duty cycle on the gateway's thread: delivers what is due by {@code nowNanos}. */
    void advanceTo(long nowNanos);

    /** A market event from the bus (the paper venue matches against it; an exchange adapter may ignore it). */
    void onMarketEvent(MarketEvent e);

    /** Last trade price seen for the instrument (raw, price scale), 0 when none. */
    long lastPrice(Instrument instrument);

    /** Best bid (raw, price scale), 0 when none. */
    long bestBid(Instrument instrument);

    /** Best ask (raw, price scale), 0 when none. */
    long bestAsk(Instrument instrument);

    /** Orders the venue holds open (as far as it knows). */
    int openOrders();

    /**
     * Brings the gateway's view after a restart in line with the venue: {@code openOrders} are the
     * orders the gateway's journal says are open (rebuilt, with their last known state, owned by
     * the gateway as usual). The venue reports what happened to them while the gateway was away
     * through the gateway's {@link io.ttquant.core.venue.ExecutionListener} (fills not yet applied,
     * cancels, expiries; {@link ReconcileListener#isFillApplied} tells which trades are known), and
     * then calls {@link ReconcileListener#reconciled}, at once or later from {@link #advanceTo}.
     * Until then the gateway refuses every new order. The default cannot reconcile and says so,
     * so the gateway fails closed.
     */
    default void reconcile(List<Order> openOrders, long nowNanos, ReconcileListener listener) {
        listener.failed("the " + name() + " venue cannot reconcile the journal's " + openOrders.size()
                + " open orders, fills and positions with the exchange");
    }

    /**
     * The venue's id of {@code fill}'s trade, unique at the venue (per instrument) across restarts
     * of the gateway: what the gateway journals, deduplicates on and reports. The default is
     * {@link Fill#tradeId()}.
     */
    default long tradeId(Fill fill) {
        return fill.tradeId();
    }

    /** The venue's id of the order, 0 while not known (journaled with the order's state). */
    default long venueOrderId(Order order) {
        return 0;
    }

    /** Orders whose state the venue does not know (a timeout or 5xx), being resolved by query; 0 for the paper venue. */
    default int unknownOrders() {
        return 0;
    }

    /** Request weight used in the venue's current window ({@code X-MBX-USED-WEIGHT-1M}); -1 when the venue has none. */
    default long requestWeightUsed() {
        return -1;
    }

    /** Requests ({@link #submit} and accepted {@link #cancel} calls) handed to the venue since start; 0 when it does not count them. */
    default long requestsSent() {
        return 0;
    }

    /**
     * How many of {@link #requestsSent()} the venue has finished with, in the order they were
     * sent: it keeps no reference to their {@link Order} any more once the order is terminal. The
     * gateway reuses the Order object of an order that ended when {@code requestsSent()} was n
     * once this reaches n. The default, -1, means never: the gateway then leaves the Orders it
     * sent to this venue to the garbage collector.
     */
    default long requestsSettled() {
        return -1;
    }
}
