package io.ttquant.binance.stream;

import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;

/**
 * Receives the events {@link StreamMessageDecoder} decodes, on the decoding thread, one call per
 * message. The event objects belong to the decoder and are overwritten by the next message: copy
 * what you keep before returning, never hold on to the object. Every method defaults to ignoring
 * the event, so a consumer overrides only what it needs.
 *
 * <p>Times: exchange time is Binance's event time {@code E} (trades: the trade time {@code T})
 * converted from milliseconds to nanoseconds; receive time is what the caller passed to
 * {@code decode}.
 */
public interface StreamEventSink {
    /** {@code <symbol>@trade}: tradeId is {@code t}; the aggressor is SELL when the buyer was the maker ({@code m}), else BUY. */
    default void onTrade(TradeTick trade) {
    }

    /** {@code <symbol>@aggTrade}: tradeId is the aggregate id {@code a}; {@code f} and {@code l} bound the trades it covers. */
    default void onAggTrade(TradeTick trade, long firstTradeId, long lastTradeId) {
    }

    /** {@code <symbol>@bookTicker} with its order-book update id {@code u}. Spot sends no event time: exchange time = receive time. */
    default void onBookTicker(QuoteTick quote, long updateId) {
    }

    /** {@code <symbol>@depth[@100ms]}: not a snapshot; firstUpdateId = {@code U}, lastUpdateId = {@code u}; quantity 0 deletes a level. */
    default void onDepthDiff(BookUpdate diff) {
    }

    /**
     * {@code <symbol>@depth<N>[@100ms]} (or a REST depth snapshot decoded with a known instrument):
     * a snapshot of the top levels with first = last update id = {@code lastUpdateId}. It carries
     * no event time: exchange time = receive time.
     */
    default void onPartialDepth(BookUpdate top) {
    }

    /**
     * {@code <symbol>@kline_<interval>}; {@code closed} is {@code x}. The bar's interval is
     * {@code T - t + 1} ms; as {@link Bar#set} defines, its exchange and receive times are its close
     * time. The message's event time and receive time are on {@link StreamMessageDecoder}.
     */
    default void onKline(Bar bar, boolean closed) {
    }

    /** {@code {"e":"serverShutdown","E":...}}: the server will close this connection soon; reconnect. */
    default void onServerShutdown(long eventTimeMillis) {
    }
}
