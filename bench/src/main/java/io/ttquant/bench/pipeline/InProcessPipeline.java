package io.ttquant.bench.pipeline;

import io.ttquant.app.gateway.GatewayStateQuery;
import io.ttquant.app.gateway.InProcessGatewayTransport;
import io.ttquant.app.gateway.OrderGateway;
import io.ttquant.app.gateway.PaperVenue;
import io.ttquant.app.gateway.RingExecutionSink;
import io.ttquant.app.strategy.CallbackBudget;
import io.ttquant.app.strategy.EngineRiskLimits;
import io.ttquant.app.strategy.EngineSettings;
import io.ttquant.app.strategy.RingExecutionReceiver;
import io.ttquant.app.strategy.RingOrderSender;
import io.ttquant.app.strategy.StrategyDefinition;
import io.ttquant.app.strategy.StrategyEngine;
import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.strategy.StrategyParams;
import io.ttquant.core.time.Clock;
import io.ttquant.transport.Topics;
import io.ttquant.transport.bus.FrameRing;
import io.ttquant.transport.bus.InProcessBus;
import java.util.List;
import java.util.Map;

/**
 * The tick-to-trade path inside one JVM, on one thread: market events through the in-process bus
 * (the gateway subscribed first, so its paper venue knows the price, then the strategy engine);
 * the strategy's order as an encoded command through a {@link FrameRing} into the gateway's
 * {@link InProcessGatewayTransport} (decode, risk checks, paper venue, which fills a market order at
 * once); the reports through a {@link RingExecutionSink} back to the engine
 * ({@link RingExecutionReceiver}), which books the fill and calls the strategy's {@code onFill}. The
 * engine's start-up state request is answered from the gateway's own state on the next
 * {@link #doWork}. Single-threaded: the caller's thread owns every part and must be the only one
 * to call it.
 */
final class InProcessPipeline {
    /** A callback the OS descheduled or a GC paused must not quarantine the benchmark's strategy: budgets are not measured here. */
    private static final CallbackBudget UNMEASURED_BUDGET = new CallbackBudget(1_000_000_000L, 1_000_000, 60_000_000_000L);
    private final Clock clock;
    private final FrameRing orders = new FrameRing(1 << 16);
    private final FrameRing executions = new FrameRing(1 << 20);
    private final InProcessBus bus = new InProcessBus(PipelineSetup.VENUE);
    final AcceptClock accept;
    final OrderGateway gateway;
    final TickToTradeStrategy strategy;
    final StrategyEngine engine;
    private final InProcessGatewayTransport transport;
    private final RingExecutionReceiver receiver;
    private long stateRequest;
    private String stateStrategy;

    InProcessPipeline(Clock clock, Clock latencyClock, int capacity) {
        this.clock = clock;
        this.accept = new AcceptClock(capacity);
        this.gateway = new OrderGateway(PipelineSetup.riskLimits(), OrderGateway.paperVenue(ExchangeConfig.defaults()),
                new RingExecutionSink(executions), accept, OrderGateway.DEFAULT_IDEMPOTENCY_WINDOW, clock.nanos());
        this.transport = new InProcessGatewayTransport(orders, gateway, InProcessGatewayTransport.DEFAULT_BATCH);
        this.strategy = new TickToTradeStrategy(new StrategyParams(Map.of("qty", PipelineSetup.QTY, "capacity",
                String.valueOf(capacity))));
        StrategyDefinition definition = new StrategyDefinition(PipelineSetup.STRATEGY, "tick-to-trade", strategy,
                List.of(PipelineSetup.BTC), Map.of("USDT", Fixed.parse("100000000", Fixed.CASH_SCALE), "BTC",
                Fixed.parse("100", Fixed.CASH_SCALE)), EngineRiskLimits.NONE);
        EngineSettings settings = new EngineSettings(PaperVenue.NAME, ExchangeConfig.defaults().takerFeePpm(), 20_000,
                UNMEASURED_BUDGET, 0, 1_000_000_000L);
        this.engine = new StrategyEngine(List.of(PipelineSetup.BTC), List.of(definition), settings, clock, latencyClock,
                new RingOrderSender(orders), (id, request, now) -> {
                    stateStrategy = id;
                    stateRequest = request;
                });
        this.receiver = new RingExecutionReceiver(executions, engine);
        String topic = Topics.marketDataPrefix(PipelineSetup.VENUE, PipelineSetup.BTC.symbol());
        bus.subscribe(topic, gateway::onMarketData);
        bus.subscribe(topic, engine::onMarketData);
        engine.start(clock.nanos());
    }

    /** Publishes one market event to the gateway and the engine (the engine may send an order into the ring). */
    void publish(MarketEvent e) {
        bus.publish(e);
    }

    /** Runs the gateway, the reports and the engine until nothing moves; returns the work done. */
    int doWork() {
        int total = 0;
        while (true) {
            long now = clock.nanos();
            int work = transport.doWork(now);
            work += receiver.poll(Integer.MAX_VALUE);
            work += answerState();
            work += engine.doWork(now);
            if (work == 0) {
                return total;
            }
            total += work;
        }
    }

    private int answerState() {
        if (stateStrategy == null) {
            return 0;
        }
        String id = stateStrategy;
        stateStrategy = null;
        engine.onStateSnapshot(GatewayStateQuery.snapshot(gateway, id, stateRequest, List.of(PipelineSetup.BTC)));
        return 1;
    }
}
