package io.ttquant.bench.gateway;

import io.ttquant.app.gateway.ExecutionSink;
import io.ttquant.app.gateway.GatewayObserver;
import io.ttquant.app.gateway.OrderGateway;
import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.core.risk.InstrumentLimits;
import io.ttquant.core.risk.RiskLimits;
import io.ttquant.core.risk.StrategyLimits;

/**
 * The gateway as the benchmarks run it: BTCUSDT with Binance's spot rules, one strategy with
 * realistic risk limits (the risk engine's default duplicate-order guard, a 5% price collar, a
 * position limit, open-order limits), a paper venue without latency quoting 59,999.99 / 60,000.01,
 * the default idempotency window. Built on the calling thread, which then owns the gateway.
 */
final class PaperGatewayRig {
    static final String STRATEGY = "bench";
    static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");

    private PaperGatewayRig() {
    }

    static OrderGateway gateway(ExecutionSink sink, long startNanos) {
        RiskLimits limits = RiskLimits.builder()
                .instrument(InstrumentLimits.of(BTC).maxOrderQty(BTC.qty("1")).maxPosition(BTC.qty("5")).collarPpm(50_000).build())
                .strategy(StrategyLimits.named(STRATEGY).maxOrderNotional(BTC.notional(BTC.price("100000"), BTC.qty("1")))
                        .maxOpenOrders(2_000).build())
                .maxOpenOrders(4_096)
                .build();
        OrderGateway gateway = new OrderGateway(limits, OrderGateway.paperVenue(ExchangeConfig.defaults()), sink,
                GatewayObserver.NONE, OrderGateway.DEFAULT_IDEMPOTENCY_WINDOW, startNanos);
        gateway.onMarketData(new TradeTick().set(BTC, startNanos, startNanos, BTC.price("60000.00"), BTC.qty("0.01"), Side.BUY, 1));
        gateway.onMarketData(new QuoteTick().set(BTC, startNanos, startNanos, BTC.price("59999.99"), BTC.qty("3"),
                BTC.price("60000.01"), BTC.qty("3")));
        return gateway;
    }

    /** The order mix of sender number {@code lane} (0, 1, 2...). */
    static OrderMix mix(int lane) {
        return new OrderMix(STRATEGY, BTC, (char) ('a' + lane), lane);
    }

    /** A sink that only counts: the in-process benchmarks measure the gateway, not a socket. */
    static final class CountingSink implements ExecutionSink {
        long events;
        long bytes;

        @Override
        public void onExecution(int strategy, byte[] name, int nameOffset, int nameLength, byte[] frame, int offset, int length) {
            events++;
            bytes += length;
        }
    }
}
