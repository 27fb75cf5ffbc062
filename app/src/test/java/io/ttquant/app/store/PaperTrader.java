package io.ttquant.app.store;

import io.ttquant.app.gateway.GatewayServiceFixture;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.core.time.Clock;
import io.ttquant.core.time.SystemEpochClock;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.NewOrder;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.zmq.ZmqPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.zeromq.ZMQ;

/**
 * Trades on a paper gateway over its sockets, for the export drills: publishes BTCUSDT quotes
 * (29999/30001) and trades on the market data bus, sends limit orders (marketable buys and sells
 * that fill at once, and resting ones far from the market), and collects the execution reports.
 * Waits poll with deadlines. It holds no assertions but "a report came".
 */
final class PaperTrader {
    static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Clock clock = SystemEpochClock.instance();
    private final Instrument btc;
    private final ZmqPublisher marketData;
    private final ZMQ.Socket push;
    private final ZMQ.Socket sub;
    private final QuoteTick quote = new QuoteTick();
    private final TradeTick trade = new TradeTick();
    final List<ExecutionEvent> events = new ArrayList<>();
    private long tradeSeq;
    private long commandSeq;
    int sent;

    /** {@code sub} subscribed to {@code exec.} with a short receive timeout. */
    PaperTrader(Instrument btc, ZmqPublisher marketData, ZMQ.Socket push, ZMQ.Socket sub) {
        this.btc = btc;
        this.marketData = marketData;
        this.push = push;
        this.sub = sub;
    }

    void publishQuote() {
        long now = clock.nanos();
        marketData.publish(quote.set(btc, now, now, btc.price("29999.00"), btc.qty("1"), btc.price("30001.00"), btc.qty("1")));
    }

    void publishTrade() {
        long now = clock.nanos();
        marketData.publish(trade.set(btc, now, now, btc.price("30000.00"), btc.qty("0.01"), Side.SELL, ++tradeSeq));
    }

    void send(NewOrder.Builder order) {
        push.send(OrderCommand.newBuilder().setSequence(++commandSeq).setSendTimeNs(clock.nanos()).setNewOrder(order)
                .build().toByteArray(), 0);
        sent++;
    }

    /** Takes the events waiting on the SUB socket (waiting up to its timeout for the first). */
    void drain() throws Exception {
        for (byte[] topic; (topic = sub.recv()) != null; ) {
            events.add(ExecutionEvent.parseFrom(sub.recv()));
        }
    }

    /** The first report for the client order id, waiting (and publishing quotes) up to {@code nanos}; null when none came. */
    ExecutionReport await(String clientOrderId, long nanos) throws Exception {
        return await(clientOrderId, r -> true, nanos);
    }

    /** The first report for the client order id that matches, waiting (and publishing quotes) up to {@code nanos}; null when none came. */
    ExecutionReport await(String clientOrderId, Predicate<ExecutionReport> match, long nanos) throws Exception {
        long start = System.nanoTime();
        int from = 0;
        do {
            for (int i = from; i < events.size(); i++) {
                ExecutionEvent e = events.get(i);
                if (e.hasReport() && e.getReport().getClientOrderId().equals(clientOrderId) && match.test(e.getReport())) {
                    return e.getReport();
                }
            }
            from = events.size();
            publishQuote();
            drain();
        } while (System.nanoTime() - start < nanos);
        return null;
    }

    /** Publishes quotes until the gateway answers a marketable probe order with a fill (ZeroMQ's slow joiners). */
    void awaitTrading(String probe) throws Exception {
        long start = System.nanoTime();
        for (int attempt = 0; System.nanoTime() - start < DEADLINE_NANOS; attempt++) {
            // A new id each time: one refused before the market data arrived stays refused.
            NewOrder.Builder o = order(probe + "-" + attempt, true, "30005." + String.format("%02d", attempt % 100), "0.001");
            send(o);
            ExecutionReport r = await(o.getClientOrderId(), x -> x.getCumulativeQty() > 0 || x.getRejectCode() != 0, 200_000_000L);
            if (r != null && r.getCumulativeQty() > 0) {
                return;
            }
        }
        throw new AssertionError("the gateway did not trade within the deadline; events " + events);
    }

    /**
     * Sends order number {@code k} of a mix: three in four marketable (buys and sells alternating,
     * filled at once), one in four resting far from the market. Prices differ order by order (the
     * risk engine refuses the same terms twice within its window).
     */
    NewOrder.Builder mix(String prefix, int k) {
        String cents = "." + String.format("%02d", k % 100);
        return switch (k % 4) {
            case 0 -> order(prefix + k, true, "30005" + cents, "0.001");
            case 1 -> order(prefix + k, false, "29995" + cents, "0.001");
            case 2 -> order(prefix + k, k % 8 == 2, k % 8 == 2 ? "30006" + cents : "29994" + cents, "0.002");
            default -> order(prefix + k, k % 8 == 3, k % 8 == 3 ? "29500" + cents : "30500" + cents, "0.001");
        };
    }

    /** Sends {@code count} orders of the mix, each after the report of the one before (market data flowing). */
    void trade(String prefix, int from, int count) throws Exception {
        for (int k = from; k < from + count; k++) {
            publishQuote();
            if (k % 5 == 0) {
                publishTrade();
            }
            NewOrder.Builder o = mix(prefix, k);
            send(o);
            if (await(o.getClientOrderId(), DEADLINE_NANOS) == null) {
                throw new AssertionError("no report for " + o.getClientOrderId());
            }
        }
    }

    NewOrder.Builder order(String clientOrderId, boolean buy, String price, String qty) {
        return GatewayServiceFixture.limit(btc, "alpha", clientOrderId, buy ? Side.BUY : Side.SELL, price, qty);
    }

    /** How many reports carried a fill. */
    long fillsReported() {
        return events.stream().filter(e -> e.hasReport() && e.getReport().getLastFillQty() > 0).count();
    }
}
