package io.ttquant.binance.trading;

import java.util.List;

/**
 * The account as {@code GET /api/v3/account} reports it: whether it may trade, when it last
 * changed (epoch ms) and its balances, in Binance's order. Immutable.
 */
public final class AccountBalances {
    private final boolean canTrade;
    private final long updateTimeMillis;
    private final List<AssetBalance> balances;

    AccountBalances(boolean canTrade, long updateTimeMillis, List<AssetBalance> balances) {
        this.canTrade = canTrade;
        this.updateTimeMillis = updateTimeMillis;
        this.balances = List.copyOf(balances);
    }

    public boolean canTrade() {
        return canTrade;
    }

    public long updateTimeMillis() {
        return updateTimeMillis;
    }

    public List<AssetBalance> balances() {
        return balances;
    }

    /** The balance of {@code asset}, or a zero balance when the account lists none. */
    public AssetBalance balance(String asset) {
        for (AssetBalance b : balances) {
            if (b.asset().equals(asset)) {
                return b;
            }
        }
        return new AssetBalance(asset, 0, 0);
    }

    /** Free balance of {@code asset}, raw at the cash scale. */
    public long free(String asset) {
        return balance(asset).free();
    }

    /** Locked balance of {@code asset}, raw at the cash scale. */
    public long locked(String asset) {
        return balance(asset).locked();
    }

    @Override
    public String toString() {
        return "AccountBalances{canTrade=" + canTrade + ", balances=" + balances.size() + "}";
    }
}
