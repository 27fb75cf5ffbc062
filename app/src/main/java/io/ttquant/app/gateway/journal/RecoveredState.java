package io.ttquant.app.gateway.journal;

import io.ttquant.core.risk.TradingState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the gateway knew when it stopped, rebuilt by replaying its journal: open orders with their
 * last known state (and which are unknown at the venue), exact positions per strategy and per
 * account from the fills, the fills already applied, the client order ids still inside the
 * idempotency window, the next gateway order id, the kill switch and strategy states, each
 * strategy's latest trading day for the daily-loss limit, and whether the last run shut down cleanly. The gateway reconciles this with the venue before it trades.
 *
 * <p>Terminal orders, and applied fill ids of orders no longer kept, are kept only while their last
 * record is within the idempotency window of the newest record; open and unknown orders and all
 * positions are always kept. A replay of a compacted journal gives the same state as a replay of
 * every record. Built once by a replay and read-only afterwards; it allocates freely (startup only)
 * and must not be used on the order path.
 */
public final class RecoveredState {
    final TreeMap<Long, RecoveredOrder> orders = new TreeMap<>();
    final HashMap<String, RecoveredOrder> byClientId = new HashMap<>();
    final TreeMap<String, RecoveredPosition> positions = new TreeMap<>();
    final TreeMap<String, RecoveredPosition> accounts = new TreeMap<>();
    final HashMap<FillKey, AppliedFill> fills = new HashMap<>();
    final TreeMap<String, TradingState> strategyStates = new TreeMap<>();
    final TreeMap<String, String> strategyReasons = new TreeMap<>();
    final TreeMap<String, RecoveredRiskDay> riskDays = new TreeMap<>();
    long nextOrderId = 1;
    boolean killSwitchEngaged;
    String killSwitchReason = "";
    boolean cleanShutdown = true;
    boolean empty = true;
    long lastRecordNanos;
    long duplicateFillsSkipped;

    /** A fill's identity at its venue: Binance's trade ids are unique per symbol only. */
    record FillKey(String venue, String symbol, long tradeId) {
    }

    /** An applied fill: its order and time, for pruning. */
    record AppliedFill(long orderId, long timeNanos) {
    }

    RecoveredState() {
    }

    static String clientKey(String strategy, String clientOrderId) {
        return strategy + '\n' + clientOrderId;
    }

    static String positionKey(String strategy, String venue, String symbol) {
        return strategy + '\n' + venue + '\n' + symbol;
    }

    /** The next gateway order id: above every id ever journaled, so never one used before. */
    public long nextOrderId() {
        return nextOrderId;
    }

    /** Orders not terminal (NEW, ACCEPTED, PARTIALLY_FILLED), by order id. */
    public List<RecoveredOrder> openOrders() {
        List<RecoveredOrder> out = new ArrayList<>();
        for (RecoveredOrder o : orders.values()) {
            if (o.isOpen()) {
                out.add(o);
            }
        }
        return out;
    }

    /** Orders whose state at the venue is unknown (a lost answer, not yet resolved), by order id. */
    public List<RecoveredOrder> unknownOrders() {
        List<RecoveredOrder> out = new ArrayList<>();
        for (RecoveredOrder o : orders.values()) {
            if (o.isUnknown()) {
                out.add(o);
            }
        }
        return out;
    }

    /** Every order kept: the open ones and the terminal ones inside the idempotency window, by order id. */
    public List<RecoveredOrder> orders() {
        return List.copyOf(orders.values());
    }

    /** The order with this gateway id, or null (never journaled, or terminal and outside the window). */
    public RecoveredOrder order(long orderId) {
        return orders.get(orderId);
    }

    /** The newest kept order the strategy sent under {@code clientOrderId}, or null: a repeat of it is a duplicate. */
    public RecoveredOrder orderByClientId(String strategy, String clientOrderId) {
        return byClientId.get(clientKey(strategy, clientOrderId));
    }

    /** The client order ids of {@code strategy} still inside the idempotency window (or open). */
    public List<String> clientOrderIds(String strategy) {
        List<String> out = new ArrayList<>();
        for (RecoveredOrder o : orders.values()) {
            if (o.strategy().equals(strategy) && byClientId.get(clientKey(strategy, o.clientOrderId())) == o) {
                out.add(o.clientOrderId());
            }
        }
        return out;
    }

    /** The strategy's position on the venue in the symbol, or null when it never had a fill there. */
    public RecoveredPosition position(String strategy, String venue, String symbol) {
        return positions.get(positionKey(strategy, venue, symbol));
    }

    /** Every strategy position, ordered by strategy, venue, symbol. */
    public List<RecoveredPosition> positions() {
        return List.copyOf(positions.values());
    }

    /** The account's position (all strategies) on the venue in the symbol, or null. */
    public RecoveredPosition accountPosition(String venue, String symbol) {
        return accounts.get(positionKey("", venue, symbol));
    }

    /** Every account position, ordered by venue, symbol. */
    public List<RecoveredPosition> accountPositions() {
        return List.copyOf(accounts.values());
    }

    /** True when the fill with this trade id of {@code symbol} at {@code venue} was applied before (trade ids are unique per symbol). */
    public boolean isFillApplied(String venue, String symbol, long tradeId) {
        return fills.containsKey(new FillKey(venue, symbol, tradeId));
    }

    /** How many applied fill ids are kept. */
    /** The highest trade id applied for {@code symbol} at {@code venue}; {@link Long#MIN_VALUE} when none. */
    public long maxTradeId(String venue, String symbol) {
        long max = Long.MIN_VALUE;
        for (FillKey k : fills.keySet()) {
            if (k.tradeId() > max && k.venue().equals(venue) && k.symbol().equals(symbol)) {
                max = k.tradeId();
            }
        }
        return max;
    }

    public int appliedFillIds() {
        return fills.size();
    }

    public boolean killSwitchEngaged() {
        return killSwitchEngaged;
    }

    /** The reason given when the kill switch was last engaged or released; empty when never. */
    public String killSwitchReason() {
        return killSwitchReason;
    }

    /** The strategy's journaled trading state; ACTIVE when none was journaled. */
    public TradingState strategyState(String strategy) {
        return strategyStates.getOrDefault(strategy, TradingState.ACTIVE);
    }

    /** The reason journaled with the strategy's state; empty when none. */
    public String strategyStateReason(String strategy) {
        return strategyReasons.getOrDefault(strategy, "");
    }

    /** Every journaled strategy state, by strategy name. */
    public Map<String, TradingState> strategyStates() {
        return Collections.unmodifiableMap(strategyStates);
    }

    /** The strategy's latest trading day (its daily PnL and loss state), or null when none was journaled. */
    public RecoveredRiskDay riskDay(String strategy) {
        return riskDays.get(strategy);
    }

    /** Every strategy's latest trading day, by strategy name. */
    public Map<String, RecoveredRiskDay> riskDays() {
        return Collections.unmodifiableMap(riskDays);
    }

    /** True when the last record was a SHUTDOWN (or the journal is empty): nothing was in flight when it stopped. */
    public boolean cleanShutdown() {
        return cleanShutdown;
    }

    /** True when the journal held nothing: a first start. */
    public boolean isEmpty() {
        return empty;
    }

    /** Time of the newest record, 0 when empty; the idempotency window is measured back from it. */
    public long lastRecordNanos() {
        return lastRecordNanos;
    }

    /** Fills the replay met twice (same venue and trade id) and applied once. */
    public long duplicateFillsSkipped() {
        return duplicateFillsSkipped;
    }

    /** One line for the startup log. */
    public String describe() {
        int open = 0;
        int unknown = 0;
        for (RecoveredOrder o : orders.values()) {
            open += o.isOpen() ? 1 : 0;
            unknown += o.isUnknown() ? 1 : 0;
        }
        return "recovered " + (empty ? "an empty journal" : (cleanShutdown ? "after a clean shutdown" : "after a crash"))
                + ": " + open + " open orders (" + unknown + " unknown at the venue), " + positions.size()
                + " strategy positions, " + accounts.size() + " account positions, next order id " + nextOrderId
                + (killSwitchEngaged ? ", kill switch ENGAGED (" + killSwitchReason + ")" : "");
    }
}
