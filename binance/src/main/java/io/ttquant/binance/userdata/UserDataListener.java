package io.ttquant.binance.userdata;

/**
 * What a {@link UserDataStream} tells the venue adapter, always on the stream's event loop, one
 * call at a time.
 *
 * <p>The event objects are reused: each is valid only during the call that receives it (copy what
 * must outlive it, keep no reference).
 *
 * <p>Gaps. Events are only known complete while one connection stays up with one listen key.
 * After a connection is lost (or its key expires or is refused) the stream reconnects and then
 * calls {@link #onStreamGap} followed by {@link #onConnected()}: events from {@code sinceNanos}
 * on may have been missed, and the owner must reconcile by REST (open orders, {@code myTrades},
 * the account). {@code onStreamGap} also comes alone, without a reconnect, when a message that may
 * have carried an order or balance update could not be read
 * ({@link StreamGapReason#UNREADABLE_MESSAGE}). The first connection calls only
 * {@link #onConnected()}: what happened before the stream started is the owner's start-up
 * reconciliation. Binance may deliver events out of order under load; order them by
 * {@code eventTimeNanos} and de-duplicate fills by trade id.
 *
 * <p>Implementations must never block and should not throw (an exception is caught, counted in
 * {@link UserDataStats#listenerErrors()} and logged once; the stream carries on).
 */
public interface UserDataListener {
    /** An order was accepted, canceled, rejected, expired, or (partly) filled. */
    void onExecutionReport(ExecutionReportEvent report);

    /** Balances changed (only the assets the change may have touched). */
    void onAccountPosition(AccountPositionEvent position);

    /** A deposit, withdrawal or transfer changed a balance. */
    void onBalanceUpdate(BalanceUpdateEvent update);

    /**
     * Events after {@code sinceNanos} (the stream clock's time of the last frame received before the
     * gap) may have been lost, for {@code reason} (the first cause when several followed one another).
     */
    void onStreamGap(StreamGapReason reason, long sinceNanos);

    /** A connection is open and delivering; after a reconnect it follows {@link #onStreamGap}. */
    void onConnected();
}
