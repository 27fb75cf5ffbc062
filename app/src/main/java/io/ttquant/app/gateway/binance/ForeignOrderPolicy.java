package io.ttquant.app.gateway.binance;

/**
 * What the {@code binance} venue's restart reconciliation does about open orders on the account
 * whose client id lacks the {@code ttq-} prefix, i.e. orders no TTQuant gateway placed (placed by
 * hand, or by another program sharing the account). They are never the gateway's to cancel or
 * count in its positions; the policy only decides whether their presence keeps the gateway closed.
 */
public enum ForeignOrderPolicy {
    /** Count them, warn, and trade (the default). */
    IGNORE,
    /** Refuse to trade while any is open, saying how many and where. */
    FAIL
}
