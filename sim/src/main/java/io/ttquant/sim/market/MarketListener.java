package io.ttquant.sim.market;

/**
 * Receives public market events, synchronously on the engine thread, in the order they happen.
 * Implementations (the transport's stream publishers) must return quickly, must not call back
 * into {@link SimExchange}'s mutating methods, and must copy what they keep. An exception thrown
 * here is counted and otherwise ignored ({@link SimExchange#listenerErrors()}).
 */
public interface MarketListener {
    /** A trade printed ({@code <symbol>@trade}). */
    default void onTrade(SymbolMarket market, SimTrade trade) {
    }

    /**
     * An aggregate trade is complete ({@code <symbol>@aggTrade}): the taker moved to another price
     * or finished matching.
     */
    default void onAggTrade(SymbolMarket market, SimAggTrade aggTrade) {
    }

    /**
     * The best bid or ask price or quantity changed ({@code <symbol>@bookTicker}); read them from
     * {@code market}, with {@link SymbolMarket#lastUpdateId()} as {@code u}. Sent at most once per
     * engine operation (an order, a cancel, a synthetic action).
     */
    default void onBookTicker(SymbolMarket market) {
    }

    /** A 1-minute kline closed (its final {@code <symbol>@kline_1m} event, {@code x=true}). */
    default void onKline1mClosed(SymbolMarket market, Kline kline) {
    }
}
