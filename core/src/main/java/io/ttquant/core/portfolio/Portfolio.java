package io.ttquant.core.portfolio;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A spot cash account for one strategy: balances per asset (free and locked), positions per
 * instrument, fees paid, and the rejections it caused, all exact at the cash scale.
 *
 * <p>It refuses an order it cannot pay for ({@link #reserve}): a buy locks its quote-asset cost
 * plus the taker fee, a sell locks the base asset it sells (no short selling on a cash account).
 * Fills release the lock pro rata and move the real amounts; a finished order releases the rest.
 * Fees are charged in the fill's fee asset. Single-threaded; mutated only by the engine.
 */
public final class Portfolio implements PortfolioView {
    private final String valuationAsset;
    private final long marketBufferPpm;
    private final List<Asset> assets = new ArrayList<>();
    private final List<Position> positions = new ArrayList<>();
    private final Map<Long, Reservation> reservations = new HashMap<>();
    private final long[] rejections = new long[RejectReason.values().length];
    private long totalFeesInValuation;
    private long overdrafts;

    /**
     * @param valuationAsset  the asset equity is measured in
     * @param marketBufferPpm extra reserved for market buys over the reference price (parts per million), covering slippage
     */
    public Portfolio(String valuationAsset, long marketBufferPpm) {
        if (marketBufferPpm < 0) {
            throw new IllegalArgumentException("market buffer must not be negative");
        }
        this.valuationAsset = valuationAsset;
        this.marketBufferPpm = marketBufferPpm;
        asset(valuationAsset);
    }

    /** Makes an instrument known so that its base asset is valued at the instrument's mark price. */
    public Position register(Instrument instrument) {
        for (int i = 0; i < positions.size(); i++) {
            if (positions.get(i).instrument() == instrument) {
                return positions.get(i);
            }
        }
        Position p = new Position(instrument);
        positions.add(p);
        Asset base = asset(instrument.baseAsset());
        asset(instrument.quoteAsset());
        if (instrument.quoteAsset().equals(valuationAsset) && base.valuedBy == null) {
            base.valuedBy = p;
        }
        return p;
    }

    /** Adds {@code amount} (cash scale) of {@code asset}, e.g. the initial cash. */
    public void deposit(String asset, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("deposit must not be negative");
        }
        Asset a = asset(asset);
        a.free = Math.addExact(a.free, amount);
    }

    /** Updates the mark price of an instrument for equity and unrealized PnL. */
    public void mark(Instrument instrument, long price) {
        for (int i = 0, n = positions.size(); i < n; i++) {
            Position p = positions.get(i);
            if (p.instrument() == instrument) {
                p.mark(price);
                return;
            }
        }
    }

    /**
     * Locks the funds an order needs, or says why it cannot: INSUFFICIENT_BALANCE, NO_MARKET_PRICE
     * (a market order with no reference price) or NOTIONAL_BELOW_MIN (a market order valued at the
     * reference price). {@code referencePrice} is the best price the order would meet now (ask for
     * a buy, bid for a sell, else last trade), 0 when unknown.
     */
    public RejectReason reserve(Order order, long referencePrice, long takerFeePpm) {
        Instrument ins = order.instrument();
        register(ins);
        long qty = order.quantity();
        String lockAsset;
        long need;
        if (order.side() == Side.BUY) {
            long price;
            if (order.type().hasLimitPrice()) {
                price = order.price();
            } else {
                long ref = order.type() == OrderType.STOP_MARKET ? Math.max(order.stopPrice(), referencePrice) : referencePrice;
                if (ref <= 0) {
                    return RejectReason.NO_MARKET_PRICE;
                }
                if (order.type() == OrderType.MARKET) {
                    RejectReason r = ins.checkNotional(ref, qty);
                    if (r != null) {
                        return r;
                    }
                }
                price = ins.ceilToTick(Fixed.mulDiv(ref, 1_000_000L + marketBufferPpm, 1_000_000L));
            }
            long notional = ins.notional(price, qty);
            need = Math.addExact(notional, Fixed.feePpm(notional, takerFeePpm));
            lockAsset = ins.quoteAsset();
        } else {
            if (order.type() == OrderType.MARKET) {
                if (referencePrice <= 0) {
                    return RejectReason.NO_MARKET_PRICE;
                }
                RejectReason r = ins.checkNotional(referencePrice, qty);
                if (r != null) {
                    return r;
                }
            }
            need = ins.qtyToCash(qty);
            lockAsset = ins.baseAsset();
        }
        Asset a = asset(lockAsset);
        if (a.free < need) {
            return RejectReason.INSUFFICIENT_BALANCE;
        }
        a.free -= need;
        a.locked += need;
        reservations.put(order.orderId(), new Reservation(a, need, qty));
        order.setReserved(need);
        return null;
    }

    /** Counts a refused order under its reason. */
    public void countRejection(RejectReason reason) {
        rejections[reason.ordinal()]++;
    }

    /**
     * Books a fill: releases its share of the order's lock, moves base and quote, charges the fee
     * and updates the position. Returns the realized PnL of the fill (before fees).
     */
    public long applyFill(Order order, Fill fill) {
        Instrument ins = fill.instrument();
        Position position = register(ins);
        // Guarded: a portfolio without reservations (the gateway's) must not box the id on every fill.
        Reservation r = reservations.isEmpty() ? null : reservations.get(order.orderId());
        if (r != null) {
            long release = fill.qty() >= r.qty ? r.amount : Fixed.mulDiv(r.amount, fill.qty(), r.qty);
            // A fill may cost more than its pro-rata share of the lock (a market buy that filled
            // above its reference price): release what it needs, up to everything still locked.
            long spend = fill.side() == Side.BUY
                    ? fill.notional() + (fill.feeAsset().equals(r.asset.name) ? fill.fee() : 0)
                    : ins.qtyToCash(fill.qty());
            if (r.asset.free + release < spend) {
                release = Math.min(r.amount, spend - r.asset.free);
            }
            r.asset.locked -= release;
            r.asset.free += release;
            r.amount -= release;
            r.qty -= Math.min(fill.qty(), r.qty);
            order.setReserved(r.amount);
        }
        Asset base = asset(ins.baseAsset());
        Asset quote = asset(ins.quoteAsset());
        long notional = fill.notional();
        long baseAmount = ins.qtyToCash(fill.qty());
        if (fill.side() == Side.BUY) {
            quote.free = Math.subtractExact(quote.free, notional);
            base.free = Math.addExact(base.free, baseAmount);
        } else {
            base.free = Math.subtractExact(base.free, baseAmount);
            quote.free = Math.addExact(quote.free, notional);
        }
        Asset feeAsset = asset(fill.feeAsset());
        feeAsset.free = Math.subtractExact(feeAsset.free, fill.fee());
        feeAsset.feesPaid = Math.addExact(feeAsset.feesPaid, fill.fee());
        totalFeesInValuation = Math.addExact(totalFeesInValuation, valueOf(feeAsset, fill.fee()));
        if (base.free < 0 || quote.free < 0 || feeAsset.free < 0) {
            overdrafts++;
        }
        return position.apply(fill.side(), fill.qty(), fill.price());
    }

    /**
     * Restores a position rebuilt from storage (a gateway's journal after a restart) into this
     * portfolio, as if the fills that built it had been applied here: the position takes the net
     * quantity, cost basis and realized PnL (all exact, cash scale for money), the base asset's
     * balance moves by the net quantity and the quote asset's by {@code realizedPnl - costBasis}
     * (what the fills paid and received: {@code sum(sells) - sum(buys)}). Fees are restored apart
     * ({@link #restoreFees}). Only a position that has seen no fill may be restored; throws otherwise
     * or when the numbers contradict each other.
     */
    public Position restorePosition(Instrument instrument, long netQty, long costBasis, long realizedPnl) {
        Position p = register(instrument);
        p.restore(netQty, costBasis, realizedPnl);
        Asset base = asset(instrument.baseAsset());
        Asset quote = asset(instrument.quoteAsset());
        base.free = Math.addExact(base.free, instrument.qtyToCash(netQty));
        quote.free = Math.addExact(quote.free, Math.subtractExact(realizedPnl, costBasis));
        return p;
    }

    /**
     * Restores fees paid in {@code asset} (cash scale) by fills before a restart: charged to the
     * asset's balance and counted in {@link #feesPaid}; valued into {@link #totalFeesInValuation()}
     * at the current mark (the marks of the original fills are not known; 0 for an asset other than
     * the valuation asset before any mark).
     */
    public void restoreFees(String asset, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("restored fees must not be negative: " + amount);
        }
        Asset a = asset(asset);
        a.free = Math.subtractExact(a.free, amount);
        a.feesPaid = Math.addExact(a.feesPaid, amount);
        totalFeesInValuation = Math.addExact(totalFeesInValuation, valueOf(a, amount));
    }

    /** Releases whatever an order still holds; call when it reaches a terminal state. */
    public void release(Order order) {
        Reservation r = reservations.isEmpty() ? null : reservations.remove(order.orderId());
        if (r != null) {
            r.asset.locked -= r.amount;
            r.asset.free += r.amount;
            order.setReserved(0);
        }
    }

    /** What is still locked for an open order (cash scale, in the asset it spends); 0 when none. */
    public long reservedFor(long orderId) {
        Reservation r = reservations.get(orderId);
        return r == null ? 0 : r.amount;
    }

    /** Times a fill cost more than the account held (a market order that gapped beyond its reservation). */
    public long overdrafts() {
        return overdrafts;
    }

    public List<Position> positions() {
        return positions;
    }

    /** The assets this portfolio has seen, in first-seen order. */
    public List<String> assetNames() {
        List<String> names = new ArrayList<>(assets.size());
        for (Asset a : assets) {
            names.add(a.name);
        }
        return names;
    }

    @Override
    public String valuationAsset() {
        return valuationAsset;
    }

    @Override
    public long balance(String asset) {
        Asset a = find(asset);
        return a == null ? 0 : a.free + a.locked;
    }

    @Override
    public long free(String asset) {
        Asset a = find(asset);
        return a == null ? 0 : a.free;
    }

    @Override
    public long locked(String asset) {
        Asset a = find(asset);
        return a == null ? 0 : a.locked;
    }

    @Override
    public Position position(Instrument instrument) {
        return register(instrument);
    }

    @Override
    public long equity() {
        long total = 0;
        for (int i = 0, n = assets.size(); i < n; i++) {
            Asset a = assets.get(i);
            total = Math.addExact(total, valueOf(a, a.free + a.locked));
        }
        return total;
    }

    @Override
    public long grossExposure() {
        long total = 0;
        for (int i = 0, n = positions.size(); i < n; i++) {
            Position p = positions.get(i);
            if (p.instrument().quoteAsset().equals(valuationAsset)) {
                total = Math.addExact(total, p.exposure());
            }
        }
        return total;
    }

    @Override
    public long feesPaid(String asset) {
        Asset a = find(asset);
        return a == null ? 0 : a.feesPaid;
    }

    @Override
    public long totalFeesInValuation() {
        return totalFeesInValuation;
    }

    @Override
    public long realizedPnl() {
        long total = 0;
        for (int i = 0, n = positions.size(); i < n; i++) {
            total = Math.addExact(total, positions.get(i).realizedPnl());
        }
        return total;
    }

    @Override
    public long unrealizedPnl() {
        long total = 0;
        for (int i = 0, n = positions.size(); i < n; i++) {
            total = Math.addExact(total, positions.get(i).unrealizedPnl());
        }
        return total;
    }

    @Override
    public long rejections(RejectReason reason) {
        return rejections[reason.ordinal()];
    }

    /** Total refused orders over all reasons. */
    public long totalRejections() {
        return Arrays.stream(rejections).sum();
    }

    private long valueOf(Asset a, long amount) {
        if (a.name.equals(valuationAsset)) {
            return amount;
        }
        if (a.valuedBy == null || amount == 0) {
            return 0;
        }
        Instrument ins = a.valuedBy.instrument();
        return Fixed.notional(a.valuedBy.markPrice(), ins.priceScale(), amount, Fixed.CASH_SCALE);
    }

    private Asset find(String name) {
        for (int i = 0, n = assets.size(); i < n; i++) {
            Asset a = assets.get(i);
            if (a.name.equals(name)) {
                return a;
            }
        }
        return null;
    }

    private Asset asset(String name) {
        Asset a = find(name);
        if (a == null) {
            a = new Asset(name);
            assets.add(a);
        }
        return a;
    }

    /** Balance of one asset. */
    private static final class Asset {
        final String name;
        long free;
        long locked;
        long feesPaid;
        Position valuedBy;

        Asset(String name) {
            this.name = name;
        }
    }

    /** Funds locked for one open order. */
    private static final class Reservation {
        final Asset asset;
        long amount;
        long qty;

        Reservation(Asset asset, long amount, long qty) {
            this.asset = asset;
            this.amount = amount;
            this.qty = qty;
        }
    }
}
