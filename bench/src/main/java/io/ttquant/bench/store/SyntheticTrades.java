package io.ttquant.bench.store;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.store.batch.TradeBatch;

/**
 * A deterministic stream of BTCUSDT trades for the store benchmarks: a random walk of the price on
 * the tick grid, varied quantities and sides, one trade every 100 µs from 2024-01-01. Generates in
 * place (a reused TradeTick, or straight into a batch); allocates nothing per trade.
 */
final class SyntheticTrades {
    static final Instrument INSTRUMENT = Instruments.binanceSpot("BTCUSDT");
    static final String VENUE = "binance";
    static final long T0 = 1_704_067_200_000_000_000L;
    static final long STEP_NANOS = 100_000L;

    private final TradeTick tick = new TradeTick();
    private long n;
    private long price = INSTRUMENT.price("42000.00");
    private long seed = 0x9E3779B97F4A7C15L;

    /** The next trade in the reused tick. */
    TradeTick next() {
        long r = random();
        price = Math.max(INSTRUMENT.tickSize(), price + ((r & 7) - 3) * INSTRUMENT.tickSize());
        long qty = (1 + ((r >>> 8) & 1023)) * INSTRUMENT.stepSize();
        long time = T0 + n * STEP_NANOS;
        tick.set(INSTRUMENT, time, time, price, qty, (r & 0x10000) == 0 ? Side.BUY : Side.SELL, 1_000_000_000L + n);
        n++;
        return tick;
    }

    /** Fills the (cleared) batch with up to {@code rows} next trades; returns how many were added. */
    int fill(TradeBatch batch, int rows) {
        int added = 0;
        while (added < rows && !batch.isFull()) {
            TradeTick t = next();
            batch.add(VENUE, INSTRUMENT, t.exchangeTimeNanos(), t.receiveTimeNanos(), t.tradeId(), t.price(), t.qty(), t.aggressor());
            added++;
        }
        return added;
    }

    /** Trades generated so far. */
    long count() {
        return n;
    }

    private long random() {
        long x = seed;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        seed = x;
        return x;
    }
}
