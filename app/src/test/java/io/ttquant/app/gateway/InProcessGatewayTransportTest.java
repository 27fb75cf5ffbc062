package io.ttquant.app.gateway;

import static io.ttquant.app.gateway.GatewayFixture.INS;
import static io.ttquant.app.gateway.GatewayFixture.STRATEGY;
import static io.ttquant.app.gateway.GatewayFixture.T0;
import static io.ttquant.app.gateway.GatewayFixture.limitBuy;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.transport.bus.FrameHandler;
import io.ttquant.transport.bus.FrameRing;
import io.ttquant.transport.proto.CancelOrder;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.OrderStatus;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A strategy thread and the gateway thread talk through two frame rings exactly as they would over
 * ZeroMQ: the strategy's encoded commands reach a real gateway with the paper venue, and the
 * gateway's reports come back, with the strategy number in front, parsed by protoc. A full report
 * ring costs reports, never orders; reports go to the ring of the consumer serving the strategy.
 */
class InProcessGatewayTransportTest {
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int ORDERS = 40;

    @Test
    void shouldCarryOrdersAndCancelsFromAStrategyThreadToTheGatewayAndTheirReportsBack() throws Exception {
        FrameRing orders = new FrameRing(4096, 1024);
        FrameRing reports = new FrameRing(64 * 1024, 4096);
        RingExecutionSink sink = new RingExecutionSink(reports);
        OrderGateway gateway = gateway(sink);
        InProcessGatewayTransport transport = new InProcessGatewayTransport(orders, gateway, 8);
        long now = T0 + 1_000_000;
        gateway.onMarketData(new TradeTick().set(INS, now, now, INS.price("100"), INS.qty("1"), Side.SELL, 1));

        StrategySide strategy = new StrategySide(orders, reports);
        Thread thread = new Thread(strategy, "in-process-strategy");
        thread.setDaemon(true);
        thread.start();
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (thread.isAlive() && System.nanoTime() < deadline) {
            now += 1_000;
            if (transport.doWork(now) == 0) {
                Thread.onSpinWait();
            }
        }
        thread.join(TimeUnit.SECONDS.toMillis(5));

        assertThat(strategy.failure.get()).isNull();
        assertThat(strategy.statuses).hasSize(ORDERS);
        for (Map.Entry<String, List<OrderStatus>> e : strategy.statuses.entrySet()) {
            assertThat(e.getValue()).as(e.getKey())
                    .containsSubsequence(OrderStatus.ORDER_STATUS_ACCEPTED, OrderStatus.ORDER_STATUS_CANCELED)
                    .doesNotContain(OrderStatus.ORDER_STATUS_REJECTED);
        }
        assertThat(strategy.strategyNumbers).containsOnly(gateway.risk().strategyId(STRATEGY));
        assertThat(transport.intake().frames()).isEqualTo(2L * ORDERS + 1);
        assertThat(transport.intake().malformed()).as("the garbage frame").isEqualTo(1);
        assertThat(gateway.paperVenue().submitted()).isEqualTo(ORDERS);
        assertThat(sink.dropped()).isZero();
        assertThat(sink.published()).isEqualTo(reports.delivered()).isGreaterThanOrEqualTo(2L * ORDERS);
        assertThat(orders.delivered()).isEqualTo(orders.offered()).isEqualTo(2L * ORDERS + 1);
    }

    @Test
    void shouldDropAndCountReportsWhenTheStrategyRingIsFullWithoutHoldingUpOrders() throws Exception {
        FrameRing orders = new FrameRing(64 * 1024);
        FrameRing reports = new FrameRing(1024);
        RingExecutionSink sink = new RingExecutionSink(reports);
        OrderGateway gateway = gateway(sink);
        InProcessGatewayTransport transport = new InProcessGatewayTransport(orders, gateway, InProcessGatewayTransport.DEFAULT_BATCH);
        long now = T0 + 1_000_000;
        gateway.onMarketData(new TradeTick().set(INS, now, now, INS.price("100"), INS.qty("1"), Side.SELL, 1));
        for (int i = 0; i < 20; i++) {
            assertThat(offer(orders, newOrder(i))).isTrue();
        }

        assertThat(transport.doWork(now + 1_000)).isEqualTo(20);

        assertThat(gateway.paperVenue().submitted()).as("every order reached the venue").isEqualTo(20);
        assertThat(sink.dropped()).isPositive().isEqualTo(reports.refused());
        assertThat(sink.published()).isPositive().isEqualTo(reports.offered());
        List<ExecutionReport> kept = new ArrayList<>();
        reports.drain((buffer, offset, length) -> kept.add(parse(buffer, offset, length).getReport()), Integer.MAX_VALUE);
        assertThat(kept).hasSize((int) sink.published());
        assertThat(kept.get(0).getClientOrderId()).as("the oldest reports are kept").isEqualTo("o0");

        assertThat(offer(orders, cancel("o0"))).isTrue();
        transport.doWork(now + 2_000);
        List<ExecutionReport> after = new ArrayList<>();
        reports.drain((buffer, offset, length) -> after.add(parse(buffer, offset, length).getReport()), Integer.MAX_VALUE);
        assertThat(after).extracting(ExecutionReport::getStatus).contains(OrderStatus.ORDER_STATUS_CANCELED);
    }

    @Test
    void shouldSendEachStrategysReportsToTheRingRoutedToItAndTheRestToTheDefaultRing() throws Exception {
        FrameRing shared = new FrameRing(8192);
        FrameRing betaOnly = new FrameRing(8192);
        RingExecutionSink sink = new RingExecutionSink(shared);
        OrderGateway gateway = gateway(sink);
        int beta = gateway.risk().strategyId("beta");
        sink.route(beta, betaOnly);
        InProcessGatewayTransport transport = new InProcessGatewayTransport(new FrameRing(8192), gateway, 16);
        long now = T0 + 1_000_000;
        gateway.onMarketData(new TradeTick().set(INS, now, now, INS.price("100"), INS.qty("1"), Side.SELL, 1));

        offer(transport.orders(), newOrder(1));
        offer(transport.orders(), OrderCommand.newBuilder().setNewOrder(limitBuy("b1", "99.50", "0.1").setStrategy("beta")).build());
        offer(transport.orders(), OrderCommand.newBuilder().setNewOrder(limitBuy("g1", "99.50", "0.1").setStrategy("ghost")).build());
        assertThat(transport.doWork(now + 1_000)).isEqualTo(3);

        Map<String, Integer> sharedIds = drainIds(shared);
        Map<String, Integer> betaIds = drainIds(betaOnly);
        assertThat(sharedIds).containsOnly(Map.entry("o1", gateway.risk().strategyId(STRATEGY)), Map.entry("g1", -1));
        assertThat(betaIds).containsOnly(Map.entry("b1", beta));
        assertThat(sink.dropped()).isZero();
    }

    private static OrderGateway gateway(ExecutionSink sink) {
        return new OrderGateway(GatewayFixture.limits(), GatewayFixture.touchPaper(), sink, GatewayObserver.NONE, T0);
    }

    /** A resting buy, each at its own price so that no two look like duplicates. */
    private static OrderCommand newOrder(int i) {
        String price = INS.formatPrice(INS.price("99.50") - i * INS.price("0.05"));
        return OrderCommand.newBuilder().setSequence(i + 1).setSendTimeNs(T0)
                .setNewOrder(limitBuy("o" + i, price, "0.1")).build();
    }

    private static OrderCommand cancel(String clientOrderId) {
        return OrderCommand.newBuilder().setSendTimeNs(T0).setCancelOrder(CancelOrder.newBuilder().setStrategy(STRATEGY)
                .setClientOrderId(clientOrderId).setSymbol(INS.symbol()).setVenue("paper")).build();
    }

    private static boolean offer(FrameRing ring, OrderCommand command) {
        byte[] bytes = command.toByteArray();
        return ring.offer(bytes, 0, bytes.length);
    }

    /** Parses a frame written by {@link RingExecutionSink} (after its strategy number) with protoc. */
    private static ExecutionEvent parse(byte[] buffer, int offset, int length) {
        try {
            return ExecutionEvent.parseFrom(ByteBuffer.wrap(buffer, offset + RingExecutionSink.HEADER_BYTES,
                    length - RingExecutionSink.HEADER_BYTES));
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("a report frame protoc cannot parse", e);
        }
    }

    private static Map<String, Integer> drainIds(FrameRing ring) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        ring.drain((buffer, offset, length) -> {
            ExecutionEvent event = parse(buffer, offset, length);
            if (event.hasReport()) {
                ids.put(event.getReport().getClientOrderId(), RingExecutionSink.strategy(buffer, offset));
            }
        }, Integer.MAX_VALUE);
        return ids;
    }

    /**
     * The strategy's thread: sends a garbage frame and {@value #ORDERS} resting buys, waits until
     * each is accepted, cancels them all and waits until each is canceled, reading reports from
     * its ring as it goes. Only its own thread touches its fields until it ends.
     */
    private static final class StrategySide implements Runnable, FrameHandler {
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Map<String, List<OrderStatus>> statuses = new LinkedHashMap<>();
        final List<Integer> strategyNumbers = new ArrayList<>();
        private final FrameRing orders;
        private final FrameRing reports;
        private final long deadline = System.nanoTime() + DEADLINE_NANOS;
        private int accepted;
        private int canceled;

        StrategySide(FrameRing orders, FrameRing reports) {
            this.orders = orders;
            this.reports = reports;
        }

        @Override
        public void run() {
            try {
                byte[] garbage = {(byte) 0xFF, 0x01, 0x02};
                send(garbage);
                for (int i = 0; i < ORDERS; i++) {
                    send(newOrder(i).toByteArray());
                    reports.drain(this, 16);
                }
                while (accepted < ORDERS) {
                    await();
                }
                for (int i = 0; i < ORDERS; i++) {
                    send(cancel("o" + i).toByteArray());
                    reports.drain(this, 16);
                }
                while (canceled < ORDERS) {
                    await();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }

        private void send(byte[] frame) {
            while (!orders.offer(frame, 0, frame.length)) {
                await();
            }
        }

        private void await() {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no progress before the deadline: " + accepted + " accepted, "
                        + canceled + " canceled");
            }
            if (reports.drain(this, 16) == 0) {
                Thread.onSpinWait();
            }
        }

        @Override
        public void onFrame(byte[] buffer, int offset, int length) {
            strategyNumbers.add(RingExecutionSink.strategy(buffer, offset));
            ExecutionEvent event = parse(buffer, offset, length);
            if (!event.hasReport()) {
                return;
            }
            ExecutionReport report = event.getReport();
            statuses.computeIfAbsent(report.getClientOrderId(), k -> new ArrayList<>()).add(report.getStatus());
            if (report.getStatus() == OrderStatus.ORDER_STATUS_ACCEPTED) {
                accepted++;
            } else if (report.getStatus() == OrderStatus.ORDER_STATUS_CANCELED) {
                canceled++;
            }
        }
    }
}
