package io.ttquant.sim.market;

import java.util.List;

/**
 * Receives user-data events, synchronously on the engine thread, in order: for one operation the
 * execution reports come first, then one account-position event per account whose balances
 * changed. Same rules as {@link MarketListener}: return quickly, do not re-enter the exchange,
 * serialize the live {@link SimOrder} inside the callback.
 */
public interface UserListener {
    /**
     * An {@code executionReport}: {@code type} is the {@code x} field, {@code order} gives the
     * rest ({@code X} = its status). {@code lastFill} is the fill for {@code TRADE}, else null.
     * For {@code CANCELED}, {@code c} is {@link SimOrder#cancelClientOrderId()} and {@code C} the
     * order's own client id.
     */
    default void onExecutionReport(Account account, SimOrder order, ExecutionType type, SimFill lastFill,
                                   long eventTimeMillis) {
    }

    /** An {@code outboundAccountPosition} for the assets that changed; read them from {@code account}. */
    default void onAccountPosition(Account account, List<String> changedAssets, long eventTimeMillis) {
    }
}
