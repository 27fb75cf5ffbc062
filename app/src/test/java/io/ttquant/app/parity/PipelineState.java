package io.ttquant.app.parity;

import io.ttquant.app.gateway.GatewayService;
import io.ttquant.app.gateway.GatewayStatus;
import io.ttquant.app.strategy.StrategyEngine;
import io.ttquant.app.strategy.StrategyService;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Order;
import io.ttquant.transport.order.OrderMessages;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.Fee;
import io.ttquant.transport.proto.PositionUpdate;
import io.ttquant.transport.proto.StateSnapshot;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What the gateway and the strategy engine each hold of the strategy under test at one moment, read
 * on their own threads (the gateway's first, then the engine's): the gateway's time, the commands it
 * received, the strategy's open orders (status and filled quantity), position and fees on both
 * sides, and what the engine delivered to its strategies. {@link #agree()} is the lock-step's test
 * that nothing is in flight between them: read in this order, an order the engine sent and the
 * gateway has not handled shows as a command count or an open order only the engine has, and a
 * report the gateway sent and the engine has not applied as a status, fill, position or fee only
 * the gateway has. It only reads; it never waits but for the two answers.
 */
record PipelineState(long gatewayNanos, long gatewayReceived, long gatewayRejected, Map<String, String> gatewayOpen,
                     long gatewayPosition, long gatewayFees, StrategyEngine.State strategyState,
                     StrategyEngine.State counterState, long tradedBars, long probeBars, long engineCommands,
                     Map<String, String> engineOpen, long enginePosition, long engineFees) {
    private static final long ANSWER_SECONDS = 10;

    /** Reads the gateway's side, then the engine's. */
    static PipelineState read(GatewayService gateway, StrategyService engine, String strategy, String counter, long requestId)
            throws Exception {
        GatewayStatus status = gateway.status().get(ANSWER_SECONDS, TimeUnit.SECONDS);
        StateSnapshot snapshot = gateway.stateSnapshot(strategy, requestId).get(ANSWER_SECONDS, TimeUnit.SECONDS);
        Map<String, String> gatewayOpen = new TreeMap<>();
        for (ExecutionReport r : snapshot.getOpenOrdersList()) {
            gatewayOpen.put(r.getClientOrderId(), OrderMessages.orderStatus(r.getStatus()) + "/" + r.getCumulativeQty());
        }
        long position = 0;
        for (PositionUpdate p : snapshot.getPositionsList()) {
            if (p.getSymbol().equals(PipelineParityTest.SYMBOL)) {
                position = p.getNetQty();
            }
        }
        long fees = 0;
        for (Fee f : snapshot.getFeesList()) {
            fees += f.getAsset().equals(PipelineParityTest.QUOTE) ? f.getAmount() : 0;
        }
        long gatewayPosition = position;
        long gatewayFees = fees;
        long received = status.received();
        long rejected = status.rejected();
        long nanos = snapshot.getTimeNs();
        return engine.inspect(e -> {
            EventCounter c = (EventCounter) e.host(counter).strategy();
            Instrument traded = e.host(strategy).instrument(PipelineParityTest.SYMBOL);
            Map<String, String> engineOpen = new TreeMap<>();
            for (Order o : e.host(strategy).openOrders()) {
                engineOpen.put(o.clientOrderId(), o.status() + "/" + o.filledQty());
            }
            long commands = 0;
            for (String id : e.strategyIds()) {
                commands += e.ordersSent(id) + e.cancelsSent(id);
            }
            return new PipelineState(nanos, received, rejected, gatewayOpen, gatewayPosition, gatewayFees, e.state(strategy),
                    e.state(counter), c.tradedBars(), c.probeBars(), commands, engineOpen,
                    e.portfolio(strategy).position(traded).netQty(), e.portfolio(strategy).feesPaid(PipelineParityTest.QUOTE));
        }).get(ANSWER_SECONDS, TimeUnit.SECONDS);
    }

    /** Nothing in flight between the gateway and the engine: both hold the same orders, position and fees. */
    boolean agree() {
        return gatewayReceived == engineCommands && gatewayOpen.equals(engineOpen) && gatewayPosition == enginePosition
                && gatewayFees == engineFees;
    }

    boolean bothActive() {
        return strategyState == StrategyEngine.State.ACTIVE && counterState == StrategyEngine.State.ACTIVE;
    }
}
