package io.ttquant.app.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@code ttquant run} did, printed when it stops: how long it ran, the market events
 * processed (by kind, and how many the gateway and the strategy engine handled), per strategy its
 * orders (sent by the engine, accepted and rejected by the gateway), fills, final position and PnL
 * (realized and unrealized) and equity, the rows each table of the store holds and where, and the
 * journal directory. Taken after every component stopped and flushed, before the store closed.
 * Immutable.
 */
record RunSummary(double seconds, SystemStatus.MarketData marketData, long gatewayEvents, long engineEvents,
                  List<StrategyResult> strategies, String store, Map<String, Long> tableRows, Path journalDir) {
    RunSummary {
        strategies = List.copyOf(strategies);
        tableRows = Collections.unmodifiableMap(new LinkedHashMap<>(tableRows));
    }

    /**
     * One strategy's result: orders sent by the engine; accepted, rejected and filled at the gateway; position and realized
     * PnL (before fees) as the gateway journaled them; unrealized PnL and equity at the engine's last marks.
     */
    record StrategyResult(String id, long ordersSent, long accepted, long rejected, long fills, String position, String asset,
                          String realized, String unrealized, String equity) {
    }

    /** Orders sent by every strategy. */
    long ordersSent() {
        long n = 0;
        for (StrategyResult s : strategies) {
            n += s.ordersSent();
        }
        return n;
    }

    long fills() {
        long n = 0;
        for (StrategyResult s : strategies) {
            n += s.fills();
        }
        return n;
    }

    /** The summary as printed, one line each. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "TTQuant stopped after %.1f s", seconds));
        SystemStatus.MarketData md = marketData;
        out.add("  events     " + n(md.events()) + " market data events (trades " + n(md.trades()) + ", quotes " + n(md.quotes())
                + ", book updates " + n(md.books()) + ", bars " + n(md.bars()) + "); the gateway handled " + n(gatewayEvents)
                + ", the strategy engine " + n(engineEvents));
        for (StrategyResult s : strategies) {
            out.add("  " + pad(s.id()) + " orders sent " + n(s.ordersSent()) + ", accepted " + n(s.accepted()) + ", rejected "
                    + n(s.rejected()) + "; fills " + n(s.fills()) + "; position " + s.position() + "; PnL realized " + s.realized()
                    + " " + s.asset() + ", unrealized " + s.unrealized() + " " + s.asset() + "; equity " + s.equity() + " " + s.asset());
        }
        if (store == null) {
            out.add("  stored     nothing (--no-store)");
        } else {
            StringBuilder rows = new StringBuilder();
            for (Map.Entry<String, Long> e : tableRows.entrySet()) {
                rows.append(rows.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(n(e.getValue()));
            }
            out.add("  stored     " + rows + " in " + store);
        }
        out.add("  journal    " + journalDir);
        return out;
    }

    private static String pad(String id) {
        return id.length() >= 10 ? id : id + " ".repeat(10 - id.length());
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
