package io.ttquant.app.strategy;

import io.ttquant.app.gateway.GatewayObserver;
import io.ttquant.app.gateway.GatewayStateQuery;
import io.ttquant.app.gateway.InProcessGatewayTransport;
import io.ttquant.app.gateway.OrderGateway;
import io.ttquant.app.gateway.RingExecutionSink;
import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.risk.InstrumentLimits;
import io.ttquant.core.risk.RiskLimits;
import io.ttquant.core.risk.StrategyLimits;
import io.ttquant.core.strategy.Strategy;
import io.ttquant.core.time.SimulatedClock;
import io.ttquant.transport.bus.FrameRing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A strategy engine wired to a real {@link OrderGateway} with the paper venue inside one thread, over
 * the in-process bus: orders through a {@link FrameRing} into {@link InProcessGatewayTransport},
 * reports back through {@link RingExecutionSink} and {@link RingExecutionReceiver}, start-up state
 * answered from the gateway's own state by {@link GatewayStateQuery} on the next pump (never inside
 * the engine's call). Time is a simulated clock moved by the test; callback latency is a test clock
 * strategies may move. The gateway serves "alpha", "beta" and "gamma" on BTCUSDT (Binance's rules).
 * It holds no assertions of its own.
 */
final class InProcessRig {
    static final long T0 = 1_700_000_000_000_000_000L;
    static final long MINUTE = 60_000_000_000L;
    static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");

    final SimulatedClock clock = new SimulatedClock(T0);
    final TestLatencyClock latency = new TestLatencyClock();
    final FrameRing orders = new FrameRing(1 << 16);
    final FrameRing executions = new FrameRing(1 << 20);
    final OrderGateway gateway;
    final InProcessGatewayTransport transport;
    final List<long[]> stateRequests = new ArrayList<>();
    private final List<String> requestedStrategies = new ArrayList<>();
    /** False: state requests are recorded but never answered (a gateway that does not answer). */
    boolean answerStateRequests = true;
    StrategyEngine engine;
    RingExecutionReceiver receiver;
    private final Bar bar = new Bar();
    private final QuoteTick quote = new QuoteTick();

    InProcessRig(ExchangeConfig paper) {
        RiskLimits limits = RiskLimits.builder()
                .instrument(InstrumentLimits.of(BTC).build())
                .strategy(StrategyLimits.named("alpha").build())
                .strategy(StrategyLimits.named("beta").build())
                .strategy(StrategyLimits.named("gamma").build())
                .duplicateGuard(0, 16)
                .build();
        gateway = new OrderGateway(limits, OrderGateway.paperVenue(paper), new RingExecutionSink(executions), GatewayObserver.NONE,
                OrderGateway.DEFAULT_IDEMPOTENCY_WINDOW, T0);
        transport = new InProcessGatewayTransport(orders, gateway, 256);
    }

    /** A new engine (a restart of the strategy process: the gateway and its state stay) running {@code strategies}. */
    StrategyEngine startEngine(CallbackBudget budget, StrategyDefinition... strategies) {
        EngineSettings settings = new EngineSettings("paper", 1_000, 20_000, budget, 0, 1_000_000_000L);
        engine = new StrategyEngine(List.of(BTC), List.of(strategies), settings, clock, latency, new RingOrderSender(orders),
                (strategy, id, now) -> {
                    stateRequests.add(new long[] {id, now});
                    requestedStrategies.add(strategy);
                });
        receiver = new RingExecutionReceiver(executions, engine);
        engine.start(clock.nanos());
        pump();
        return engine;
    }

    static StrategyDefinition strategy(String id, Strategy s, String usdt) {
        return new StrategyDefinition(id, s.getClass().getSimpleName(), s, List.of(BTC),
                Map.of("USDT", io.ttquant.core.num.Fixed.parse(usdt, io.ttquant.core.num.Fixed.CASH_SCALE)), EngineRiskLimits.NONE);
    }

    /** Runs the gateway, the reports and the engine's duty cycle until nothing moves. */
    void pump() {
        for (int round = 0; round < 1000; round++) {
            int work = transport.doWork(clock.nanos());
            work += receiver.poll(Integer.MAX_VALUE);
            work += answerState();
            work += engine.doWork(clock.nanos());
            if (work == 0) {
                return;
            }
        }
        throw new AssertionError("the rig did not settle");
    }

    private int answerState() {
        if (!answerStateRequests) {
            return 0;
        }
        int n = 0;
        while (n < stateRequests.size()) {
            long[] r = stateRequests.get(n);
            engine.onStateSnapshot(GatewayStateQuery.snapshot(gateway, requestedStrategies.get(n), r[0], List.of(BTC)));
            n++;
        }
        stateRequests.clear();
        requestedStrategies.clear();
        return n;
    }

    /** The event reaches the gateway first (its paper venue fills what rests), then the engine, as on the bus. */
    void publish(MarketEvent e) {
        clock.advanceTo(Math.max(clock.nanos(), e.timeNanos()));
        gateway.onMarketData(e);
        pump();
        engine.onMarketData(e);
        pump();
    }

    /** A one-minute bar opening at {@code openTime}. */
    Bar bar(long openTime, String open, String high, String low, String close) {
        return bar.set(BTC, openTime, MINUTE, BTC.price(open), BTC.price(high), BTC.price(low), BTC.price(close), BTC.qty("100"));
    }

    QuoteTick quote(long time, String bid, String ask) {
        return quote.set(BTC, time, time, BTC.price(bid), BTC.qty("5"), BTC.price(ask), BTC.qty("5"));
    }

    /** Time for callbacks, moved only by whoever is timed (a "slow" strategy moves it in its callback). */
    static final class TestLatencyClock implements io.ttquant.core.time.Clock {
        long nanos;

        @Override
        public long nanos() {
            return nanos;
        }
    }
}
