package io.ttquant.binance.stream;

/** The Binance stream events {@link StreamMessageDecoder} delivers, one per {@link StreamEventSink} method. */
public enum StreamEventKind {
    /** {@code <symbol>@trade}. */
    TRADE,
    /** {@code <symbol>@aggTrade}. */
    AGG_TRADE,
    /** {@code <symbol>@bookTicker}. */
    BOOK_TICKER,
    /** {@code <symbol>@depth} and {@code <symbol>@depth@100ms}. */
    DEPTH_DIFF,
    /** {@code <symbol>@depth<5|10|20>[@100ms]}, and REST depth snapshots decoded the same way. */
    PARTIAL_DEPTH,
    /** {@code <symbol>@kline_<interval>}. */
    KLINE,
    /** {@code serverShutdown}: the connection will be closed soon. */
    SERVER_SHUTDOWN
}
