package io.ttquant.app.gateway.binance;

import io.ttquant.binance.userdata.AccountPositionEvent;
import io.ttquant.binance.userdata.BalanceUpdateEvent;
import io.ttquant.binance.userdata.ExecutionReportEvent;
import io.ttquant.binance.userdata.StreamGapReason;
import io.ttquant.binance.userdata.UserDataListener;

/**
 * The user data stream's listener: runs on the stream's event loop, copies each execution report
 * ({@link StreamReport}) and hands it, gaps and connects to the gateway's thread through the
 * {@link VenueInbox}. It never touches an order itself. Balance events are not used by the venue
 * (the gateway keeps its own portfolio from fills) and are dropped here.
 */
final class UserDataRelay implements UserDataListener {
    /** What the gateway's thread does with the stream's news. */
    interface Target {
        void onStreamReport(StreamReport report);

        void onStreamGap(StreamGapReason reason);

        void onStreamConnected();
    }

    private final VenueInbox inbox;
    private final Target target;

    UserDataRelay(VenueInbox inbox, Target target) {
        this.inbox = inbox;
        this.target = target;
    }

    @Override
    public void onExecutionReport(ExecutionReportEvent e) {
        StreamReport copy = StreamReport.copyOf(e);
        inbox.execute(() -> target.onStreamReport(copy));
    }

    @Override
    public void onAccountPosition(AccountPositionEvent position) {
        // balances are the gateway portfolio's business, kept from fills
    }

    @Override
    public void onBalanceUpdate(BalanceUpdateEvent update) {
        // deposits and withdrawals do not change orders
    }

    @Override
    public void onStreamGap(StreamGapReason reason, long sinceNanos) {
        inbox.execute(() -> target.onStreamGap(reason));
    }

    @Override
    public void onConnected() {
        inbox.execute(target::onStreamConnected);
    }
}
