package io.ttquant.core.engine;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.OrderBook;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.portfolio.Portfolio;
import io.ttquant.core.portfolio.PortfolioView;
import io.ttquant.core.portfolio.Position;
import io.ttquant.core.strategy.Strategy;
import io.ttquant.core.strategy.StrategyContext;
import io.ttquant.core.time.Clock;
import io.ttquant.core.venue.ExecutionListener;
import io.ttquant.core.venue.Venue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one strategy: implements its {@link StrategyContext} and puts every order through the same
 * pre-trade path in every mode — order validation against the instrument's filters, the reduce-only
 * rule, then the cash account's reservation — before it reaches the {@link Venue}. A refused order
 * is returned REJECTED with its reason, counted in the portfolio, and reported through the
 * execution listener like any venue rejection. It never throws for a user mistake.
 *
 * <p>The venue gets its own copy of each order; the strategy's order changes only when the venue's
 * reports are applied to it, one by one, exactly as in live trading where the venue is remote.
 */
public final class StrategyHost implements StrategyContext {
    private final String strategyId;
    private final Strategy strategy;
    private final Portfolio portfolio;
    private final Venue venue;
    private final Clock clock;
    private final List<Instrument> instruments;
    private final OrderIdSource orderIds;
    private final TimerService timers;
    private final ExecutionListener reports;
    private final long takerFeePpm;
    private final List<Order> openOrders = new ArrayList<>();
    private final List<Order> openOrdersView = Collections.unmodifiableList(openOrders);
    private final List<Order> allOrders = new ArrayList<>();
    private final Map<Long, Order> venueOrders = new HashMap<>();
    private final Map<Long, Order> ownOrders = new HashMap<>();
    private long clientSeq;
    private boolean stopped;

    public StrategyHost(String strategyId, Strategy strategy, Portfolio portfolio, Venue venue, Clock clock,
                        List<Instrument> instruments, OrderIdSource orderIds, TimerService timers,
                        ExecutionListener reports, long takerFeePpm) {
        this.strategyId = strategyId;
        this.strategy = strategy;
        this.portfolio = portfolio;
        this.venue = venue;
        this.clock = clock;
        this.instruments = List.copyOf(instruments);
        this.orderIds = orderIds;
        this.timers = timers;
        this.reports = reports;
        this.takerFeePpm = takerFeePpm;
        for (Instrument i : instruments) {
            portfolio.register(i);
        }
    }

    public Strategy strategy() {
        return strategy;
    }

    public Portfolio portfolioState() {
        return portfolio;
    }

    /** Every order this strategy sent, in order. */
    public List<Order> allOrders() {
        return allOrders;
    }

    /** After this no order is accepted from the strategy. */
    public void stop() {
        stopped = true;
    }

    /** Called by the engine when one of this strategy's orders reached a terminal state. */
    public void orderClosed(Order order) {
        openOrders.remove(order);
        venueOrders.remove(order.orderId());
        ownOrders.remove(order.orderId());
        portfolio.release(order);
    }

    /**
     * Adopts an order already working at the venue that this host did not send (found there when a
     * live engine restarts): it joins the strategy's open orders, the venue's reports are applied to
     * it and {@link #cancel} reaches the venue, exactly as for an order sent here. Funds are not
     * locked here: the caller reserves what the order's rest needs. Call before the strategy starts.
     */
    public void adoptOpenOrder(Order order) {
        if (order.status().isTerminal() || !strategyId.equals(order.strategyId()) || ownOrders.containsKey(order.orderId())) {
            throw new IllegalArgumentException("cannot adopt " + order);
        }
        allOrders.add(order);
        openOrders.add(order);
        venueOrders.put(order.orderId(), order.copyRequest());
        ownOrders.put(order.orderId(), order);
    }

    /**
     * Numbers the next client order ids above {@code lastUsed} (ids are {@code <strategyId>-<n>}), so
     * that a restarted live engine never repeats an id its venue still remembers.
     */
    public void continueClientSequence(long lastUsed) {
        clientSeq = Math.max(clientSeq, lastUsed);
    }

    /** The strategy's own copy of an order the venue reports on, or null if it is not one of ours. */
    public Order ownOrder(long orderId) {
        return ownOrders.get(orderId);
    }

    @Override
    public String strategyId() {
        return strategyId;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public Instrument instrument(String symbol) {
        for (int i = 0, n = instruments.size(); i < n; i++) {
            if (instruments.get(i).symbol().equals(symbol)) {
                return instruments.get(i);
            }
        }
        return null;
    }

    @Override
    public PortfolioView portfolio() {
        return portfolio;
    }

    @Override
    public Position position(Instrument instrument) {
        return portfolio.position(instrument);
    }

    @Override
    public OrderBook book(Instrument instrument) {
        return venue.book(instrument);
    }

    @Override
    public long bestBid(Instrument instrument) {
        return venue.bestBid(instrument);
    }

    @Override
    public long bestAsk(Instrument instrument) {
        return venue.bestAsk(instrument);
    }

    @Override
    public long lastPrice(Instrument instrument) {
        return venue.lastPrice(instrument);
    }

    @Override
    public List<Order> openOrders() {
        return openOrdersView;
    }

    @Override
    public Order submit(Instrument instrument, Side side, OrderType type, TimeInForce timeInForce,
                        long quantity, long price, long stopPrice, boolean reduceOnly) {
        long now = clock.nanos();
        Order order = new Order(orderIds.next(), strategyId + "-" + (++clientSeq), strategyId, instrument, side, type,
                timeInForce, quantity, price, stopPrice, reduceOnly, now);
        allOrders.add(order);
        RejectReason reason = preTradeCheck(order);
        if (reason != null) {
            order.reject(reason, now);
            portfolio.countRejection(reason);
            reports.onOrderUpdate(order);
            return order;
        }
        openOrders.add(order);
        Order sent = order.copyRequest();
        venueOrders.put(order.orderId(), sent);
        ownOrders.put(order.orderId(), order);
        venue.submit(sent);
        return order;
    }

    private RejectReason preTradeCheck(Order order) {
        if (stopped) {
            return RejectReason.STRATEGY_STOPPED;
        }
        if (instrument(order.instrument().symbol()) != order.instrument()) {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        RejectReason r = order.validate();
        if (r != null) {
            return r;
        }
        if (order.reduceOnly()) {
            long net = portfolio.position(order.instrument()).netQty();
            long reducible = order.side() == Side.BUY ? -net : net;
            if (reducible < order.quantity()) {
                return RejectReason.REDUCE_ONLY_WOULD_INCREASE;
            }
        }
        Instrument ins = order.instrument();
        long reference = order.side() == Side.BUY ? venue.bestAsk(ins) : venue.bestBid(ins);
        if (reference == 0) {
            reference = venue.lastPrice(ins);
        }
        return portfolio.reserve(order, reference, takerFeePpm);
    }

    @Override
    public boolean cancel(Order order) {
        if (order == null || order.status().isTerminal()) {
            return false;
        }
        Order sent = venueOrders.get(order.orderId());
        return sent != null && ownOrders.get(order.orderId()) == order && venue.cancel(sent);
    }

    @Override
    public Order replace(Order order, long newQuantity, long newPrice) {
        cancel(order);
        return submit(order.instrument(), order.side(), order.type(), order.timeInForce(), newQuantity, newPrice,
                order.stopPrice(), order.reduceOnly());
    }

    @Override
    public long scheduleTimer(long atNanos) {
        return timers.schedule(this, atNanos);
    }
}
