package io.ttquant.core.exchange;

/**
 * When a resting limit order fills from trade, quote or bar data (without a queue position).
 */
public enum LimitFillRule {
    /**
     * A buy at L fills when the market trades or offers at or below L (a sell: at or above L).
     * A touch exactly at L fills at most the quantity seen at L (the trade's or the quote's size).
     */
    TOUCH,
    /**
     * A buy at L fills only when the market trades or offers strictly below L (a sell: strictly
     * above): the level was certainly cleared. Conservative; the default.
     */
    THROUGH
}
