package io.ttquant.sim.market;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Side;

import java.util.SplittableRandom;

/**
 * The other participants of one symbol, as a seeded random process: at Poisson-distributed times
 * (the configured intensity) a fair price takes a random-walk step; when it has moved through the
 * touch, an informed trader may sweep the book up to it; then one participant acts: adds a limit
 * order around the fair price (never crossing the book), cancels a resting order (the staler of
 * two picked at random), or sends a market order leaning toward the fair price.
 * After every action market makers restore the book's shape: both sides non-empty, spread at most
 * 3 ticks, at least {@code minBookLevels} levels per side, at most {@code maxSyntheticOrders}
 * orders. Sizes are log-normal around a notional of 2,000 quote units for USD-like quotes
 * (0.033 BTC at 60,000), otherwise 100 x the minimum notional.
 *
 * <p>Deterministic given the seed and the times it is stepped at. Engine thread only; acts only
 * through {@link SimExchange}'s synthetic-order methods, so user orders it meets settle normally.
 */
final class SyntheticFlow extends ParticipantFlow {
    private static final double SWEEP_PROBABILITY = 0.3;
    private final SimExchange exchange;
    private final SymbolMarket market;
    private final LimitOrderBook book;
    private final Instrument instrument;
    private final SplittableRandom random;
    private final double meanGapMicros;
    private final long tick;
    private final double sigmaTicks;
    private final double depthTicks;
    private final double medianNotional;
    private final int minLevels;
    private final int maxOrders;
    private final int targetOrders;
    private final long minPrice;
    private final long maxPrice;
    private long fair;
    private long nextMicros;
    /** The orders this flow placed, some of which may have left the book since (see {@link RestingOrder#resting}). */
    private RestingOrder[] ids = new RestingOrder[256];
    private int idCount;

    SyntheticFlow(SimExchange exchange, SymbolMarket market, SimConfig config, SplittableRandom random, long startMillis) {
        this.exchange = exchange;
        this.market = market;
        this.book = market.book();
        this.instrument = market.instrument();
        this.random = random;
        this.meanGapMicros = 1e6 / config.flowIntensity();
        this.tick = instrument.tickSize();
        this.fair = market.referencePrice();
        double tickValue = instrument.priceToDouble(tick);
        double price = instrument.priceToDouble(fair);
        this.sigmaTicks = price * config.dailyVolatility() / Math.sqrt(86_400.0 * config.flowIntensity()) / tickValue;
        this.depthTicks = Math.max(4.0, 2.0 * sigmaTicks);
        double minNotional = instrument.minNotional() / 1e8;
        String quote = instrument.quoteAsset();
        boolean usdLike = quote.equals("USDT") || quote.equals("USDC") || quote.equals("FDUSD") || quote.equals("BUSD")
                || quote.equals("TUSD") || quote.equals("USD") || quote.equals("EUR");
        this.medianNotional = usdLike ? Math.max(2_000.0, 20 * minNotional)
                : minNotional > 0 ? 100 * minNotional : 1_000 * instrument.qtyToDouble(instrument.minQty()) * price;
        this.minLevels = config.minBookLevels();
        this.maxOrders = config.maxSyntheticOrders();
        this.targetOrders = Math.min(maxOrders / 2, 8 * minLevels);
        this.minPrice = Math.max(instrument.minPrice(), 200 * tick);
        this.maxPrice = Math.min(instrument.maxPrice(), Long.MAX_VALUE / 4);
        this.nextMicros = startMillis * 1_000L + gap();
    }

    @Override
    long nextEventMillis() {
        return Math.floorDiv(nextMicros, 1_000L);
    }

    /** Skips simulated time before {@code millis} (after a long pause). */
    @Override
    void skipTo(long millis) {
        if (nextEventMillis() < millis) {
            nextMicros = millis * 1_000L + gap();
        }
    }

    /** Builds the opening book: contiguous levels on both sides of the start price. */
    @Override
    void seed() {
        for (int i = 1; i <= minLevels + 5; i++) {
            int orders = 1 + random.nextInt(3);
            for (int k = 0; k < orders; k++) {
                place(Side.BUY, fair - i * tick, limitQty());
                place(Side.SELL, fair + i * tick, limitQty());
            }
        }
    }

    /** One action at {@code now} (the engine stamps it), then the book's maintenance. */
    @Override
    void step(long now) {
        nextMicros += gap();
        long move = Math.round(random.nextGaussian() * sigmaTicks);
        fair = Math.max(minPrice, Math.min(maxPrice - 200 * tick, fair + move * tick));
        long ask = book.bestAsk();
        long bid = book.bestBid();
        double sweep = random.nextDouble();
        if (ask != 0 && ask < fair && sweep < SWEEP_PROBABILITY) {
            exchange.syntheticSweep(market, Side.BUY, fair);
        } else if (bid != 0 && bid > fair && sweep < SWEEP_PROBABILITY) {
            exchange.syntheticSweep(market, Side.SELL, fair);
        }
        double u = random.nextDouble();
        if (u < 0.55 || book.orderCount() < targetOrders) {
            addLimit(random.nextBoolean() ? Side.BUY : Side.SELL);
        } else if (u < 0.85) {
            cancelOne();
        } else {
            marketOrder();
        }
        maintain();
    }

    private long gap() {
        return 1 + (long) (random.nextExponential() * meanGapMicros);
    }

    private void addLimit(Side side) {
        long offset = 1 + (long) (random.nextExponential() * depthTicks);
        long price = side == Side.BUY ? fair - offset * tick : fair + offset * tick;
        if (side == Side.BUY) {
            long ask = book.bestAsk();
            if (ask != 0 && price >= ask) {
                price = ask - tick;
            }
        } else {
            long bid = book.bestBid();
            if (bid != 0 && price <= bid) {
                price = bid + tick;
            }
        }
        place(side, price, limitQty());
    }

    private void cancelOne() {
        RestingOrder best = null;
        int bestIndex = -1;
        long bestDistance = -1;
        for (int attempt = 0; attempt < 2 && idCount > 0; attempt++) {
            int i = random.nextInt(idCount);
            RestingOrder o = ids[i];
            if (!o.resting) {
                removeId(i);
                attempt--;
                continue;
            }
            long distance = o.side == Side.BUY ? fair - o.price : o.price - fair;
            if (distance > bestDistance) {
                bestDistance = distance;
                best = o;
                bestIndex = i;
            }
        }
        if (bestIndex >= 0) {
            exchange.syntheticCancel(market, best.orderId);
            removeId(indexOf(best, bestIndex));
        }
    }

    private void marketOrder() {
        long bid = book.bestBid();
        long ask = book.bestAsk();
        Side toward;
        if (bid == 0 || ask == 0 || 2 * fair == bid + ask) {
            toward = random.nextBoolean() ? Side.BUY : Side.SELL;
        } else {
            toward = 2 * fair > bid + ask ? Side.BUY : Side.SELL;
        }
        Side side = random.nextDouble() < 0.7 ? toward : toward.opposite();
        exchange.syntheticMarket(market, side, qtyFor(0.4 * medianNotional * Math.exp(0.8 * random.nextGaussian()), fair));
    }

    private void maintain() {
        if (book.bestBid() == 0) {
            long ask = book.bestAsk();
            place(Side.BUY, (ask != 0 ? Math.min(fair, ask) : fair) - tick, limitQty());
        }
        if (book.bestAsk() == 0) {
            long bid = book.bestBid();
            place(Side.SELL, (bid != 0 ? Math.max(fair, bid) : fair) + tick, limitQty());
        }
        long bid = book.bestBid();
        long ask = book.bestAsk();
        if (bid != 0 && ask != 0 && ask - bid > 3 * tick) {
            long k = 1 + random.nextInt(3);
            if (2 * fair >= bid + ask) {
                place(Side.BUY, ask - k * tick, limitQty());
            } else {
                place(Side.SELL, bid + k * tick, limitQty());
            }
        }
        for (Side side : Side.values()) {
            int guard = 0;
            while (book.levelCount(side) < minLevels && guard++ < 4 * minLevels) {
                long worst = book.worstPrice(side);
                long k = 1 + random.nextInt(3);
                long p = worst == 0 ? (side == Side.BUY ? fair - tick : fair + tick)
                        : side == Side.BUY ? worst - k * tick : worst + k * tick;
                int orders = 1 + random.nextInt(3);
                for (int n = 0; n < orders; n++) {
                    if (!place(side, p, limitQty())) {
                        break;
                    }
                }
                if (book.quantityAt(side, p) == 0) {
                    break;
                }
            }
        }
        int guard = 0;
        while (book.orderCount() > maxOrders && guard++ < 16) {
            Side side = book.levelCount(Side.BUY) >= book.levelCount(Side.SELL) ? Side.BUY : Side.SELL;
            RestingOrder worst = book.worstOrder(side);
            if (worst == null || worst.ownerId != 0 || book.levelCount(side) <= minLevels) {
                break;
            }
            exchange.syntheticCancel(market, worst.orderId);
        }
        if (idCount > 2 * book.orderCount() + 64) {
            compactIds();
        }
    }

    private boolean place(Side side, long price, long qty) {
        if (price < minPrice || price > maxPrice || book.wouldCross(side, price) || qty <= 0) {
            return false;
        }
        RestingOrder o = exchange.syntheticLimitOrder(market, side, price, qty);
        if (idCount == ids.length) {
            compactIds();
            if (idCount == ids.length) {
                ids = java.util.Arrays.copyOf(ids, ids.length * 2);
            }
        }
        ids[idCount++] = o;
        return true;
    }

    private long limitQty() {
        return qtyFor(medianNotional * Math.exp(0.8 * random.nextGaussian()), fair);
    }

    /** A quantity worth about {@code notional} quote units at {@code price}, valid for the filters. */
    private long qtyFor(double notional, long price) {
        double p = instrument.priceToDouble(price);
        double q = Math.max(0.05 * medianNotional, Math.min(20 * medianNotional, notional)) / p;
        long step = instrument.stepSize();
        long raw = (long) (q * Math.pow(10, instrument.qtyScale()));
        raw = Math.max(instrument.minQty(), Math.min(instrument.maxQty(), raw - raw % step));
        for (int i = 0; i < 64 && instrument.checkNotional(price, raw) != null; i++) {
            raw = Math.min(instrument.maxQty(), raw * 2 - raw % step);
        }
        return raw - raw % step;
    }

    private void removeId(int i) {
        ids[i] = ids[--idCount];
        ids[idCount] = null;
    }

    private int indexOf(RestingOrder o, int hint) {
        if (hint < idCount && ids[hint] == o) {
            return hint;
        }
        for (int i = 0; i < idCount; i++) {
            if (ids[i] == o) {
                return i;
            }
        }
        throw new IllegalStateException("synthetic order " + o.orderId + " not tracked");
    }

    private void compactIds() {
        int n = 0;
        for (int i = 0; i < idCount; i++) {
            if (ids[i].resting) {
                ids[n++] = ids[i];
            }
        }
        java.util.Arrays.fill(ids, n, idCount, null);
        idCount = n;
    }
}
