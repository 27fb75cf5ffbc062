package io.ttquant.sim.market;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Side;

import java.util.ArrayList;
import java.util.List;

/**
 * An L3 price-time-priority order book for one symbol, holding synthetic participants' and
 * users' orders alike: bids best (highest) first, asks best (lowest) first, FIFO within a price.
 * It adds, cancels and matches, and counts every change of a level's aggregate quantity in
 * {@link #lastUpdateId()} (one per change, as Binance's depth ids), recording each change for
 * {@link #drainDepthDiff(long)}.
 *
 * <p>Matching takes the resting side's prices (price improvement goes to the taker) and applies
 * self-trade prevention between orders of the same non-zero owner according to the taker's
 * mode. Money is not handled here: a {@link MatchHandler} settles each fill.
 *
 * <p>Single-threaded: every method runs on the engine thread. The book must never cross: an add
 * that would cross is a bug and throws; callers match first. The best level of each side is kept
 * at hand and orders are indexed by a primitive map, so the synthetic flow's steady stream of
 * adds, cancels and best-price reads allocates nothing but the orders themselves.
 */
public final class LimitOrderBook {
    /** {@code maxQty}/{@code maxQuote} value meaning "no limit". */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /** Why a match stopped. */
    public enum StopReason {
        /** The requested quantity is filled. */
        FILLED,
        /** The opposite side is empty or its best price is beyond the limit price. */
        NO_LIQUIDITY,
        /** The quote budget cannot buy one more step at the next price. */
        QUOTE_BUDGET,
        /** Self-trade prevention expired the taker (EXPIRE_TAKER or EXPIRE_BOTH). */
        SELF_TRADE
    }

    /** The totals of a match or a simulation. */
    public record MatchResult(long executedQty, long executedQuote, StopReason reason) {
    }

    /** Settles what the book did during {@link #match}; must not modify the book. */
    public interface MatchHandler {
        /** {@code maker} traded {@code qty} at {@code price}; it has already left the book when {@code makerDone}. */
        void onFill(RestingOrder maker, long price, long qty, long quoteQty, boolean makerDone);

        /** Self-trade prevention removed {@code maker} (open quantity {@code expiredQty}) from the book. */
        void onMakerExpired(RestingOrder maker, long expiredQty);
    }

    /** One price level: its FIFO queue and aggregate open quantity. */
    static final class Level {
        final long price;
        final Side side;
        long total;
        int count;
        RestingOrder head;
        RestingOrder tail;

        Level(long price, Side side) {
            this.price = price;
            this.side = side;
        }
    }

    private final Instrument instrument;
    private final int priceScale;
    private final int qtyScale;
    private final long step;
    private final LevelLadder bids = new LevelLadder(Side.BUY);
    private final LevelLadder asks = new LevelLadder(Side.SELL);
    private final LongObjectMap<RestingOrder> byId = new LongObjectMap<>(1024);
    private long lastUpdateId;
    private final PriceChanges changedBids = new PriceChanges();
    private final PriceChanges changedAsks = new PriceChanges();
    private long drainedUpTo;

    public LimitOrderBook(Instrument instrument) {
        this.instrument = instrument;
        this.priceScale = instrument.priceScale();
        this.qtyScale = instrument.qtyScale();
        this.step = instrument.stepSize();
    }

    public Instrument instrument() {
        return instrument;
    }

    /** Incremented by one for every change of any level's aggregate quantity. */
    public long lastUpdateId() {
        return lastUpdateId;
    }

    public int orderCount() {
        return byId.size();
    }

    public int levelCount(Side side) {
        return levels(side).size();
    }

    public RestingOrder order(long orderId) {
        return byId.get(orderId);
    }

    /** Best bid price, or 0 when there are no bids. */
    public long bestBid() {
        Level l = bids.best();
        return l == null ? 0 : l.price;
    }

    public long bestBidQty() {
        Level l = bids.best();
        return l == null ? 0 : l.total;
    }

    /** Best ask price, or 0 when there are no asks. */
    public long bestAsk() {
        Level l = asks.best();
        return l == null ? 0 : l.price;
    }

    public long bestAskQty() {
        Level l = asks.best();
        return l == null ? 0 : l.total;
    }

    /** Best price on {@code side}, or 0. */
    public long bestPrice(Side side) {
        return side == Side.BUY ? bestBid() : bestAsk();
    }

    /** Worst (farthest from the touch) price on {@code side}, or 0. */
    public long worstPrice(Side side) {
        Level l = levels(side).worst();
        return l == null ? 0 : l.price;
    }

    /** The newest order at the worst price on {@code side}, or null. */
    public RestingOrder worstOrder(Side side) {
        Level l = levels(side).worst();
        return l == null ? null : l.tail;
    }

    /** Aggregate quantity at {@code price} on {@code side} (0 when no level). */
    public long quantityAt(Side side, long price) {
        Level l = levels(side).get(price);
        return l == null ? 0 : l.total;
    }

    /** True when a limit order of {@code side} at {@code price} would trade at once. */
    public boolean wouldCross(Side side, long price) {
        if (side == Side.BUY) {
            long ask = bestAsk();
            return ask != 0 && price >= ask;
        }
        long bid = bestBid();
        return bid != 0 && price <= bid;
    }

    /** Up to {@code limit} levels of {@code side}, best first. */
    public List<DepthLevel> depth(Side side, int limit) {
        LevelLadder ladder = levels(side);
        int n = Math.min(Math.max(limit, 0), ladder.size());
        List<DepthLevel> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            Level l = ladder.fromBest(k);
            out.add(new DepthLevel(l.price, l.total));
        }
        return out;
    }

    /** The resting orders at {@code price} on {@code side} in time priority. */
    public List<RestingOrder> ordersAt(Side side, long price) {
        Level l = levels(side).get(price);
        if (l == null) {
            return List.of();
        }
        List<RestingOrder> out = new ArrayList<>(l.count);
        for (RestingOrder o = l.head; o != null; o = o.next) {
            out.add(o);
        }
        return out;
    }

    /**
     * Rests a new order at the back of its price level. The order must not cross the book and its
     * id must be new.
     */
    public RestingOrder add(long orderId, Side side, long price, long qty, long ownerId) {
        return add(orderId, side, price, qty, ownerId, null);
    }

    RestingOrder add(long orderId, Side side, long price, long qty, long ownerId, SimOrder userOrder) {
        if (qty <= 0 || price <= 0) {
            throw new IllegalArgumentException("price and quantity must be positive: " + qty + "@" + price);
        }
        if (wouldCross(side, price)) {
            throw new IllegalStateException("adding " + side + " at " + price + " would cross the book");
        }
        LevelLadder book = levels(side);
        Level l = book.get(price);
        long total = Math.addExact(l == null ? 0 : l.total, qty);
        RestingOrder o = new RestingOrder(orderId, side, price, qty, ownerId, userOrder);
        if (!byId.putIfAbsent(orderId, o)) {
            throw new IllegalStateException("duplicate order id " + orderId);
        }
        if (l == null) {
            l = new Level(price, side);
            book.add(l);
        }
        o.level = l;
        o.prev = l.tail;
        if (l.tail == null) {
            l.head = o;
        } else {
            l.tail.next = o;
        }
        l.tail = o;
        l.count++;
        l.total = total;
        o.resting = true;
        levelChanged(l);
        return o;
    }

    /** Removes a resting order; returns it, or null when no such order rests. */
    public RestingOrder cancel(long orderId) {
        RestingOrder o = byId.get(orderId);
        if (o == null) {
            return null;
        }
        Level l = o.level;
        l.total -= o.openQty;
        unlink(o);
        levelChanged(l);
        return o;
    }

    /**
     * Matches an incoming order against the opposite side until {@code maxQty} (base) is filled,
     * {@code maxQuote} (cash scale, money rounded down per fill) is spent, the limit price
     * ({@code 0} = market) is reached, the side is empty, or self-trade prevention stops it.
     * Owner 0 never self-trades.
     */
    public MatchResult match(Side takerSide, long limitPrice, long maxQty, long maxQuote, long takerOwner,
                             SelfTradePreventionMode stp, MatchHandler handler) {
        Side makerSide = takerSide.opposite();
        long remainingQty = maxQty;
        long remainingQuote = maxQuote;
        long doneQty = 0;
        long doneQuote = 0;
        StopReason reason;
        outer:
        while (true) {
            Level level = bestLevel(makerSide);
            if (level == null || !acceptable(takerSide, level.price, limitPrice)) {
                reason = StopReason.NO_LIQUIDITY;
                break;
            }
            long price = level.price;
            while (level.head != null) {
                RestingOrder maker = level.head;
                if (takerOwner != 0 && maker.ownerId == takerOwner && stp != SelfTradePreventionMode.NONE) {
                    if (stp == SelfTradePreventionMode.EXPIRE_TAKER) {
                        reason = StopReason.SELF_TRADE;
                        break outer;
                    }
                    long expired = maker.openQty;
                    level.total -= expired;
                    unlink(maker);
                    levelChanged(level);
                    handler.onMakerExpired(maker, expired);
                    if (stp == SelfTradePreventionMode.EXPIRE_BOTH) {
                        reason = StopReason.SELF_TRADE;
                        break outer;
                    }
                    continue;
                }
                long q = Math.min(maker.openQty, remainingQty);
                if (remainingQuote != UNLIMITED) {
                    q = Math.min(q, Notional.maxQtyForQuote(price, priceScale, qtyScale, step, remainingQuote));
                }
                if (q <= 0) {
                    reason = StopReason.QUOTE_BUDGET;
                    break outer;
                }
                long quote = Notional.floor(price, priceScale, q, qtyScale);
                maker.openQty -= q;
                level.total -= q;
                boolean makerDone = maker.openQty == 0;
                if (makerDone) {
                    unlink(maker);
                }
                levelChanged(level);
                doneQty += q;
                doneQuote += quote;
                if (remainingQty != UNLIMITED) {
                    remainingQty -= q;
                }
                if (remainingQuote != UNLIMITED) {
                    remainingQuote -= quote;
                }
                handler.onFill(maker, price, q, quote, makerDone);
                if (remainingQty == 0) {
                    reason = StopReason.FILLED;
                    break outer;
                }
            }
        }
        return new MatchResult(doneQty, doneQuote, reason);
    }

    /**
     * What {@link #match} would do with the same arguments, without changing anything: the
     * quantity and money it would trade and why it would stop. Orders of the taker's owner are
     * skipped under EXPIRE_MAKER (they would be expired) and stop the walk under EXPIRE_TAKER or
     * EXPIRE_BOTH.
     */
    public MatchResult simulate(Side takerSide, long limitPrice, long maxQty, long maxQuote, long takerOwner,
                                SelfTradePreventionMode stp) {
        long remainingQty = maxQty;
        long remainingQuote = maxQuote;
        long doneQty = 0;
        long doneQuote = 0;
        LevelLadder makers = levels(takerSide.opposite());
        for (int k = 0; k < makers.size(); k++) {
            Level level = makers.fromBest(k);
            if (!acceptable(takerSide, level.price, limitPrice)) {
                break;
            }
            for (RestingOrder maker = level.head; maker != null; maker = maker.next) {
                if (takerOwner != 0 && maker.ownerId == takerOwner && stp != SelfTradePreventionMode.NONE) {
                    if (stp == SelfTradePreventionMode.EXPIRE_MAKER) {
                        continue;
                    }
                    return new MatchResult(doneQty, doneQuote, StopReason.SELF_TRADE);
                }
                long q = Math.min(maker.openQty, remainingQty);
                if (remainingQuote != UNLIMITED) {
                    q = Math.min(q, Notional.maxQtyForQuote(level.price, priceScale, qtyScale, step, remainingQuote));
                }
                if (q <= 0) {
                    return new MatchResult(doneQty, doneQuote, StopReason.QUOTE_BUDGET);
                }
                long quote = Notional.floor(level.price, priceScale, q, qtyScale);
                doneQty += q;
                doneQuote += quote;
                if (remainingQty != UNLIMITED) {
                    remainingQty -= q;
                }
                if (remainingQuote != UNLIMITED) {
                    remainingQuote -= quote;
                }
                if (remainingQty == 0) {
                    return new MatchResult(doneQty, doneQuote, StopReason.FILLED);
                }
                if (q < maker.openQty) {
                    // match() would meet this maker again with a budget too small for one more step
                    return new MatchResult(doneQty, doneQuote, StopReason.QUOTE_BUDGET);
                }
            }
        }
        return new MatchResult(doneQty, doneQuote, StopReason.NO_LIQUIDITY);
    }

    /** The book's top {@code limit} levels per side with the update id they reflect. */
    public DepthSnapshot snapshot(int limit) {
        return new DepthSnapshot(lastUpdateId, depth(Side.BUY, limit), depth(Side.SELL, limit));
    }

    /**
     * The level changes since the previous drain (null when none): update ids previous u + 1 to
     * {@link #lastUpdateId()}, and the last aggregate quantity of every changed level.
     */
    public DepthDiff drainDepthDiff(long eventTimeMillis) {
        if (lastUpdateId == drainedUpTo) {
            return null;
        }
        DepthDiff d = new DepthDiff(drainedUpTo + 1, lastUpdateId, eventTimeMillis, changedBids.drain(true), changedAsks.drain(false));
        drainedUpTo = lastUpdateId;
        return d;
    }

    /** Checks every invariant; throws {@link IllegalStateException} describing the first broken one. */
    public void validateInternalState() {
        int seen = 0;
        for (Side side : Side.values()) {
            long previous = 0;
            LevelLadder ladder = levels(side);
            for (int k = 0; k < ladder.size(); k++) {
                Level l = ladder.fromBest(k);
                if (ladder.get(l.price) != l || l.side != side) {
                    throw new IllegalStateException("level at " + l.price + " holds " + l.side + " or is not found by its price");
                }
                if (previous != 0 && (side == Side.BUY ? l.price >= previous : l.price <= previous)) {
                    throw new IllegalStateException(side + " levels out of order at " + l.price);
                }
                previous = l.price;
                long sum = 0;
                int count = 0;
                RestingOrder prev = null;
                for (RestingOrder o = l.head; o != null; o = o.next) {
                    if (o.prev != prev || o.level != l || o.price != l.price || o.side != side || o.openQty <= 0) {
                        throw new IllegalStateException("broken order " + o + " in level " + l.price);
                    }
                    if (byId.get(o.orderId) != o) {
                        throw new IllegalStateException("order " + o.orderId + " not indexed");
                    }
                    sum += o.openQty;
                    count++;
                    prev = o;
                }
                if (prev != l.tail || count != l.count || count == 0 || sum != l.total) {
                    throw new IllegalStateException("level " + side + " " + l.price + ": total " + l.total + " != " + sum
                            + " or count " + l.count + " != " + count);
                }
                seen += count;
            }
        }
        if (seen != byId.size()) {
            throw new IllegalStateException("index holds " + byId.size() + " orders, levels hold " + seen);
        }
        long bid = bestBid();
        long ask = bestAsk();
        if (bid != 0 && ask != 0 && bid >= ask) {
            throw new IllegalStateException("crossed book: bid " + bid + " >= ask " + ask);
        }
    }

    /** All resting orders, bids then asks, in priority order (a copy). */
    public List<RestingOrder> allOrders() {
        List<RestingOrder> out = new ArrayList<>(byId.size());
        for (Side side : Side.values()) {
            LevelLadder ladder = levels(side);
            for (int k = 0; k < ladder.size(); k++) {
                for (RestingOrder o = ladder.fromBest(k).head; o != null; o = o.next) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    private static boolean acceptable(Side takerSide, long price, long limitPrice) {
        if (limitPrice == 0) {
            return true;
        }
        return takerSide == Side.BUY ? price <= limitPrice : price >= limitPrice;
    }

    private LevelLadder levels(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    private Level bestLevel(Side side) {
        return levels(side).best();
    }

    private void unlink(RestingOrder o) {
        Level l = o.level;
        if (o.prev == null) {
            l.head = o.next;
        } else {
            o.prev.next = o.next;
        }
        if (o.next == null) {
            l.tail = o.prev;
        } else {
            o.next.prev = o.prev;
        }
        o.prev = null;
        o.next = null;
        o.resting = false;
        l.count--;
        byId.remove(o.orderId);
        if (l.count == 0) {
            levels(l.side).remove(l.price);
        }
    }

    private void levelChanged(Level l) {
        lastUpdateId++;
        (l.side == Side.BUY ? changedBids : changedAsks).put(l.price, l.total);
    }
}
