package io.ttquant.bench.pipeline;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.strategy.Strategy;
import io.ttquant.core.strategy.StrategyContext;
import io.ttquant.core.strategy.StrategyParams;

/**
 * The tick-to-trade benchmark's strategy: every market trade gets a market order of {@code qty}
 * (marketable against the paper venue, so it fills at once), alternately buy and sell so that the
 * position stays between 0 and {@code qty}. For each order that left it keeps the trade id it
 * answered (the market data side's event number) and, when the fill comes back, the
 * {@link System#nanoTime()} of its {@code onFill} — the "fill back at the strategy" timestamp,
 * comparable with the other processes' on the same host. An order the engine's sender refused
 * (VENUE_UNAVAILABLE: its queue to the gateway was full) never reached the gateway and is left out
 * of {@link #leftOrders()}, so that the rest line up with the gateway's arrival order. Reading
 * nanoTime is what a benchmark
 * probe may do and a real strategy must never (its time is its context's clock). Arrays of
 * {@code capacity} orders are allocated at construction; nothing is allocated per event.
 */
public final class TickToTradeStrategy implements Strategy {
    private final String qtyText;
    private final long[] tradeIdBySent;
    private final long[] fillNanosBySent;
    /** Sent index of each order, by engine order id minus the first one; -1 for orders that never left. */
    private final int[] sentByOrder;
    private StrategyContext ctx;
    private Instrument instrument;
    private long qty;
    private long firstOrderId = -1;
    private int orders;
    private int sent;
    private long refused;

    public TickToTradeStrategy(StrategyParams p) {
        this.qtyText = StrategyParams.requirePositiveDecimal("qty", p.string("qty", "0.001"));
        int capacity = p.integer("capacity", 2_000_000);
        this.tradeIdBySent = new long[capacity];
        this.fillNanosBySent = new long[capacity];
        this.sentByOrder = new int[capacity];
    }

    @Override
    public void onStart(StrategyContext context) {
        this.ctx = context;
        this.instrument = context.instruments().get(0);
        this.qty = instrument.qty(qtyText);
    }

    @Override
    public void onTrade(TradeTick trade) {
        if (orders == sentByOrder.length || trade.instrument() != instrument) {
            return;
        }
        Order o = (orders & 1) == 0 ? ctx.buyMarket(instrument, qty) : ctx.sellMarket(instrument, qty);
        if (firstOrderId < 0) {
            firstOrderId = o.orderId();
        }
        int index = (int) (o.orderId() - firstOrderId);
        orders++;
        if (index < 0 || index >= sentByOrder.length) {
            return;
        }
        if (o.status() == OrderStatus.REJECTED) {
            sentByOrder[index] = -1;
            refused++;
            return;
        }
        sentByOrder[index] = sent;
        tradeIdBySent[sent] = trade.tradeId();
        sent++;
    }

    @Override
    public void onOrderUpdate(Order order) {
        if (order.status() != OrderStatus.REJECTED || order.reason() != RejectReason.VENUE_UNAVAILABLE || firstOrderId < 0) {
            return;
        }
        int index = (int) (order.orderId() - firstOrderId);
        int s = index < 0 || index >= sentByOrder.length ? -1 : sentByOrder[index];
        if (s >= 0 && tradeIdBySent[s] >= 0) {
            tradeIdBySent[s] = -1;
            refused++;
        }
    }

    @Override
    public void onFill(Fill fill) {
        long now = System.nanoTime();
        int index = (int) (fill.orderId() - firstOrderId);
        if (firstOrderId < 0 || index < 0 || index >= sentByOrder.length) {
            return;
        }
        int s = sentByOrder[index];
        if (s >= 0 && fillNanosBySent[s] == 0) {
            fillNanosBySent[s] = now;
        }
    }

    /** Orders that left, in the order they left (the gateway receives them in this order). */
    public int sent() {
        return sent;
    }

    /**
     * The orders that reached the gateway, in the order they left: {trade id answered, fill time at
     * the strategy (0 when none)} per order.
     */
    public long[][] leftOrders() {
        int n = 0;
        for (int i = 0; i < sent; i++) {
            n += tradeIdBySent[i] >= 0 ? 1 : 0;
        }
        long[] trades = new long[n];
        long[] fills = new long[n];
        int k = 0;
        for (int i = 0; i < sent; i++) {
            if (tradeIdBySent[i] >= 0) {
                trades[k] = tradeIdBySent[i];
                fills[k++] = fillNanosBySent[i];
            }
        }
        return new long[][] {trades, fills};
    }

    /** Orders refused before they left (the engine's own checks, or its sender's full queue). */
    public long refused() {
        return refused;
    }

    /** When each sent order's first fill reached {@code onFill} (nanoTime), 0 when none did. */
    public long[] fillNanosBySent() {
        return fillNanosBySent;
    }
}
