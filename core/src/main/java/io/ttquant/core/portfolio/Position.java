package io.ttquant.core.portfolio;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Side;

/**
 * The net position in one instrument, kept exactly: net quantity (raw, signed: long &gt; 0), cost basis
 * (cash scale, signed like the quantity) and realized PnL (cash scale, before fees).
 *
 * <p>Invariant, exact to the last unit whatever the sequence of fills: for every instrument,
 * {@code sum(sell notionals) - sum(buy notionals) == realizedPnl - costBasis}. Reducing a position
 * removes cost basis pro rata (rounded half-up), and that rounding lands in realized PnL, so
 * nothing is ever lost or created. Mutated only by its {@link Portfolio}.
 */
public final class Position {
    private final Instrument instrument;
    private final NetPosition net = new NetPosition();
    private long markPrice;

    Position(Instrument instrument) {
        this.instrument = instrument;
    }

    /** Applies a fill of {@code qty} at {@code price}; returns the realized PnL of this fill (cash scale, before fees). */
    long apply(Side side, long qty, long price) {
        return net.apply(side, qty, instrument.notional(price, qty));
    }

    /**
     * Sets the numbers of a position rebuilt from storage; only a position that never saw a fill
     * may be restored. A flat position has no cost basis; an open one's basis has its sign.
     */
    void restore(long netQty, long costBasis, long realizedPnl) {
        if (net.netQty() != 0 || net.costBasis() != 0 || net.realizedPnl() != 0) {
            throw new IllegalStateException("only a position without fills can be restored: " + this);
        }
        if (netQty == 0 ? costBasis != 0 : costBasis != 0 && Long.signum(costBasis) != Long.signum(netQty)) {
            throw new IllegalArgumentException("restored cost basis " + costBasis + " contradicts net quantity " + netQty
                    + " of " + instrument);
        }
        net.set(netQty, costBasis, realizedPnl);
    }

    void mark(long price) {
        this.markPrice = price;
    }

    public Instrument instrument() {
        return instrument;
    }

    /** Signed net quantity at the instrument's quantity scale. */
    public long netQty() {
        return net.netQty();
    }

    public boolean isFlat() {
        return net.netQty() == 0;
    }

    public boolean isLong() {
        return net.netQty() > 0;
    }

    /** Cost basis at the cash scale (negative for a short). */
    public long costBasis() {
        return net.costBasis();
    }

    /** Average entry price (raw, rounded half-up to the price scale); 0 when flat. */
    public long avgEntryPrice() {
        if (net.netQty() == 0) {
            return 0;
        }
        // costBasis(cash scale) / qty(qty scale) -> price scale: * 10^(ps+qs-8)
        int shift = instrument.priceScale() + instrument.qtyScale() - Fixed.CASH_SCALE;
        long absBasis = Math.abs(net.costBasis());
        long absQty = Math.abs(net.netQty());
        if (shift >= 0) {
            return Fixed.mulDiv(absBasis, Fixed.pow10(shift), absQty);
        }
        return Fixed.mulDiv(absBasis, 1, Math.multiplyExact(absQty, Fixed.pow10(-shift)));
    }

    /** Realized PnL at the cash scale, before fees. */
    public long realizedPnl() {
        return net.realizedPnl();
    }

    /** The last mark price (raw), 0 before any. */
    public long markPrice() {
        return markPrice;
    }

    /** Unrealized PnL at the mark price (cash scale). */
    public long unrealizedPnl() {
        return unrealizedPnl(markPrice);
    }

    /** Unrealized PnL at {@code price} (cash scale): signed market value minus cost basis. */
    public long unrealizedPnl(long price) {
        if (net.netQty() == 0) {
            return 0;
        }
        long value = instrument.notional(price, Math.abs(net.netQty()));
        return (net.netQty() > 0 ? value : -value) - net.costBasis();
    }

    /** Absolute market value at the mark price (cash scale). */
    public long exposure() {
        return net.netQty() == 0 ? 0 : instrument.notional(markPrice, Math.abs(net.netQty()));
    }

    @Override
    public String toString() {
        return "Position{" + instrument + " " + instrument.formatQty(net.netQty()) + " basis " + Fixed.format(net.costBasis(), Fixed.CASH_SCALE)
                + " realized " + Fixed.format(net.realizedPnl(), Fixed.CASH_SCALE) + "}";
    }
}
