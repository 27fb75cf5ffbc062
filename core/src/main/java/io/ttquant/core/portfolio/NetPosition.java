package io.ttquant.core.portfolio;

import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Side;

/**
 * The average-cost arithmetic of a position, the one copy of it: net quantity (raw, signed:
 * long &gt; 0), cost basis (cash scale, signed like the quantity) and realized PnL (cash scale,
 * before fees). A reduction removes cost basis pro rata (rounded half-up) and the rounding lands
 * in realized PnL, so {@code sum(sell notionals) - sum(buy notionals) == realizedPnl - costBasis}
 * holds exactly. It needs no instrument: the caller passes each fill's notional. Used by
 * {@link Position} and by the gateway's journal replay; it never formats, marks or validates.
 */
public final class NetPosition {
    private long netQty;
    private long costBasis;
    private long realizedPnl;

    /**
     * Applies a fill of {@code qty} whose notional (price x qty, cash scale) is {@code notional};
     * returns its realized PnL (cash scale, before fees).
     */
    public long apply(Side side, long qty, long notional) {
        long signedQty = side == Side.BUY ? qty : -qty;
        if (netQty == 0 || Long.signum(netQty) == Long.signum(signedQty)) {
            netQty = Math.addExact(netQty, signedQty);
            costBasis = Math.addExact(costBasis, side == Side.BUY ? notional : -notional);
            return 0;
        }
        long open = Math.abs(netQty);
        long closeQty = Math.min(qty, open);
        long closeNotional = closeQty == qty ? notional : Fixed.mulDiv(notional, closeQty, qty);
        long removedBasis = closeQty == open ? costBasis : Fixed.mulDiv(costBasis, closeQty, open);
        // Closing a long (a sell) receives cash; closing a short (a buy) pays it.
        long realized = (side == Side.SELL ? closeNotional : -closeNotional) - removedBasis;
        realizedPnl = Math.addExact(realizedPnl, realized);
        costBasis -= removedBasis;
        netQty = Math.addExact(netQty, side == Side.BUY ? closeQty : -closeQty);
        long rest = qty - closeQty;
        if (rest > 0) {
            long restNotional = notional - closeNotional;
            netQty = side == Side.BUY ? rest : -rest;
            costBasis = side == Side.BUY ? restNotional : -restNotional;
        }
        return realized;
    }

    /** Sets the three numbers (a position rebuilt from storage); the caller checks they agree. */
    public void set(long netQty, long costBasis, long realizedPnl) {
        this.netQty = netQty;
        this.costBasis = costBasis;
        this.realizedPnl = realizedPnl;
    }

    public long netQty() {
        return netQty;
    }

    public long costBasis() {
        return costBasis;
    }

    public long realizedPnl() {
        return realizedPnl;
    }
}
