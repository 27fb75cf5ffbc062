package io.ttquant.core.portfolio;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.RejectReason;

/**
 * What a strategy may read of its portfolio: balances per asset, positions, equity and fees.
 * Amounts are raw longs at the cash scale (10^-8). Read-only: only the engine changes a portfolio.
 */
public interface PortfolioView {
    /** The asset equity is measured in (e.g. USDT). */
    String valuationAsset();

    /** Free plus locked balance of {@code asset}. */
    long balance(String asset);

    /** Balance available for new orders. */
    long free(String asset);

    /** Balance held for open orders. */
    long locked(String asset);

    /** The position in {@code instrument} (flat if never traded). */
    Position position(Instrument instrument);

    /** Total value in the valuation asset: balances valued at the last mark prices. */
    long equity();

    /** Sum of the absolute market values of all positions, in the valuation asset. */
    long grossExposure();

    /** Fees paid in {@code asset}. */
    long feesPaid(String asset);

    /** Fees paid, all converted to the valuation asset at the time they were paid. */
    long totalFeesInValuation();

    /** Realized PnL over all positions (before fees). */
    long realizedPnl();

    /** Unrealized PnL over all positions at the mark prices. */
    long unrealizedPnl();

    /** How many orders were refused for {@code reason}. */
    long rejections(RejectReason reason);
}
