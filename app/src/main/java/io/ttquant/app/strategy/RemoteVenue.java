package io.ttquant.app.strategy;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.OrderBook;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.time.Clock;
import io.ttquant.core.venue.Venue;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One strategy's {@link Venue} in the live engine: the gateway, reached by encoded order commands.
 * An order the strategy's host has already validated and funded is checked against the strategy's
 * engine-side limits, encoded ({@link OrderCommandWriter}, numbered per strategy) and handed to the
 * {@link OrderSender}; an order refused here (a limit, or a sender that cannot take it) is rejected
 * through {@link Rejects}, after the current callback, like a venue rejection. Cancels go out by
 * client order id. Prices and the book come from the engine's {@link MarketView}. What the gateway
 * then reports reaches the strategy through the engine, never through this class.
 *
 * <p>It must never block and never throw for a refusal. It allocates nothing per order beyond what
 * the sender does. The engine's thread owns it.
 */
final class RemoteVenue implements Venue {
    /** Where orders refused before they left are reported. */
    interface Rejects {
        void onRefused(Order sent, RejectReason reason);

        void onSent(Order sent);
    }

    private final byte[] strategy;
    private final byte[] venue;
    private final Instrument[] instruments;
    private final byte[][] symbols;
    private final OrderSender sender;
    private final OrderCommandWriter writer = new OrderCommandWriter();
    private final MarketView market;
    private final Clock clock;
    private final EngineRiskLimits limits;
    private final Rejects rejects;
    private StrategySlot slot;
    private long sequence;
    private long ordersSent;
    private long cancelsSent;
    private long refusedByLimits;
    private long refusedBySender;

    RemoteVenue(String strategyId, String venueName, List<Instrument> instruments, OrderSender sender, MarketView market,
                Clock clock, EngineRiskLimits limits, Rejects rejects) {
        this.strategy = strategyId.getBytes(StandardCharsets.US_ASCII);
        this.venue = venueName.getBytes(StandardCharsets.US_ASCII);
        this.instruments = instruments.toArray(new Instrument[0]);
        this.symbols = new byte[this.instruments.length][];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = this.instruments[i].symbol().getBytes(StandardCharsets.US_ASCII);
        }
        this.sender = sender;
        this.market = market;
        this.clock = clock;
        this.limits = limits;
        this.rejects = rejects;
    }

    /** The strategy this venue serves; set once, before the first order. */
    void attach(StrategySlot slot) {
        this.slot = slot;
    }

    @Override
    public void submit(Order order) {
        Instrument ins = order.instrument();
        long reference = order.side() == Side.BUY ? market.bestAsk(ins) : market.bestBid(ins);
        if (reference == 0) {
            reference = market.lastPrice(ins);
        }
        RejectReason reason = limits.check(order, reference, slot.host.portfolioState().position(ins).netQty(),
                slot.host.openOrders());
        if (reason != null) {
            refusedByLimits++;
            rejects.onRefused(order, reason);
            return;
        }
        rejects.onSent(order);
        long now = clock.nanos();
        int length = writer.newOrder(++sequence, now, order, strategy, venue, symbol(ins));
        if (!sender.send(writer.buffer(), 0, length)) {
            refusedBySender++;
            rejects.onRefused(order, RejectReason.VENUE_UNAVAILABLE);
            return;
        }
        ordersSent++;
    }

    @Override
    public boolean cancel(Order order) {
        long now = clock.nanos();
        int length = writer.cancelOrder(++sequence, now, order, strategy, venue, symbol(order.instrument()));
        if (!sender.send(writer.buffer(), 0, length)) {
            refusedBySender++;
            return false;
        }
        cancelsSent++;
        return true;
    }

    private byte[] symbol(Instrument ins) {
        for (int i = 0; i < instruments.length; i++) {
            if (instruments[i] == ins) {
                return symbols[i];
            }
        }
        throw new IllegalStateException("the strategy does not trade " + ins.symbol());
    }

    @Override
    public OrderBook book(Instrument instrument) {
        return market.book(instrument);
    }

    @Override
    public long bestBid(Instrument instrument) {
        return market.bestBid(instrument);
    }

    @Override
    public long bestAsk(Instrument instrument) {
        return market.bestAsk(instrument);
    }

    @Override
    public long lastPrice(Instrument instrument) {
        return market.lastPrice(instrument);
    }

    /** New orders handed to the sender. */
    long ordersSent() {
        return ordersSent;
    }

    long cancelsSent() {
        return cancelsSent;
    }

    /** Orders the engine-side limits refused. */
    long refusedByLimits() {
        return refusedByLimits;
    }

    /** Orders and cancels the sender could not take. */
    long refusedBySender() {
        return refusedBySender;
    }
}
