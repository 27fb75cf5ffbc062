package io.ttquant.core.order;

/**
 * How long an order stays working: GTC rests until canceled; IOC fills what it can at once and
 * expires the rest; FOK fills entirely at once or expires untouched; GTX (post-only) must add
 * liquidity and is rejected if it would take.
 */
public enum TimeInForce {
    GTC,
    IOC,
    FOK,
    GTX
}
