package io.ttquant.app.gateway;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Order;
import io.ttquant.core.portfolio.Portfolio;
import io.ttquant.core.portfolio.Position;
import io.ttquant.transport.order.OrderMessages;
import io.ttquant.transport.proto.Fee;
import io.ttquant.transport.proto.StateSnapshot;
import java.util.List;

/**
 * Answers a strategy engine's start-up question "what are my open orders and positions?" from the
 * {@link OrderGateway}'s own state: every order of the strategy not yet terminal (in its current
 * state, as an ExecutionReport without fill fields), its position in every instrument, the fees its
 * fills paid, whether the gateway is ready to trade, and the highest number ending one of the
 * strategy's remembered client order ids (so that a restarted engine numbers its new ids above
 * every id the gateway could still answer as a duplicate).
 *
 * <p>Must run on the gateway's thread (the {@link GatewayService} queues it there like an operator
 * request); it reads and never changes anything. It allocates (a snapshot is built once per
 * engine start, never on the order path).
 */
public final class GatewayStateQuery {
    private GatewayStateQuery() {
    }

    /** The state of {@code strategy} for request {@code requestId}; call on the gateway's thread only. */
    public static StateSnapshot snapshot(OrderGateway gateway, String strategy, long requestId, List<Instrument> instruments) {
        StateSnapshot.Builder b = StateSnapshot.newBuilder().setStrategy(strategy == null ? "" : strategy)
                .setRequestId(requestId).setTimeNs(gateway.nanos());
        int s = strategy == null ? -1 : gateway.risk().strategyId(strategy);
        if (s < 0) {
            return b.setKnown(false).build();
        }
        b.setKnown(true).setReady(gateway.isReady());
        if (!gateway.isReady() && gateway.notReadyReason() != null) {
            b.setNotReadyReason(gateway.notReadyReason());
        }
        String venue = gateway.venue().name();
        OrderRegistry registry = gateway.registry();
        long lastSequence = 0;
        for (int slot = 0; slot < registry.capacity(); slot++) {
            Order order = registry.order(slot);
            boolean terminal = registry.isTerminal(slot);
            if ((order == null && !terminal) || registry.strategy(slot) != s) {
                continue;
            }
            lastSequence = Math.max(lastSequence, trailingNumber(registry.clientIds(), registry.clientIdOffset(slot),
                    registry.clientIdLength(slot)));
            if (order != null && !order.status().isTerminal()) {
                b.addOpenOrders(OrderMessages.executionReport(order, null, venue, order.updatedNanos()));
            }
        }
        b.setLastClientSequence(lastSequence);
        for (Instrument i : instruments) {
            Position p = gateway.position(strategy, i.symbol());
            if (p != null) {
                b.addPositions(OrderMessages.positionUpdate(p, strategy, venue, gateway.nanos()));
            }
        }
        Portfolio portfolio = gateway.portfolio(strategy);
        for (String asset : portfolio.assetNames()) {
            long fees = portfolio.feesPaid(asset);
            if (fees != 0) {
                b.addFees(Fee.newBuilder().setAsset(asset).setAmount(fees));
            }
        }
        return b.build();
    }

    /** The decimal number after the last '-' of {@code bytes[offset, offset + length)}, or 0 when there is none. */
    static long trailingNumber(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int start = end;
        while (start > offset && bytes[start - 1] >= '0' && bytes[start - 1] <= '9') {
            start--;
        }
        if (start == end || start == offset || bytes[start - 1] != '-' || end - start > 18) {
            return 0;
        }
        long n = 0;
        for (int i = start; i < end; i++) {
            n = n * 10 + (bytes[i] - '0');
        }
        return n;
    }
}
