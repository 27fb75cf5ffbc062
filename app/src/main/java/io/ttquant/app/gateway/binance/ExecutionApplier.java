package io.ttquant.app.gateway.binance;

import io.ttquant.binance.trading.BinanceOrderStatus;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.LiquiditySide;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.venue.ExecutionListener;

/**
 * Applies what Binance said about an order to the gateway's {@link Order} and tells the gateway,
 * in the order the matching engine does it: the acceptance, then each fill ({@code onFill}, then
 * {@code onOrderUpdate}), then the terminal state, each exactly once whichever path (new-order
 * answer, user data stream, REST read) told it first. A terminal state is applied only when every
 * fill before it is: otherwise the caller reads the missing trades first
 * ({@link Result#NEED_TRADES}).
 *
 * <p>It never throws on an answer it cannot apply (a fill larger than what is left, a state that
 * contradicts the order's): it logs and counts it. It sends nothing; gateway's thread only.
 */
final class ExecutionApplier {
    private static final System.Logger LOG = System.getLogger(ExecutionApplier.class.getName());

    /** Where the order stands after a state was applied. */
    enum Result {
        /** Still working at the venue. */
        OPEN,
        /** Terminal and reported. */
        DONE,
        /** The venue reported more filled than applied here: read the trades, then apply {@link TrackedOrder#pendingStatus}. */
        NEED_TRADES
    }

    private final ExecutionListener listener;
    private final BinanceVenueStats stats;

    ExecutionApplier(ExecutionListener listener, BinanceVenueStats stats) {
        this.listener = listener;
        this.stats = stats;
    }

    /** Accepts a NEW order and reports it; false when it was no longer NEW. */
    boolean accept(TrackedOrder t, long now) {
        if (t.order.status() != OrderStatus.NEW) {
            return false;
        }
        t.order.accept(now);
        listener.onOrderUpdate(t.order);
        return true;
    }

    /** Rejects a NEW order and reports it; false (and logged) when the order is past NEW. */
    boolean reject(TrackedOrder t, RejectReason why, long now) {
        if (t.order.status() != OrderStatus.NEW) {
            inconsistent(t, "cannot reject an order that is " + t.order.status() + " (" + why + ")");
            return false;
        }
        t.order.reject(why, now);
        listener.onOrderUpdate(t.order);
        return true;
    }

    /**
     * One fill: applied and reported unless this trade id was applied to the order before (counted
     * as a duplicate; before a restart: known from the journal) or it does not fit what is left of the order (logged as an inconsistency).
     * Accepts the order first if it was still NEW. Returns true when applied.
     */
    boolean fill(TrackedOrder t, long tradeId, long price, long qty, long fee, String feeAsset, boolean maker,
                 BinanceVenueStats.Source source, long now) {
        if (t.hasTrade(tradeId)) {
            stats.duplicateFills++;
            return false;
        }
        if (t.appliedBeforeRestart(tradeId)) {
            // Journaled before the restart and already in the order's filled quantity: remembered, never applied again.
            t.addTrade(tradeId);
            stats.fillsKnownFromJournal++;
            return false;
        }
        Order o = t.order;
        if (o.status() == OrderStatus.NEW) {
            accept(t, now);
        }
        if (!o.status().isOpen() || qty <= 0 || qty > o.remainingQty()) {
            inconsistent(t, "trade " + tradeId + " of " + o.instrument().formatQty(qty) + " does not fit the order ("
                    + o.status() + ", " + o.instrument().formatQty(o.remainingQty()) + " left)");
            return false;
        }
        t.addTrade(tradeId);
        String asset = feeAsset == null || feeAsset.isEmpty() ? o.instrument().quoteAsset() : feeAsset;
        Fill f = new Fill(o.orderId(), o.clientOrderId(), o.strategyId(), o.instrument(), o.side(), tradeId, price, qty, fee, asset,
                maker ? LiquiditySide.MAKER : LiquiditySide.TAKER, now);
        o.fill(qty, price, fee, now);
        stats.fills[source.ordinal()]++;
        listener.onFill(o, f);
        listener.onOrderUpdate(o);
        return true;
    }

    /**
     * Brings the order to what the venue reports: {@code status} with {@code executedQty} filled.
     * Accepts a NEW order (rejects it when the venue says REJECTED); when fills are missing,
     * remembers the status and returns NEED_TRADES; a terminal status is applied once the fills
     * are all in. A report older than what was applied (less filled) changes nothing.
     */
    Result applyState(TrackedOrder t, BinanceOrderStatus status, long executedQty, long now) {
        Order o = t.order;
        if (t.phase == TrackedOrder.Phase.DONE || o.status().isTerminal()) {
            return Result.DONE;
        }
        if (o.status() == OrderStatus.NEW) {
            if (status == BinanceOrderStatus.REJECTED) {
                LOG.log(System.Logger.Level.WARNING, "Binance reports order " + t.clientOrderId + " REJECTED");
                reject(t, RejectReason.VENUE_REJECTED, now);
                return Result.DONE;
            }
            accept(t, now);
        }
        if (executedQty > o.filledQty()) {
            // A terminal status outranks a working one reported by an older message.
            if (t.pendingStatus == null || !t.pendingStatus.isTerminal()) {
                t.pendingStatus = status;
            }
            t.targetFilledQty = Math.max(t.targetFilledQty, executedQty);
            return Result.NEED_TRADES;
        }
        if (status.isTerminal()) {
            if (executedQty < o.filledQty()) {
                inconsistent(t, "Binance says " + status + " with " + o.instrument().formatQty(executedQty) + " filled, "
                        + o.instrument().formatQty(o.filledQty()) + " applied");
                return Result.OPEN;
            }
            t.pendingStatus = null;
            t.targetFilledQty = -1;
            finish(t, status, now);
        } else if (t.pendingStatus != null) {
            return applyPending(t, now);
        }
        return o.status().isTerminal() ? Result.DONE : Result.OPEN;
    }

    /** The fills still missing arrived (or not): applies the remembered state once nothing is missing. */
    Result applyPending(TrackedOrder t, long now) {
        Order o = t.order;
        if (o.status().isTerminal()) {
            return Result.DONE;
        }
        if (t.targetFilledQty > o.filledQty()) {
            return Result.NEED_TRADES;
        }
        BinanceOrderStatus pending = t.pendingStatus;
        t.pendingStatus = null;
        t.targetFilledQty = -1;
        if (pending != null && pending.isTerminal()) {
            finish(t, pending, now);
        }
        return o.status().isTerminal() ? Result.DONE : Result.OPEN;
    }

    /** Applies a terminal venue status to an order whose fills are all applied, and reports it. */
    private void finish(TrackedOrder t, BinanceOrderStatus status, long now) {
        Order o = t.order;
        if (o.status().isTerminal()) {
            return;
        }
        switch (status) {
            case CANCELED -> {
                accept(t, now);
                o.cancel(now);
            }
            case EXPIRED, EXPIRED_IN_MATCH -> {
                accept(t, now);
                o.expire(expiryReason(o, status), now);
            }
            case REJECTED -> {
                if (o.status() == OrderStatus.NEW) {
                    o.reject(RejectReason.VENUE_REJECTED, now);
                } else {
                    o.expire(RejectReason.VENUE_REJECTED, now);
                }
            }
            case FILLED -> {
                inconsistent(t, "Binance says FILLED with " + o.instrument().formatQty(o.filledQty()) + " of "
                        + o.instrument().formatQty(o.quantity()) + " applied");
                return;
            }
            default -> {
                return;
            }
        }
        listener.onOrderUpdate(o);
    }

    /** Why Binance ended an order with part of it unfilled. */
    static RejectReason expiryReason(Order o, BinanceOrderStatus status) {
        if (status == BinanceOrderStatus.EXPIRED_IN_MATCH) {
            return RejectReason.VENUE_REJECTED;
        }
        if (o.type() == OrderType.MARKET || o.type() == OrderType.STOP_MARKET) {
            return RejectReason.NO_LIQUIDITY;
        }
        if (o.timeInForce() == TimeInForce.IOC) {
            return RejectReason.IOC_REMAINDER;
        }
        if (o.timeInForce() == TimeInForce.FOK) {
            return RejectReason.FOK_NOT_FILLABLE;
        }
        return RejectReason.VENUE_REJECTED;
    }

    private void inconsistent(TrackedOrder t, String what) {
        stats.inconsistencies++;
        LOG.log(System.Logger.Level.ERROR, "order " + t.clientOrderId + ": " + what + "; not applied (" + t + ")");
    }
}
