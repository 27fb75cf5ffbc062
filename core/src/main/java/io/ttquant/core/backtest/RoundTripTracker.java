package io.ttquant.core.backtest;

import io.ttquant.core.analytics.RoundTrip;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Side;
import java.util.List;

/**
 * Turns the fills of one instrument into round trips: a trip opens when the position leaves flat
 * and closes when it returns to flat (or flips, which closes one trip and opens the next with the
 * remainder). Entry and exit prices are quantity-weighted averages; the trip's PnL is its realized
 * PnL net of the fees of its fills (a flipping fill's fee is split pro rata). Exact longs inside,
 * doubles only in the emitted {@link RoundTrip}.
 */
final class RoundTripTracker {
    private final Instrument instrument;
    private boolean open;
    private Side side;
    private long entryTime;
    private long entryQty;
    private long entryNotional;
    private long exitQty;
    private long exitNotional;
    private long fees;
    private long realized;

    RoundTripTracker(Instrument instrument) {
        this.instrument = instrument;
    }

    /**
     * @param positionBefore the signed net quantity before the fill
     * @param realizedPnl    the realized PnL the fill produced (cash scale, before fees)
     */
    void onFill(Fill fill, long positionBefore, long realizedPnl, List<RoundTrip> out) {
        long qty = fill.qty();
        long notional = fill.notional();
        boolean increases = positionBefore == 0 || Long.signum(positionBefore) == fill.side().sign();
        if (increases) {
            if (!open) {
                start(fill.side() == Side.BUY ? Side.BUY : Side.SELL, fill.timeNanos());
            }
            entryQty += qty;
            entryNotional += notional;
            fees += fill.fee();
            return;
        }
        long openQty = Math.abs(positionBefore);
        long closeQty = Math.min(qty, openQty);
        long closeNotional = closeQty == qty ? notional : Fixed.mulDiv(notional, closeQty, qty);
        long closeFee = closeQty == qty ? fill.fee() : Fixed.mulDiv(fill.fee(), closeQty, qty);
        exitQty += closeQty;
        exitNotional += closeNotional;
        fees += closeFee;
        realized += realizedPnl;
        if (closeQty == openQty) {
            out.add(new RoundTrip(entryTime, fill.timeNanos(), avgPrice(entryNotional, entryQty), avgPrice(exitNotional, exitQty),
                    instrument.qtyToDouble(entryQty), Fixed.toDouble(realized - fees, Fixed.CASH_SCALE),
                    Fixed.toDouble(fees, Fixed.CASH_SCALE), side == Side.BUY ? RoundTrip.Side.LONG : RoundTrip.Side.SHORT));
            open = false;
            long rest = qty - closeQty;
            if (rest > 0) {
                start(fill.side(), fill.timeNanos());
                entryQty = rest;
                entryNotional = notional - closeNotional;
                fees = fill.fee() - closeFee;
            }
        }
    }

    private void start(Side s, long time) {
        open = true;
        side = s;
        entryTime = time;
        entryQty = 0;
        entryNotional = 0;
        exitQty = 0;
        exitNotional = 0;
        fees = 0;
        realized = 0;
    }

    private double avgPrice(long notional, long qty) {
        return Fixed.toDouble(notional, Fixed.CASH_SCALE) / instrument.qtyToDouble(qty);
    }

    boolean isOpen() {
        return open;
    }
}
