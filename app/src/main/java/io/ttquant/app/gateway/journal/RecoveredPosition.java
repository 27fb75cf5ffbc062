package io.ttquant.app.gateway.journal;

import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Side;
import io.ttquant.core.portfolio.NetPosition;
import java.util.Arrays;

/**
 * A position rebuilt from journaled fills, for one strategy on one venue and symbol, or for the
 * whole account (all strategies) on a venue and symbol: net quantity, cost basis and realized PnL
 * exact at the cash scale, and fees per fee asset.
 *
 * <p>The arithmetic is core's {@link NetPosition}, the same as {@link io.ttquant.core.portfolio.Position}'s
 * (average cost; a reduction removes cost basis pro rata, rounded half-up, and the rounding lands
 * in realized PnL), so the same fills give the same numbers as the gateway's live portfolio, and
 * {@code sum(sell notionals) - sum(buy notionals) == realizedPnl - costBasis} holds exactly. It
 * needs no {@link io.ttquant.core.instrument.Instrument}: the scales come with the fills. Mutated
 * only by the replay that builds it.
 */
public final class RecoveredPosition {
    private final String strategy;
    private final String venue;
    private final String symbol;
    private final int priceScale;
    private final int qtyScale;
    private final NetPosition net = new NetPosition();
    private String[] feeAssets = new String[2];
    private long[] feeAmounts = new long[2];
    private int feeCount;

    RecoveredPosition(String strategy, String venue, String symbol, int priceScale, int qtyScale) {
        this.strategy = strategy;
        this.venue = venue;
        this.symbol = symbol;
        this.priceScale = priceScale;
        this.qtyScale = qtyScale;
    }

    /** Applies a fill of {@code qty} at {@code price}; returns its realized PnL (cash scale, before fees). */
    long apply(Side side, long qty, long price) {
        return net.apply(side, qty, Fixed.notional(price, priceScale, qty, qtyScale));
    }

    void addFee(String asset, long amount) {
        for (int i = 0; i < feeCount; i++) {
            if (feeAssets[i].equals(asset)) {
                feeAmounts[i] = Math.addExact(feeAmounts[i], amount);
                return;
            }
        }
        if (feeCount == SnapshotPositionRecord.MAX_FEE_ASSETS) {
            throw new ArithmeticException("more than " + SnapshotPositionRecord.MAX_FEE_ASSETS + " fee assets on one position");
        }
        if (feeCount == feeAssets.length) {
            feeAssets = Arrays.copyOf(feeAssets, feeCount * 2);
            feeAmounts = Arrays.copyOf(feeAmounts, feeCount * 2);
        }
        feeAssets[feeCount] = asset;
        feeAmounts[feeCount++] = amount;
    }

    void restore(long netQty, long costBasis, long realizedPnl) {
        net.set(netQty, costBasis, realizedPnl);
    }

    /** The strategy; empty for an account position. */
    public String strategy() {
        return strategy;
    }

    public boolean isAccount() {
        return strategy.isEmpty();
    }

    public String venue() {
        return venue;
    }

    public String symbol() {
        return symbol;
    }

    public int priceScale() {
        return priceScale;
    }

    public int qtyScale() {
        return qtyScale;
    }

    /** Signed net quantity at the quantity scale. */
    public long netQty() {
        return net.netQty();
    }

    /** Cost basis at the cash scale (negative for a short). */
    public long costBasis() {
        return net.costBasis();
    }

    /** Realized PnL at the cash scale, before fees. */
    public long realizedPnl() {
        return net.realizedPnl();
    }

    /** Fees paid in {@code asset} (cash scale), 0 when none. */
    public long fees(String asset) {
        for (int i = 0; i < feeCount; i++) {
            if (feeAssets[i].equals(asset)) {
                return feeAmounts[i];
            }
        }
        return 0;
    }

    /** How many fee assets this position paid fees in. */
    public int feeAssetCount() {
        return feeCount;
    }

    /** The i-th fee asset, in first-paid order. */
    public String feeAsset(int i) {
        if (i < 0 || i >= feeCount) {
            throw new IndexOutOfBoundsException(i);
        }
        return feeAssets[i];
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Position{").append(isAccount() ? "account" : strategy).append(' ').append(venue)
                .append(' ').append(symbol).append(" net ").append(Fixed.format(net.netQty(), qtyScale)).append(" basis ")
                .append(Fixed.format(net.costBasis(), Fixed.CASH_SCALE)).append(" realized ")
                .append(Fixed.format(net.realizedPnl(), Fixed.CASH_SCALE)).append(" fees");
        for (int i = 0; i < feeCount; i++) {
            s.append(' ').append(Fixed.format(feeAmounts[i], Fixed.CASH_SCALE)).append(' ').append(feeAssets[i]);
        }
        return s.append('}').toString();
    }
}
