package io.ttquant.bench.pipeline;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.core.risk.InstrumentLimits;
import io.ttquant.core.risk.RateLimit;
import io.ttquant.core.risk.RiskLimits;
import io.ttquant.core.risk.StrategyLimits;

/**
 * What every process of the tick-to-trade benchmark agrees on: BTCUSDT with Binance's spot rules at
 * the bus's 8 quantity decimals, the strategy's id and order size, and the gateway's risk limits —
 * real checks that an order of the benchmark passes: an order-rate bucket well above the event
 * rate, a per-order quantity and position limit the alternating buy/sell never reaches, a 5% price
 * collar, and the duplicate-order guard off (window 0), because the same order is sent again every
 * second event. Also the market trades the market data side publishes: trade id = event number,
 * the price a small deterministic walk around 60,000. Constants and pure functions only.
 */
final class PipelineSetup {
    static final String STRATEGY = "t2t";
    static final String VENUE = "binance";
    static final String QTY = "0.001";
    static final Instrument BTC = Instruments.binanceSpot("BTCUSDT").withQtyScale(8);

    private PipelineSetup() {
    }

    static RiskLimits riskLimits() {
        return RiskLimits.builder()
                .instrument(InstrumentLimits.of(BTC).maxOrderQty(BTC.qty("0.01")).maxPosition(BTC.qty("1")).collarPpm(50_000).build())
                .strategy(StrategyLimits.named(STRATEGY).orderRate(RateLimit.perSecond(100_000))
                        .maxOrderNotional(BTC.notional(BTC.price("100000"), BTC.qty("0.01"))).build())
                .duplicateGuard(0, 16)
                .build();
    }

    /** Market trade number {@code n} at {@code timeNanos} into {@code into}. */
    static TradeTick trade(TradeTick into, long n, long timeNanos) {
        long cents = 6_000_000 + (n * 7919 % 2_001) - 1_000;
        return into.set(BTC, timeNanos, timeNanos, cents, BTC.qty("0.01"), (n & 1) == 0 ? Side.BUY : Side.SELL, n);
    }
}
