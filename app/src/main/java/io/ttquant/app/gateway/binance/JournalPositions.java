package io.ttquant.app.gateway.binance;

/**
 * The gateway's net position in a symbol, summed over its strategies (raw, the instrument's
 * quantity scale): what the journal rebuilt at a restart plus the fills applied since. The
 * {@link BinanceVenue}'s restart reconciliation reads it on the gateway's thread to report the
 * account's balances beside the positions; it never changes a position.
 */
@FunctionalInterface
public interface JournalPositions {
    long netQty(String symbol);
}
