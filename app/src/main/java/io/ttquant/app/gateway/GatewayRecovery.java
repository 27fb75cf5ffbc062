package io.ttquant.app.gateway;

import io.ttquant.app.gateway.journal.JournalRecovery;
import io.ttquant.app.gateway.journal.RecoveredOrder;
import io.ttquant.app.gateway.journal.RecoveredPosition;
import io.ttquant.app.gateway.journal.RecoveredRiskDay;
import io.ttquant.app.gateway.journal.RecoveredState;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Order;
import io.ttquant.core.risk.TradingState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a freshly built {@link OrderGateway} from what its journal's replay recovered, then
 * hands the open orders to the venue to reconcile: order ids continue above every journaled id;
 * open orders return to the registry with their state (fills, notional, fees) and their exposure
 * to the risk engine; terminal orders still inside the idempotency window return to it, so a client
 * order id resent after the crash is answered with its order's state and never makes a second
 * order; positions return to the strategies' portfolios and the risk engine exactly; the kill
 * switch and strategy states return as they were; and each strategy's trading day for the
 * daily-loss limit continues when the restart is the same UTC day (its realised and unrealised PnL
 * and a REDUCE_ONLY or HALTED state caused by today's losses), or starts afresh on a new day. The
 * days the gateway holds after the restore are journaled again at once, so that the next restart
 * finds them whatever comes between.
 *
 * <p>It fails closed, never half-way open: a journal that could not be read, or whose open orders or
 * positions this gateway cannot hold (another venue, a strategy or instrument no longer configured,
 * a different scale, more open orders than the risk engine books), leaves the gateway refusing
 * every new order with the reason. Terminal orders and flat positions it cannot place are only
 * history and are skipped (counted in the summary). Runs once, on the gateway's thread, before the
 * first command; allocates freely.
 */
public final class GatewayRecovery {
    private static final System.Logger LOG = System.getLogger(GatewayRecovery.class.getName());

    private GatewayRecovery() {
    }

    /**
     * Restores {@code gateway} from {@code recovery} and starts the venue's reconciliation at
     * {@code nowNanos}; returns one line saying what was recovered (or why the gateway refuses to
     * trade). The gateway is ready once the venue reports the reconciliation done.
     */
    public static String restore(OrderGateway gateway, JournalRecovery recovery, long nowNanos) {
        if (!recovery.ok()) {
            String why = "cannot recover from the order journal: " + recovery.error().describe();
            gateway.failClosed(why);
            return why;
        }
        RecoveredState state = recovery.state();
        List<Order> open = new ArrayList<>();
        String summary;
        try {
            summary = restoreState(gateway, state, open);
        } catch (RuntimeException e) {
            String why = "the order journal does not fit this gateway's configuration: " + e.getMessage();
            gateway.failClosed(why);
            return why;
        }
        String line = recovery.describe() + "; " + summary;
        if (state.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "gateway: order journal empty, first start");
        } else if (state.cleanShutdown()) {
            LOG.log(System.Logger.Level.INFO, "gateway: " + line);
        } else {
            LOG.log(System.Logger.Level.WARNING, "gateway: the previous run did not shut down cleanly (a crash or a kill); "
                    + line);
        }
        if (!gateway.hasFailedClosed()) {
            gateway.reconcile(open, state, nowNanos);
        }
        return line;
    }

    private static String restoreState(OrderGateway g, RecoveredState state, List<Order> open) {
        String venue = g.venueName();
        g.restoreNextOrderId(state.nextOrderId());
        List<RecoveredOrder> terminal = new ArrayList<>();
        List<RecoveredOrder> live = new ArrayList<>();
        int skipped = 0;
        for (RecoveredOrder o : state.orders()) {
            if (state.orderByClientId(o.strategy(), o.clientOrderId()) != o && !o.isOpen()) {
                skipped++; // an older order under a client order id used again later: the newer one answers it
                continue;
            }
            String misfit = misfit(g, o.strategy(), o.venue(), o.symbol(), o.priceScale(), o.qtyScale());
            if (misfit != null) {
                if (o.isOpen()) {
                    g.failClosed("the journal holds open order " + o.orderId() + " (" + o.strategy() + "/" + o.clientOrderId()
                            + ") that this gateway cannot hold: " + misfit);
                    return "refused: open order " + o.orderId() + ": " + misfit;
                }
                skipped++;
                continue;
            }
            (o.isOpen() ? live : terminal).add(o);
        }
        // Oldest first, so that a full idempotency window keeps the newest.
        terminal.sort(Comparator.comparingLong(RecoveredOrder::lastUpdateNanos).thenComparingLong(RecoveredOrder::orderId));
        for (RecoveredOrder o : terminal) {
            g.restoreOrder(o, g.risk().strategyId(o.strategy()), g.instrumentIndex(o.symbol()));
        }
        for (RecoveredOrder o : live) {
            open.add(g.restoreOrder(o, g.risk().strategyId(o.strategy()), g.instrumentIndex(o.symbol())));
        }
        int positions = 0;
        for (RecoveredPosition p : state.positions()) {
            String misfit = misfit(g, p.strategy(), p.venue(), p.symbol(), p.priceScale(), p.qtyScale());
            if (misfit != null) {
                if (p.netQty() != 0 && venue.equals(p.venue())) {
                    g.failClosed("the journal holds a position this gateway cannot hold: " + p + ": " + misfit);
                    return "refused: position " + p + ": " + misfit;
                }
                skipped++;
                continue;
            }
            g.restorePosition(g.risk().strategyId(p.strategy()), g.instrumentIndex(p.symbol()), p);
            positions++;
        }
        if (state.killSwitchEngaged()) {
            g.restoreKillSwitch(state.killSwitchReason());
        }
        for (Map.Entry<String, TradingState> e : state.strategyStates().entrySet()) {
            int s = g.risk().strategyId(e.getKey());
            if (s >= 0) {
                g.restoreStrategyState(s, e.getValue());
            }
        }
        StringBuilder days = new StringBuilder();
        for (int s = 0; s < g.risk().strategyCount(); s++) {
            RecoveredRiskDay d = state.riskDay(g.risk().strategyName(s));
            if (d != null && g.risk().restoreDay(s, d.epochDay(), d.dayRealized(), d.dayStartUnrealized(), d.lossState())) {
                days.append(days.length() == 0 ? "; today's loss state continues: " : ", ").append(d.strategy()).append(' ')
                        .append(d.lossState()).append(" (realised today ")
                        .append(Fixed.formatCompact(d.dayRealized(), Fixed.CASH_SCALE))
                        .append(')');
            }
        }
        g.journalRiskDays();
        return "restored " + live.size() + " open orders, " + terminal.size() + " terminal orders for repeated client order ids, "
                + positions + " positions" + days + "; next order id " + g.nextOrderId()
                + (skipped > 0 ? "; " + skipped + " entries of other venues, strategies or instruments skipped" : "");
    }

    /** Why an entry of the journal does not fit this gateway, or null when it fits. */
    private static String misfit(OrderGateway g, String strategy, String venue, String symbol, int priceScale, int qtyScale) {
        if (!g.venueName().equals(venue)) {
            return "it is on the " + venue + " venue, this gateway routes to " + g.venueName();
        }
        if (g.risk().strategyId(strategy) < 0) {
            return "strategy " + strategy + " is not configured";
        }
        int ins = g.instrumentIndex(symbol);
        if (ins < 0) {
            return "instrument " + symbol + " is not configured";
        }
        Instrument i = g.instrumentAt(ins);
        if (i.priceScale() != priceScale || i.qtyScale() != qtyScale) {
            return symbol + " is journaled at price/quantity scales " + priceScale + "/" + qtyScale + ", configured at "
                    + i.priceScale() + "/" + i.qtyScale();
        }
        return null;
    }
}
