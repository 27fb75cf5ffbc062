package io.ttquant.core.strategy;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.OrderBook;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.portfolio.PortfolioView;
import io.ttquant.core.portfolio.Position;
import io.ttquant.core.time.Clock;
import java.util.List;

/**
 * Everything a strategy may do or see: order commands, its portfolio and positions, instrument
 * rules, market state and time. Implemented by the backtest engine now and by the live engine
 * later, with the same behaviour. Prices and quantities are raw longs at the instrument's scales.
 *
 * <p>Commands never throw for a refused order: {@link #submit} returns the order, already
 * REJECTED with a reason when a check refused it.
 */
public interface StrategyContext {
    String strategyId();

    Clock clock();

    /** The instruments this strategy trades. */
    List<Instrument> instruments();

    /** An instrument by symbol, or null. */
    Instrument instrument(String symbol);

    PortfolioView portfolio();

    Position position(Instrument instrument);

    /** The local L2 book (empty when there is no book data). */
    OrderBook book(Instrument instrument);

    /** Best bid, 0 when unknown. */
    long bestBid(Instrument instrument);

    /** Best ask, 0 when unknown. */
    long bestAsk(Instrument instrument);

    /** Last trade or bar close price, 0 when unknown. */
    long lastPrice(Instrument instrument);

    /** This strategy's open orders (a live view; do not modify). */
    List<Order> openOrders();

    /** Sends an order. The returned order is NEW (on its way) or REJECTED with {@link Order#reason()}. */
    Order submit(Instrument instrument, Side side, OrderType type, TimeInForce timeInForce,
                 long quantity, long price, long stopPrice, boolean reduceOnly);

    /** Requests a cancel; false when the order is not open. */
    boolean cancel(Order order);

    /** Cancels {@code order} and sends a copy with a new quantity and price; returns the new order. */
    Order replace(Order order, long newQuantity, long newPrice);

    /** Schedules {@link Strategy#onTimer} at {@code atNanos}; returns the timer id. */
    long scheduleTimer(long atNanos);

    default Order buyMarket(Instrument instrument, long quantity) {
        return submit(instrument, Side.BUY, OrderType.MARKET, TimeInForce.GTC, quantity, 0, 0, false);
    }

    default Order sellMarket(Instrument instrument, long quantity) {
        return submit(instrument, Side.SELL, OrderType.MARKET, TimeInForce.GTC, quantity, 0, 0, false);
    }

    default Order buyLimit(Instrument instrument, long quantity, long price, TimeInForce tif) {
        return submit(instrument, Side.BUY, OrderType.LIMIT, tif, quantity, price, 0, false);
    }

    default Order sellLimit(Instrument instrument, long quantity, long price, TimeInForce tif) {
        return submit(instrument, Side.SELL, OrderType.LIMIT, tif, quantity, price, 0, false);
    }

    /** Cancels every open order of this strategy; returns how many cancels were sent. */
    default int cancelAll() {
        List<Order> open = openOrders();
        Order[] copy = open.toArray(new Order[0]);
        int n = 0;
        for (Order o : copy) {
            if (cancel(o)) {
                n++;
            }
        }
        return n;
    }
}
