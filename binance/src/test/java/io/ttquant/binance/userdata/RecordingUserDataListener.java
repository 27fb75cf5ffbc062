package io.ttquant.binance.userdata;

import io.netty.channel.EventLoop;
import io.ttquant.binance.trading.BinanceOrderStatus;
import io.ttquant.binance.trading.BinanceOrderType;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies every event it is handed into immutable records (the originals are reused) and logs the
 * order of the calls; counts calls made off the event loop, which must be none.
 */
final class RecordingUserDataListener implements UserDataListener {
    record Report(String symbol, String clientOrderId, String origClientOrderId, Side side, BinanceOrderType type,
                  TimeInForce timeInForce, long qty, long price, long stopPrice, ExecutionType executionType,
                  BinanceOrderStatus status, String rejectReason, long orderId, long lastQty, long cumulativeQty, long lastPrice,
                  long commission, String commissionAsset, long transactionTimeNanos, long tradeId, boolean maker,
                  long cumulativeQuoteQty, long lastQuoteQty, long orderCreationTimeNanos, long eventTimeNanos) {
    }

    record Balance(String asset, long free, long locked) {
    }

    record Gap(StreamGapReason reason, long sinceNanos) {
    }

    final List<Report> reports = new CopyOnWriteArrayList<>();
    final List<List<Balance>> positions = new CopyOnWriteArrayList<>();
    final List<Gap> gaps = new CopyOnWriteArrayList<>();
    /** Every call in order: "report", "position", "balance", "gap", "connected". */
    final List<String> calls = new CopyOnWriteArrayList<>();
    final AtomicInteger connects = new AtomicInteger();
    final AtomicInteger offLoopCalls = new AtomicInteger();
    private final EventLoop loop;

    RecordingUserDataListener(EventLoop loop) {
        this.loop = loop;
    }

    private void check() {
        if (!loop.inEventLoop()) {
            offLoopCalls.incrementAndGet();
        }
    }

    @Override
    public void onExecutionReport(ExecutionReportEvent r) {
        check();
        reports.add(new Report(r.instrument().symbol(), r.clientOrderId().toString(),
                r.origClientOrderId().isNull() ? null : r.origClientOrderId().toString(), r.side(), r.orderType(),
                r.timeInForce(), r.qty(), r.price(), r.stopPrice(), r.executionType(), r.orderStatus(),
                r.rejectReason().toString(), r.orderId(), r.lastQty(), r.cumulativeQty(), r.lastPrice(), r.commission(),
                r.commissionAsset().isNull() ? null : r.commissionAsset().toString(), r.transactionTimeNanos(), r.tradeId(),
                r.maker(), r.cumulativeQuoteQty(), r.lastQuoteQty(), r.orderCreationTimeNanos(), r.eventTimeNanos()));
        calls.add("report");
    }

    @Override
    public void onAccountPosition(AccountPositionEvent p) {
        check();
        List<Balance> balances = new ArrayList<>();
        for (int i = 0; i < p.balanceCount(); i++) {
            balances.add(new Balance(p.asset(i).toString(), p.free(i), p.locked(i)));
        }
        positions.add(List.copyOf(balances));
        calls.add("position");
    }

    @Override
    public void onBalanceUpdate(BalanceUpdateEvent update) {
        check();
        calls.add("balance");
    }

    @Override
    public void onStreamGap(StreamGapReason reason, long sinceNanos) {
        check();
        gaps.add(new Gap(reason, sinceNanos));
        calls.add("gap");
    }

    @Override
    public void onConnected() {
        check();
        connects.incrementAndGet();
        calls.add("connected");
    }

    List<Report> reportsOf(String clientOrderId) {
        List<Report> out = new ArrayList<>();
        for (Report r : reports) {
            if (r.clientOrderId().equals(clientOrderId)) {
                out.add(r);
            }
        }
        return out;
    }
}
