package io.ttquant.sim.market;

import io.ttquant.core.order.Side;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A user's order as Binance reports it (query, open orders, execution reports). Prices raw at the
 * instrument's price scale (0 when the type has none), quantities at the quantity scale,
 * {@code cummulativeQuoteQty} and {@code origQuoteOrderQty} at the cash scale (10^-8).
 *
 * <p>Changed only by {@link SimExchange} on the engine thread; read it there (or copy it) since it
 * keeps changing while the market trades. Besides Binance's fields it records the funds it holds
 * locked, which only the engine uses.
 */
public final class SimOrder {
    final Account account;
    final String symbol;
    final long orderId;
    final String clientOrderId;
    final Side side;
    final OrderType type;
    final TimeInForce timeInForce;
    final long price;
    final long stopPrice;
    final long origQuoteOrderQty;
    final SelfTradePreventionMode stpMode;
    final long time;
    long origQty;
    long executedQty;
    long cummulativeQuoteQty;
    OrderStatus status = OrderStatus.NEW;
    long updateTime;
    long workingTime = -1;
    boolean working;
    long preventedQuantity;
    String cancelClientOrderId;
    /** Funds this order holds locked in {@link #lockedAsset}, at the cash scale. */
    long locked;
    String lockedAsset;
    /** For a quote-quantity MARKET order: why the book walk at arrival stopped. */
    LimitOrderBook.StopReason plannedEnd;
    final List<SimFill> fills = new ArrayList<>(2);

    SimOrder(Account account, String symbol, long orderId, String clientOrderId, Side side, OrderType type,
             TimeInForce timeInForce, long price, long origQty, long stopPrice, long origQuoteOrderQty,
             SelfTradePreventionMode stpMode, long time) {
        this.account = account;
        this.symbol = symbol;
        this.orderId = orderId;
        this.clientOrderId = clientOrderId;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.price = price;
        this.origQty = origQty;
        this.stopPrice = stopPrice;
        this.origQuoteOrderQty = origQuoteOrderQty;
        this.stpMode = stpMode;
        this.time = time;
        this.updateTime = time;
    }

    /** The owning account's API key. */
    public String apiKey() {
        return account.apiKey();
    }

    public String symbol() {
        return symbol;
    }

    /** Per symbol, increasing; shared with the synthetic participants' orders. */
    public long orderId() {
        return orderId;
    }

    /** Always -1: no order lists. */
    public long orderListId() {
        return -1;
    }

    public String clientOrderId() {
        return clientOrderId;
    }

    public Side side() {
        return side;
    }

    public OrderType type() {
        return type;
    }

    /** GTC for types that take no time in force, as Binance reports them. */
    public TimeInForce timeInForce() {
        return timeInForce;
    }

    /** Limit price, 0 for MARKET, STOP_LOSS and TAKE_PROFIT. */
    public long price() {
        return price;
    }

    /**
     * Order quantity. For a MARKET order given by {@code quoteOrderQty} it is the quantity the
     * book could give for that amount when the order arrived, which is what it executes.
     */
    public long origQty() {
        return origQty;
    }

    public long executedQty() {
        return executedQty;
    }

    /** Money traded so far at the cash scale (Binance's spelling). */
    public long cummulativeQuoteQty() {
        return cummulativeQuoteQty;
    }

    public OrderStatus status() {
        return status;
    }

    /** Stop price, 0 when the type has none. */
    public long stopPrice() {
        return stopPrice;
    }

    /** Creation time, also the new-order response's {@code transactTime}. */
    public long time() {
        return time;
    }

    public long updateTime() {
        return updateTime;
    }

    /** When the order started working (at placement, or when a stop triggered); -1 before. */
    public long workingTime() {
        return workingTime;
    }

    /** False for a stop order that has not triggered yet. */
    public boolean isWorking() {
        return working;
    }

    /** The {@code quoteOrderQty} sent with a MARKET order (cash scale), 0 otherwise. */
    public long origQuoteOrderQty() {
        return origQuoteOrderQty;
    }

    public SelfTradePreventionMode selfTradePreventionMode() {
        return stpMode;
    }

    /** Quantity expired by self-trade prevention (0 unless {@link OrderStatus#EXPIRED_IN_MATCH}). */
    public long preventedQuantity() {
        return preventedQuantity;
    }

    /** Client id of the cancel request that canceled this order, or null. */
    public String cancelClientOrderId() {
        return cancelClientOrderId;
    }

    /** All fills of this order so far, oldest first (read-only view). */
    public List<SimFill> fills() {
        return Collections.unmodifiableList(fills);
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    /** Quantity not yet executed. */
    public long remainingQty() {
        return origQty - executedQty;
    }

    @Override
    public String toString() {
        return "SimOrder[" + symbol + " #" + orderId + " " + clientOrderId + " " + side + " " + type + " " + timeInForce
                + " qty=" + origQty + " price=" + price + " executed=" + executedQty + " " + status + "]";
    }
}
