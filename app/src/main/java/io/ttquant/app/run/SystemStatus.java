package io.ttquant.app.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ttquant.app.gateway.GatewayStatus;
import io.ttquant.core.num.Fixed;
import java.util.Map;

/**
 * What {@code ttquant run} is doing, as the dashboard's {@code /api/status} shows it: uptime, the
 * market data (source, events by kind, the recent rate), the gateway (ready or why not, kill
 * switch, commands, fills, journal and what its recovery found), per strategy its state, position,
 * PnL, equity and order counts (the engine's view beside the gateway's counts), and the store (rows
 * recorded, the journal export's state and lag). Assembled from the snapshots the components
 * publish; immutable. Never holds a secret (the store is only described).
 *
 * @param gateway the gateway's latest snapshot (null before it started)
 * @param engine  the strategy engine's latest snapshot (null before it started)
 * @param store   the store, or null without one
 */
record SystemStatus(double uptimeSeconds, String feed, String symbol, MarketData marketData, GatewaySnapshot gateway,
                    String recovery, EngineSnapshot engine, StoreStatus store) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Market events published on the in-process bus, by kind, and their rate over the last second or so. */
    record MarketData(long events, long trades, long quotes, long books, long bars, double ratePerSecond) {
    }

    /**
     * The store: where (described, no password), rows the market data recorder wrote per stream, and
     * the order journal export (state, lag, rows written, the last error).
     */
    record StoreStatus(String description, Map<String, Long> rowsWritten, String exportState, long exportLagBytes,
                       long exportPendingRecords, long exportedOrders, long exportedFills, long exportedPositions, String exportError) {
        StoreStatus {
            rowsWritten = Map.copyOf(rowsWritten);
        }
    }

    /** The status as the JSON document {@code /api/status} answers. */
    String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("uptimeSeconds", uptimeSeconds);
        root.put("feed", feed);
        root.put("symbol", symbol);
        ObjectNode md = root.putObject("marketData");
        md.put("events", marketData.events());
        md.put("trades", marketData.trades());
        md.put("quotes", marketData.quotes());
        md.put("books", marketData.books());
        md.put("bars", marketData.bars());
        md.put("ratePerSecond", marketData.ratePerSecond());
        gatewayJson(root.putObject("gateway"));
        ArrayNode strategies = root.putArray("strategies");
        if (engine != null) {
            for (EngineSnapshot.StrategyState s : engine.strategies()) {
                strategyJson(strategies.addObject(), s);
            }
        }
        if (store == null) {
            root.putNull("store");
        } else {
            ObjectNode st = root.putObject("store");
            st.put("description", store.description());
            ObjectNode rows = st.putObject("rowsWritten");
            store.rowsWritten().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> rows.put(e.getKey(), e.getValue()));
            ObjectNode ex = st.putObject("export");
            ex.put("state", store.exportState());
            ex.put("lagBytes", store.exportLagBytes());
            ex.put("pendingRecords", store.exportPendingRecords());
            ex.put("orders", store.exportedOrders());
            ex.put("fills", store.exportedFills());
            ex.put("positions", store.exportedPositions());
            ex.put("lastError", store.exportError());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers always serialises", e);
        }
    }

    private void gatewayJson(ObjectNode g) {
        GatewayStatus s = gateway == null ? null : gateway.status();
        g.put("venue", s == null ? null : s.venue());
        g.put("ready", s != null && s.ready());
        g.put("notReadyReason", s == null ? "starting" : s.notReadyReason());
        ObjectNode kill = g.putObject("killSwitch");
        kill.put("engaged", s != null && s.killSwitch());
        kill.put("reason", s == null ? null : s.killReason());
        g.put("received", s == null ? 0 : s.received());
        g.put("rejected", s == null ? 0 : s.rejected());
        g.put("fills", s == null ? 0 : s.fills());
        g.put("marketEvents", gateway == null ? 0 : gateway.marketEvents());
        g.put("journal", s == null ? null : s.journal());
        g.put("recovery", recovery);
    }

    private void strategyJson(ObjectNode o, EngineSnapshot.StrategyState s) {
        o.put("id", s.id());
        o.put("name", s.name());
        o.put("state", s.state());
        o.put("problem", s.problem());
        o.put("asset", s.asset());
        ArrayNode positions = o.putArray("positions");
        for (EngineSnapshot.Holding h : s.holdings()) {
            positions.addObject().put("symbol", h.symbol()).put("qty", h.netQty());
        }
        o.put("realizedPnl", s.realized());
        o.put("unrealizedPnl", s.unrealized());
        o.put("equity", s.equity());
        o.put("equityValue", Fixed.toDouble(s.equityRaw(), Fixed.CASH_SCALE));
        o.put("ordersSent", s.ordersSent());
        o.put("cancelsSent", s.cancelsSent());
        GatewaySnapshot.StrategyOrders g = gateway == null ? null : gateway.strategy(s.id());
        o.put("accepted", g == null ? 0 : g.accepted());
        o.put("rejected", g == null ? 0 : g.rejected());
        o.put("fills", g == null ? 0 : g.fills());
        ArrayNode booked = o.putArray("gatewayPositions");
        if (g != null) {
            for (GatewaySnapshot.Holding h : g.holdings()) {
                booked.addObject().put("symbol", h.symbol()).put("qty", h.netQty()).put("realizedPnl", h.realized());
            }
        }
    }
}
