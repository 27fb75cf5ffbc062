package io.ttquant.bench;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.strategy.BaseStrategy;

/**
 * A benchmark strategy that trades on every tick: while flat it rests a buy limit {@code offset}
 * ticks under the last trade and moves it when the market runs more than {@code offset} ticks
 * away; once filled it rests a sell limit {@code offset} ticks above its entry. Keeps the matching
 * engine busy with resting orders and the portfolio with fills.
 */
final class TickQuoter extends BaseStrategy {
    private final long offsetTicks;
    private Instrument instrument;
    private long qty;
    private Order entry;
    private Order exit;

    TickQuoter(long offsetTicks) {
        this.offsetTicks = offsetTicks;
    }

    @Override
    protected void onStarted() {
        instrument = tradedInstrument("");
        qty = quantity(instrument, "0.01");
    }

    @Override
    public void onTrade(TradeTick trade) {
        long offset = offsetTicks * instrument.tickSize();
        long position = position(instrument).netQty();
        if (position == 0) {
            if (entry == null || entry.status().isTerminal()) {
                entry = ctx().buyLimit(instrument, qty, trade.price() - offset, TimeInForce.GTC);
            } else if (entry.isOpen() && trade.price() - entry.price() > 2 * offset) {
                ctx().cancel(entry);
            }
        } else if (position > 0 && (exit == null || exit.status().isTerminal())) {
            exit = ctx().sellLimit(instrument, position, position(instrument).avgEntryPrice() + offset, TimeInForce.GTC);
        }
    }
}
