package io.ttquant.app.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.portfolio.Position;
import io.ttquant.core.risk.RiskEngine;
import io.ttquant.core.risk.TradingState;
import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot of a running gateway for the operator ({@code GET /admin/status}): whether it accepts
 * new orders and, when not, why (reconciling after a restart, journal unreadable or failed,
 * reconciliation failed), its journal, the kill switch and its reason, and per strategy its
 * effective trading state, open orders, daily PnL and positions.
 * Taken on the gateway's thread by {@link #of}, then immutable and safe to hand to any thread.
 * Amounts are exact decimal texts (quantities in base units, money in the quote asset).
 */
public record GatewayStatus(long timeNanos, String venue, boolean killSwitch, String killReason, long received,
                            long rejected, long fills, List<StrategyStatus> strategies, boolean ready, String notReadyReason,
                            String journal, String reconciliation) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One strategy's state. */
    public record StrategyStatus(String name, TradingState state, int openOrders, String dailyPnl,
                                 List<PositionStatus> positions) {
    }

    /** One position: net quantity (base units) and its signed market value at the last price (quote asset). */
    public record PositionStatus(String symbol, String qty, String notional) {
    }

    public GatewayStatus {
        strategies = List.copyOf(strategies);
    }

    /** A ready gateway without a journal. */
    public GatewayStatus(long timeNanos, String venue, boolean killSwitch, String killReason, long received, long rejected,
                         long fills, List<StrategyStatus> strategies) {
        this(timeNanos, venue, killSwitch, killReason, received, rejected, fills, strategies, true, null, "none", null);
    }

    /** Reads the gateway's state; call on the gateway's thread only. */
    public static GatewayStatus of(OrderGateway gateway, List<String> strategyNames, List<Instrument> instruments, String journal) {
        RiskEngine risk = gateway.risk();
        List<StrategyStatus> list = new ArrayList<>();
        for (int s = 0; s < strategyNames.size(); s++) {
            String name = strategyNames.get(s);
            List<PositionStatus> positions = new ArrayList<>();
            for (Instrument i : instruments) {
                Position p = gateway.position(name, i.symbol());
                long qty = p == null ? 0 : p.netQty();
                long notional = p == null ? 0 : qty >= 0 ? p.exposure() : -p.exposure();
                positions.add(new PositionStatus(i.symbol(), i.formatQty(qty), Fixed.formatCompact(notional, Fixed.CASH_SCALE)));
            }
            list.add(new StrategyStatus(name, risk.state(s), risk.openOrders(s),
                    Fixed.formatCompact(risk.dailyPnl(s), Fixed.CASH_SCALE), positions));
        }
        return new GatewayStatus(gateway.nanos(), gateway.venue().name(), gateway.isKillSwitchEngaged(), risk.killReason(),
                gateway.received(), gateway.rejected(), gateway.fills(), list, gateway.isReady(), gateway.notReadyReason(), journal,
                gateway.reconciliation());
    }

    /** The strategy of this name, or null. */
    public StrategyStatus strategy(String name) {
        for (StrategyStatus s : strategies) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** The snapshot as a JSON document (the admin endpoint's answer). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("timeNanos", timeNanos);
        root.put("venue", venue);
        root.put("ready", ready);
        if (notReadyReason != null) {
            root.put("notReadyReason", notReadyReason);
        } else {
            root.putNull("notReadyReason");
        }
        root.put("journal", journal);
        if (reconciliation != null) {
            root.put("reconciliation", reconciliation);
        } else {
            root.putNull("reconciliation");
        }
        ObjectNode kill = root.putObject("killSwitch");
        kill.put("engaged", killSwitch);
        if (killReason != null) {
            kill.put("reason", killReason);
        } else {
            kill.putNull("reason");
        }
        ObjectNode commands = root.putObject("commands");
        commands.put("received", received);
        commands.put("rejected", rejected);
        commands.put("fills", fills);
        ArrayNode array = root.putArray("strategies");
        for (StrategyStatus s : strategies) {
            ObjectNode o = array.addObject();
            o.put("name", s.name());
            o.put("state", s.state().name());
            o.put("openOrders", s.openOrders());
            o.put("dailyPnl", s.dailyPnl());
            ArrayNode positions = o.putArray("positions");
            for (PositionStatus p : s.positions()) {
                positions.addObject().put("symbol", p.symbol()).put("qty", p.qty()).put("notional", p.notional());
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers always serialises", e);
        }
    }
}
