package io.ttquant.binance.userdata;

import io.ttquant.binance.trading.BinanceOrderStatus;
import io.ttquant.binance.trading.BinanceOrderType;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;

/**
 * One Binance {@code executionReport}: an order was accepted, canceled, rejected, expired or
 * (partly) filled. Prices are raw longs at the instrument's {@link Instrument#priceScale()},
 * quantities at its {@link Instrument#qtyScale()}, commission and quote amounts at
 * {@link Fixed#CASH_SCALE}; times are epoch nanoseconds (Binance's milliseconds times 10^6).
 *
 * <p>A pre-allocated object owned by the {@link UserDataDecoder} and overwritten by the next
 * message: it is valid only during the listener call that receives it. Copy what must outlive the
 * call; never keep the object or its {@link Utf8Text} fields.
 */
public final class ExecutionReportEvent {
    private final Utf8Text clientOrderId = new Utf8Text();
    private final Utf8Text origClientOrderId = new Utf8Text();
    private final Utf8Text rejectReason = new Utf8Text();
    private final Utf8Text commissionAsset = new Utf8Text();
    private Instrument instrument;
    private long eventTimeNanos;
    private long receiveTimeNanos;
    private Side side;
    private BinanceOrderType orderType;
    private TimeInForce timeInForce;
    private long qty;
    private long price;
    private long stopPrice;
    private ExecutionType executionType;
    private BinanceOrderStatus orderStatus;
    private long orderId;
    private long lastQty;
    private long cumulativeQty;
    private long lastPrice;
    private long commission;
    private long transactionTimeNanos;
    private long tradeId;
    private boolean maker;
    private long cumulativeQuoteQty;
    private long lastQuoteQty;
    private long orderCreationTimeNanos;

    ExecutionReportEvent() {
    }

    /** The instrument of {@code s}, whose scales the prices and quantities use. */
    public Instrument instrument() {
        return instrument;
    }

    /** {@code E}: when Binance emitted the event. */
    public long eventTimeNanos() {
        return eventTimeNanos;
    }

    /** When the message was received, on the stream's clock. */
    public long receiveTimeNanos() {
        return receiveTimeNanos;
    }

    /** {@code c}: the order's client id; for a cancel, the cancel request's own id. */
    public Utf8Text clientOrderId() {
        return clientOrderId;
    }

    /** {@code S}. */
    public Side side() {
        return side;
    }

    /** {@code o}. */
    public BinanceOrderType orderType() {
        return orderType;
    }

    /** {@code f}. */
    public TimeInForce timeInForce() {
        return timeInForce;
    }

    /** {@code q}: the order quantity. */
    public long qty() {
        return qty;
    }

    /** {@code p}: the limit price, 0 for market orders. */
    public long price() {
        return price;
    }

    /** {@code P}: the stop price, 0 when none. */
    public long stopPrice() {
        return stopPrice;
    }

    /** {@code C}: for a cancel, the client id of the order canceled; empty otherwise. */
    public Utf8Text origClientOrderId() {
        return origClientOrderId;
    }

    /** {@code x}. */
    public ExecutionType executionType() {
        return executionType;
    }

    /** {@code X}. */
    public BinanceOrderStatus orderStatus() {
        return orderStatus;
    }

    /** {@code r}: {@code NONE} unless the order was rejected. */
    public Utf8Text rejectReason() {
        return rejectReason;
    }

    /** {@code i}: Binance's order id. */
    public long orderId() {
        return orderId;
    }

    /** {@code l}: quantity of this fill, 0 when the report is not a trade. */
    public long lastQty() {
        return lastQty;
    }

    /** {@code z}: quantity filled so far. */
    public long cumulativeQty() {
        return cumulativeQty;
    }

    /** {@code L}: price of this fill, 0 when the report is not a trade. */
    public long lastPrice() {
        return lastPrice;
    }

    /** {@code n}: commission of this fill at {@link Fixed#CASH_SCALE}. */
    public long commission() {
        return commission;
    }

    /** {@code N}: the asset the commission was taken in; {@link Utf8Text#isNull()} when there was none. */
    public Utf8Text commissionAsset() {
        return commissionAsset;
    }

    /** {@code T}. */
    public long transactionTimeNanos() {
        return transactionTimeNanos;
    }

    /** {@code t}: the trade id, -1 when the report is not a trade. */
    public long tradeId() {
        return tradeId;
    }

    /** {@code m}: this fill made liquidity. */
    public boolean maker() {
        return maker;
    }

    /** {@code Z}: quote quantity filled so far, at {@link Fixed#CASH_SCALE}. */
    public long cumulativeQuoteQty() {
        return cumulativeQuoteQty;
    }

    /** {@code Y}: quote quantity of this fill, at {@link Fixed#CASH_SCALE}. */
    public long lastQuoteQty() {
        return lastQuoteQty;
    }

    /** {@code O}. */
    public long orderCreationTimeNanos() {
        return orderCreationTimeNanos;
    }

    /** True for a fill ({@code x} is {@code TRADE}). */
    public boolean isTrade() {
        return executionType == ExecutionType.TRADE;
    }

    void set(Instrument instrument, long eventTimeNanos, long receiveTimeNanos, Side side, BinanceOrderType orderType,
             TimeInForce timeInForce, long qty, long price, long stopPrice, ExecutionType executionType,
             BinanceOrderStatus orderStatus, long orderId) {
        this.instrument = instrument;
        this.eventTimeNanos = eventTimeNanos;
        this.receiveTimeNanos = receiveTimeNanos;
        this.side = side;
        this.orderType = orderType;
        this.timeInForce = timeInForce;
        this.qty = qty;
        this.price = price;
        this.stopPrice = stopPrice;
        this.executionType = executionType;
        this.orderStatus = orderStatus;
        this.orderId = orderId;
    }

    void setExecution(long lastQty, long cumulativeQty, long lastPrice, long commission, long transactionTimeNanos,
                      long tradeId, boolean maker, long cumulativeQuoteQty, long lastQuoteQty, long orderCreationTimeNanos) {
        this.lastQty = lastQty;
        this.cumulativeQty = cumulativeQty;
        this.lastPrice = lastPrice;
        this.commission = commission;
        this.transactionTimeNanos = transactionTimeNanos;
        this.tradeId = tradeId;
        this.maker = maker;
        this.cumulativeQuoteQty = cumulativeQuoteQty;
        this.lastQuoteQty = lastQuoteQty;
        this.orderCreationTimeNanos = orderCreationTimeNanos;
    }

    @Override
    public String toString() {
        return "ExecutionReport{" + instrument + " " + clientOrderId + " " + side + " " + orderType + " " + executionType
                + "/" + orderStatus + " id=" + orderId + " qty=" + (instrument == null ? qty : instrument.formatQty(qty))
                + " filled=" + (instrument == null ? cumulativeQty : instrument.formatQty(cumulativeQty)) + "}";
    }
}
