package io.ttquant.sim.market;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One API key's spot account: balances per asset (free and locked, exact at the cash scale
 * 10^-8), its orders (open ones and recent history, by order id and client order id), its trades,
 * and its commission rates in parts per million (10 bps = 1,000 ppm).
 *
 * <p>Balances change only through {@link SimExchange} on the engine thread, and never go
 * negative: a move that would is a bug and throws. The secret is for the transport's signature
 * check only; it never appears in {@link #toString()}.
 */
public final class Account {
    private final long id;
    private final String apiKey;
    private final String secret;
    private final long makerCommissionPpm;
    private final long takerCommissionPpm;
    private final int historyLimit;
    private boolean canTrade = true;
    private long updateTime;
    private final TreeMap<String, long[]> balances = new TreeMap<>();
    private final Map<String, LinkedHashMap<Long, SimOrder>> orders = new HashMap<>();
    private final Map<String, HashMap<String, SimOrder>> byClientId = new HashMap<>();
    private final Map<String, TreeMap<Long, SimOrder>> open = new HashMap<>();
    private final Map<String, int[]> algoCounts = new HashMap<>();
    private final Map<String, ArrayList<AccountTrade>> trades = new HashMap<>();
    final LinkedHashSet<String> changedAssets = new LinkedHashSet<>();

    Account(long id, String apiKey, String secret, long makerCommissionPpm, long takerCommissionPpm, int historyLimit) {
        this.id = id;
        this.apiKey = apiKey;
        this.secret = secret;
        this.makerCommissionPpm = makerCommissionPpm;
        this.takerCommissionPpm = takerCommissionPpm;
        this.historyLimit = historyLimit;
    }

    /** Positive, unique per exchange; the owner id of this account's orders in the books. */
    public long id() {
        return id;
    }

    public String apiKey() {
        return apiKey;
    }

    /** The HMAC secret, for the transport's signature check only. */
    public String secret() {
        return secret;
    }

    public long makerCommissionPpm() {
        return makerCommissionPpm;
    }

    public long takerCommissionPpm() {
        return takerCommissionPpm;
    }

    public boolean canTrade() {
        return canTrade;
    }

    /** Enables or disables trading (new orders and cancels get -2010/-2011). Engine thread only. */
    public void setCanTrade(boolean canTrade) {
        this.canTrade = canTrade;
    }

    /** Time of the last balance change (ms). */
    public long updateTime() {
        return updateTime;
    }

    /** Free balance of {@code asset} at the cash scale (0 when unknown). */
    public long free(String asset) {
        long[] b = balances.get(asset);
        return b == null ? 0 : b[0];
    }

    /** Locked balance of {@code asset} at the cash scale (0 when unknown). */
    public long locked(String asset) {
        long[] b = balances.get(asset);
        return b == null ? 0 : b[1];
    }

    /** Every asset the account has held, sorted by name. */
    public List<AssetBalance> balances() {
        List<AssetBalance> out = new ArrayList<>(balances.size());
        for (Map.Entry<String, long[]> e : balances.entrySet()) {
            out.add(new AssetBalance(e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        return out;
    }

    /** Snapshot of the named assets, in the order given. */
    public List<AssetBalance> balances(Collection<String> assets) {
        List<AssetBalance> out = new ArrayList<>(assets.size());
        for (String a : assets) {
            out.add(new AssetBalance(a, free(a), locked(a)));
        }
        return out;
    }

    @Override
    public String toString() {
        return "Account[id=" + id + ", apiKey=" + apiKey + "]";
    }

    // ---- balance moves (engine only) ----

    private long[] balance(String asset) {
        return balances.computeIfAbsent(asset, k -> new long[2]);
    }

    void touch(String asset, long now) {
        balance(asset);
        changedAssets.add(asset);
        updateTime = Math.max(updateTime, now);
    }

    void credit(String asset, long amount) {
        require(amount >= 0, "negative credit");
        long[] b = balance(asset);
        b[0] = Math.addExact(b[0], amount);
        changedAssets.add(asset);
    }

    void lock(String asset, long amount) {
        long[] b = balance(asset);
        require(amount >= 0 && b[0] >= amount, "cannot lock " + amount + " " + asset + " with free " + b[0]);
        b[0] -= amount;
        b[1] += amount;
        changedAssets.add(asset);
    }

    void unlock(String asset, long amount) {
        long[] b = balance(asset);
        require(amount >= 0 && b[1] >= amount, "cannot unlock " + amount + " " + asset + " with locked " + b[1]);
        b[1] -= amount;
        b[0] += amount;
        changedAssets.add(asset);
    }

    /** Removes {@code amount} from the locked balance: it leaves the account in a trade. */
    void spendLocked(String asset, long amount) {
        long[] b = balance(asset);
        require(amount >= 0 && b[1] >= amount, "cannot spend " + amount + " locked " + asset + " of " + b[1]);
        b[1] -= amount;
        changedAssets.add(asset);
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("balance invariant: " + what);
        }
    }

    // ---- orders and trades (engine only) ----

    void addOrder(SimOrder o) {
        orders.computeIfAbsent(o.symbol, k -> new LinkedHashMap<>()).put(o.orderId, o);
        byClientId.computeIfAbsent(o.symbol, k -> new HashMap<>()).put(o.clientOrderId, o);
        open.computeIfAbsent(o.symbol, k -> new TreeMap<>()).put(o.orderId, o);
        if (o.type.isStop()) {
            algoCounts.computeIfAbsent(o.symbol, k -> new int[1])[0]++;
        }
    }

    /** Bookkeeping when {@code o} stops being open; trims old closed orders beyond the history limit. */
    void orderClosed(SimOrder o) {
        open.get(o.symbol).remove(o.orderId);
        if (o.type.isStop() && !o.working) {
            algoCounts.get(o.symbol)[0]--;
        }
        LinkedHashMap<Long, SimOrder> all = orders.get(o.symbol);
        if (all.size() > historyLimit + historyLimit / 8) {
            HashMap<String, SimOrder> ids = byClientId.get(o.symbol);
            Iterator<SimOrder> it = all.values().iterator();
            int excess = all.size() - historyLimit;
            while (excess > 0 && it.hasNext()) {
                SimOrder old = it.next();
                if (!old.isOpen()) {
                    it.remove();
                    if (ids.get(old.clientOrderId) == old) {
                        ids.remove(old.clientOrderId);
                    }
                    excess--;
                }
            }
        }
    }

    /** A stop order started working: it no longer counts as a pending algo order. */
    void stopTriggered(SimOrder o) {
        algoCounts.get(o.symbol)[0]--;
    }

    int openOrderCount(String symbol) {
        TreeMap<Long, SimOrder> m = open.get(symbol);
        return m == null ? 0 : m.size();
    }

    int openAlgoOrderCount(String symbol) {
        int[] c = algoCounts.get(symbol);
        return c == null ? 0 : c[0];
    }

    SimOrder order(String symbol, long orderId) {
        LinkedHashMap<Long, SimOrder> m = orders.get(symbol);
        return m == null ? null : m.get(orderId);
    }

    /** The latest order with {@code clientOrderId} on {@code symbol}, or null. */
    SimOrder orderByClientId(String symbol, String clientOrderId) {
        HashMap<String, SimOrder> m = byClientId.get(symbol);
        return m == null ? null : m.get(clientOrderId);
    }

    /** Open orders of {@code symbol} in order id order (a copy). */
    List<SimOrder> openOrders(String symbol) {
        TreeMap<Long, SimOrder> m = open.get(symbol);
        return m == null ? new ArrayList<>() : new ArrayList<>(m.values());
    }

    /** Every order still remembered (open and history) of every symbol. */
    List<SimOrder> allOrders() {
        List<SimOrder> out = new ArrayList<>();
        for (LinkedHashMap<Long, SimOrder> m : orders.values()) {
            out.addAll(m.values());
        }
        return out;
    }

    void addTrade(AccountTrade t) {
        ArrayList<AccountTrade> list = trades.computeIfAbsent(t.symbol(), k -> new ArrayList<>());
        list.add(t);
        if (list.size() > historyLimit + historyLimit / 8) {
            list.subList(0, list.size() - historyLimit).clear();
        }
    }

    /** This account's trades on {@code symbol}, oldest first (the live list; do not modify). */
    List<AccountTrade> trades(String symbol) {
        ArrayList<AccountTrade> list = trades.get(symbol);
        return list == null ? List.of() : list;
    }
}
