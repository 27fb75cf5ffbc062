package io.ttquant.core.strategy;

import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.OrderBook;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;

/**
 * A trading strategy: events in, order commands out through its {@link StrategyContext}. The same
 * object runs unchanged in backtests, paper and live trading; only the context behind it differs.
 *
 * <p>Callbacks arrive on one thread, one at a time, never re-entrantly: order updates and fills
 * caused by a command are delivered after the current callback returns. Event objects are reused
 * by the engine: copy what you need, never keep a reference. A strategy must never read the wall
 * clock (use {@link StrategyContext#clock()}), block, or share mutable state with another strategy.
 */
public interface Strategy {
    /** Called once before any event, with the context to keep. */
    void onStart(StrategyContext context);

    /** Called once after the last event; open orders are still open here and may be canceled. */
    default void onStop() {
    }

    default void onTrade(TradeTick trade) {
    }

    default void onQuote(QuoteTick quote) {
    }

    /** A closed bar. */
    default void onBar(Bar bar) {
    }

    /** An L2 update, with the local book already updated by it. */
    default void onBook(BookUpdate update, OrderBook book) {
    }

    /** Any status change of one of this strategy's orders (also immediate rejections). */
    default void onOrderUpdate(Order order) {
    }

    /** An execution of one of this strategy's orders, delivered before the matching order update. */
    default void onFill(Fill fill) {
    }

    /** A timer set with {@link StrategyContext#scheduleTimer(long)} fired. */
    default void onTimer(long timerId, long nowNanos) {
    }
}
