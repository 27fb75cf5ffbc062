package io.ttquant.app.gateway.binance;

import io.ttquant.app.gateway.ReconcileListener;
import io.ttquant.binance.trading.BinanceOrderStatus;
import io.ttquant.binance.trading.NewOrderRequest;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Order;
import java.util.Arrays;

/**
 * What the venue knows about one order it sent to Binance: the gateway's {@link Order}, where the
 * new-order request stands ({@link Phase}), Binance's order id, the trade ids already applied (so a
 * fill reported by the new-order answer, the stream and a REST read is applied once), a venue state
 * still waiting for missing fills, and the times its next query, trades read or cancel are due on
 * the gateway's clock. An order rebuilt from the journal after a restart also knows which trades the
 * gateway applied before it ({@link #restored}). Plain data, owned by the gateway's thread.
 */
final class TrackedOrder {
    static final long NONE = Long.MAX_VALUE;

    /** Where the new-order request stands. */
    enum Phase {
        /** Sent, no answer yet. */
        SENDING,
        /** Binance has it (or had it): its answer, the stream or a query said so. */
        KNOWN,
        /** The answer was lost (timeout, 5xx, connection lost): resolved by query, never by resending. */
        UNKNOWN,
        /** Terminal and reported; nothing more is applied. */
        DONE
    }

    final Order order;
    final String clientOrderId;
    /** The instrument with the venue's own filters, at the order's scales: used for requests and answers. */
    final Instrument venueInstrument;
    final NewOrderRequest request;
    Phase phase = Phase.SENDING;
    long venueOrderId = -1;
    boolean resent;

    /** UNKNOWN: a query sent after this server time (ms) that finds nothing proves the order was never placed. */
    long notPlacedAfterServerMillis;
    long queryDueNanos = NONE;
    long queryBackoffNanos;
    boolean queryInFlight;

    /** A terminal or later state the venue reported while fills up to {@link #targetFilledQty} were still missing. */
    BinanceOrderStatus pendingStatus;
    long targetFilledQty = -1;
    long tradesDueNanos = NONE;
    long tradesBackoffNanos;
    boolean tradesInFlight;

    boolean cancelWanted;
    boolean cancelInFlight;
    /** A cancel whose answer was lost: the order's state is unknown until a query says. */
    boolean cancelUnknown;
    long cancelDueNanos = NONE;
    long cancelBackoffNanos;

    /** The gateway was told the order's state is unknown (and journaled it) and has not been told it is resolved. */
    boolean reportedUnknown;

    /** For an order rebuilt from the journal: tells which of its trades the gateway applied before the restart; else null. */
    ReconcileListener restored;
    /** A query after the restart answered with the order's state at Binance (restored orders only). */
    boolean queriedSinceRestart;

    private long[] tradeIds = new long[4];
    private int trades;

    TrackedOrder(Order order, Instrument venueInstrument, NewOrderRequest request) {
        this.order = order;
        this.clientOrderId = BinanceVenue.venueClientOrderId(order.orderId());
        this.venueInstrument = venueInstrument;
        this.request = request;
    }

    /** True when the gateway applied the trade before the restart (its journal says so); false for orders sent in this run. */
    boolean appliedBeforeRestart(long tradeId) {
        return restored != null && restored.isFillApplied(order.instrument(), tradeId);
    }

    /** True when the trade was applied to this order already. */
    boolean hasTrade(long tradeId) {
        for (int i = trades - 1; i >= 0; i--) {
            if (tradeIds[i] == tradeId) {
                return true;
            }
        }
        return false;
    }

    void addTrade(long tradeId) {
        if (trades == tradeIds.length) {
            tradeIds = Arrays.copyOf(tradeIds, trades * 2);
        }
        tradeIds[trades++] = tradeId;
    }

    int tradesApplied() {
        return trades;
    }

    /** The earliest time any timed work of this order is due, {@link #NONE} when none. */
    long nextDueNanos() {
        return Math.min(queryDueNanos, Math.min(tradesDueNanos, cancelDueNanos));
    }

    /** Lost submit answer or lost cancel answer: the state at the venue is not known. */
    boolean isUnknown() {
        return phase == Phase.UNKNOWN || cancelUnknown;
    }

    @Override
    public String toString() {
        return "TrackedOrder{" + clientOrderId + " " + phase + " venueId=" + venueOrderId + " " + order.status() + " trades="
                + trades + (cancelWanted ? " cancel-wanted" : "") + "}";
    }
}
