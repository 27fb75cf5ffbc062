package io.ttquant.app.strategy;

import io.ttquant.core.engine.StrategyHost;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.portfolio.Portfolio;
import io.ttquant.core.portfolio.Position;
import io.ttquant.transport.proto.ExecutionEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Everything the live engine keeps for one strategy: its host (the same {@link StrategyHost} and
 * {@link Portfolio} a backtest uses), its venue, its state in the engine's life cycle, the orders it
 * has open by client order id (how the gateway's reports find them), what came in while it was
 * still syncing, and its statistics for the metrics (fills, round trips, rejections by reason,
 * callback latency, drawdown). Owned and mutated by the engine's thread only; the metrics read
 * samples the engine publishes, never this object.
 */
final class StrategySlot {
    private static final RejectReason[] REASONS = RejectReason.values();

    final int index;
    final StrategyDefinition definition;
    final StrategyHost host;
    final Portfolio portfolio;
    final RemoteVenue venue;
    final Instrument[] instruments;
    final HashMap<String, Order> openByClientId = new HashMap<>();
    final List<ExecutionEvent> buffered = new ArrayList<>();
    final CallbackLatency latency = new CallbackLatency();
    final long[] rejects = new long[REASONS.length];
    /** Per instrument: realized PnL less quote-asset fees of the round trip in progress. */
    private final long[] tripPnl;

    StrategyEngine.State state = StrategyEngine.State.SYNCING;
    String reason;
    // Start-up sync.
    long requestId;
    long requestSentAt = Long.MIN_VALUE;
    long nextRequestAt;
    int syncAttempts;
    String syncProblem;
    // Statistics.
    long callbacks;
    long slowCallbacks;
    int consecutiveSlow;
    long callbackErrors;
    long fills;
    long roundTrips;
    long winningRoundTrips;
    long unknownReports;
    long positionMismatches;
    long initialEquity;
    long peakEquity;
    long maxDrawdown;

    StrategySlot(int index, StrategyDefinition definition, StrategyHost host, Portfolio portfolio, RemoteVenue venue) {
        this.index = index;
        this.definition = definition;
        this.host = host;
        this.portfolio = portfolio;
        this.venue = venue;
        this.instruments = definition.instruments().toArray(new Instrument[0]);
        this.tripPnl = new long[instruments.length];
    }

    String id() {
        return definition.id();
    }

    /** True when the strategy trades {@code instrument} (the engine's object). */
    boolean trades(Instrument instrument) {
        return instrumentIndex(instrument) >= 0;
    }

    int instrumentIndex(Instrument instrument) {
        for (int i = 0; i < instruments.length; i++) {
            if (instruments[i] == instrument) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Books a fill into the portfolio exactly as the backtest does ({@link Portfolio#applyFill}) and
     * counts it: a round trip ends when the position comes back to flat or crosses it, and wins when
     * its realized PnL less the fees paid in the quote asset is positive.
     */
    void book(Order own, Fill fill) {
        int i = instrumentIndex(fill.instrument());
        Position position = portfolio.position(fill.instrument());
        long before = position.netQty();
        long realized = portfolio.applyFill(own, fill);
        fills++;
        long fee = fill.feeAsset() != null && fill.feeAsset().equals(fill.instrument().quoteAsset()) ? fill.fee() : 0;
        tripPnl[i] = Math.addExact(tripPnl[i], realized - fee);
        long after = position.netQty();
        if (before != 0 && (after == 0 || Long.signum(after) != Long.signum(before))) {
            roundTrips++;
            if (tripPnl[i] > 0) {
                winningRoundTrips++;
            }
            tripPnl[i] = 0;
        }
        updateDrawdown();
    }

    /** Follows the equity's peak and the deepest fall from it (cash scale). */
    void updateDrawdown() {
        long equity = portfolio.equity();
        if (equity > peakEquity) {
            peakEquity = equity;
        }
        maxDrawdown = Math.max(maxDrawdown, peakEquity - equity);
    }

    void countReject(RejectReason r) {
        rejects[(r == null ? RejectReason.VENUE_REJECTED : r).ordinal()]++;
    }
}
