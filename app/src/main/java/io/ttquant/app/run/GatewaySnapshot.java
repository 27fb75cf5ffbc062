package io.ttquant.app.run;

import io.ttquant.app.gateway.GatewayStatus;
import java.util.List;

/**
 * The in-process gateway as the dashboard and the run summary see it, taken on the gateway's
 * thread (at most once a second, and once more when it stops), then immutable and safe to read
 * from any thread: the operator's {@link GatewayStatus} (ready, kill switch, per strategy trading
 * state, open orders, daily PnL and positions), per strategy the counts of commands and fills and
 * each position's net quantity and realized PnL, and the market events the gateway handled.
 * Quantities and money are exact decimal texts, raw values beside them where code compares them.
 */
record GatewaySnapshot(GatewayStatus status, List<StrategyOrders> strategies, long marketEvents) {
    GatewaySnapshot {
        strategies = List.copyOf(strategies);
    }

    /** One strategy's orders at the gateway. */
    record StrategyOrders(String name, long received, long accepted, long rejected, long fills, List<Holding> holdings) {
        StrategyOrders {
            holdings = List.copyOf(holdings);
        }
    }

    /** A position as the gateway books it: net quantity (raw and text) and realized PnL before fees (cash scale and text). */
    record Holding(String symbol, long netQtyRaw, String netQty, long realizedRaw, String realized) {
    }

    StrategyOrders strategy(String name) {
        for (StrategyOrders s : strategies) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
