package io.ttquant.app.gateway;

import static io.ttquant.app.gateway.GatewayFixture.INS;
import static io.ttquant.app.gateway.GatewayFixture.T0;
import static io.ttquant.app.gateway.GatewayFixture.limitBuy;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.risk.InstrumentLimits;
import io.ttquant.core.risk.RiskLimits;
import io.ttquant.core.risk.StrategyLimits;
import io.ttquant.core.time.Clock;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.OrderStatus;
import io.ttquant.transport.zmq.ZmqPublisher;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

class ZmqGatewayTransportTest {
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);

    @Test
    void shouldReceivePushedNewOrderAndPublishExecutionReportOnStrategyTopic() throws Exception {
        try (ZContext ctx = new ZContext()) {
            Clock clock = () -> T0;
            ZmqPublisher pub = new ZmqPublisher(ctx, new ZmqPublisher.Config().endpoint("tcp://127.0.0.1:0").venue("paper"), clock);
            ZmqExecutionPublisher sink = new ZmqExecutionPublisher(pub);
            RiskLimits limits = RiskLimits.builder()
                    .instrument(InstrumentLimits.of(INS).build())
                    .strategy(StrategyLimits.named("alpha").build())
                    .rejectWithoutReference(false)
                    .build();
            OrderGateway gateway = new OrderGateway(limits, ExchangeConfig.defaults(), sink, T0);
            try (ZmqGatewayTransport transport = new ZmqGatewayTransport(ctx, "tcp://127.0.0.1:0", gateway, 64)) {
                assertThat(transport.endpoint()).startsWith("tcp://127.0.0.1:");
                ZMQ.Socket push = ctx.createSocket(SocketType.PUSH);
                push.setLinger(0);
                push.connect(transport.endpoint());
                ZMQ.Socket sub = ctx.createSocket(SocketType.SUB);
                sub.setLinger(0);
                sub.setReceiveTimeOut(50);
                sub.subscribe("exec.alpha".getBytes(StandardCharsets.US_ASCII));
                sub.connect(pub.endpoint());

                push.send(new byte[] {(byte) 0xFF, 0x01, 0x02}, 0); // garbage first: counted, skipped
                byte[] order = OrderCommand.newBuilder().setSequence(1).setNewOrder(limitBuy("z1", "99.50", "1")).build()
                        .toByteArray();
                ExecutionEvent received = null;
                String topic = null;
                long now = T0;
                long start = System.nanoTime();
                // A SUB joins late (ZeroMQ's slow joiner): resend the same client order id until a report
                // arrives; the gateway answers repeats with the existing order and never opens a second.
                while (received == null && System.nanoTime() - start < DEADLINE_NANOS) {
                    push.send(order, 0);
                    now += 1_000_000;
                    long cycleStart = System.nanoTime();
                    while (transport.doWork(now) == 0 && System.nanoTime() - cycleStart < DEADLINE_NANOS) {
                        Thread.onSpinWait();
                    }
                    byte[] t = sub.recv();
                    if (t != null) {
                        topic = new String(t, StandardCharsets.US_ASCII);
                        assertThat(sub.hasReceiveMore()).isTrue();
                        received = ExecutionEvent.parseFrom(sub.recv());
                    }
                }

                assertThat(received).as("an execution report within the deadline").isNotNull();
                assertThat(topic).isEqualTo("exec.alpha");
                assertThat(received.getReport().getClientOrderId()).isEqualTo("z1");
                assertThat(received.getReport().getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_ACCEPTED);
                assertThat(received.getReport().getPrice()).isEqualTo(INS.price("99.50"));
                assertThat(gateway.paperVenue().submitted()).isEqualTo(1);
                assertThat(transport.intake().malformed()).isEqualTo(1);
                assertThat(sink.published()).isGreaterThanOrEqualTo(1);
                ctx.destroySocket(push);
                ctx.destroySocket(sub);
            } finally {
                pub.close();
            }
        }
    }

    @Test
    void shouldCountMultiPartAndOversizedFramesAsMalformedAndKeepReading() throws Exception {
        try (ZContext ctx = new ZContext()) {
            RiskLimits limits = RiskLimits.builder().instrument(InstrumentLimits.of(INS).build())
                    .strategy(StrategyLimits.named("alpha").build()).rejectWithoutReference(false).build();
            OrderGateway gateway = new OrderGateway(limits, ExchangeConfig.defaults(), new CountingSink(), T0);
            try (ZmqGatewayTransport transport = new ZmqGatewayTransport(ctx, "tcp://127.0.0.1:0", gateway, 64)) {
                ZMQ.Socket push = ctx.createSocket(SocketType.PUSH);
                push.setLinger(0);
                push.connect(transport.endpoint());
                push.send(new byte[] {1, 2}, ZMQ.SNDMORE);
                push.send(new byte[] {3}, 0);
                push.send(new byte[ZmqGatewayTransport.MAX_FRAME_BYTES + 1], 0);
                byte[] order = OrderCommand.newBuilder().setNewOrder(limitBuy("m1", "99.50", "1")).build().toByteArray();
                push.send(order, 0);
                long start = System.nanoTime();
                while (transport.intake().frames() < 3 && System.nanoTime() - start < DEADLINE_NANOS) {
                    if (transport.doWork(T0 + 1) == 0) {
                        Thread.onSpinWait();
                    }
                }
                assertThat(transport.intake().frames()).isEqualTo(3);
                assertThat(transport.intake().malformed()).isEqualTo(2);
                assertThat(gateway.paperVenue().submitted()).isEqualTo(1);
                ctx.destroySocket(push);
            }
        }
    }

    @Test
    void shouldPublishReportsOfUnservedStrategiesOnTheirOwnTopicAndDropUnusableNames() throws Exception {
        try (ZContext ctx = new ZContext()) {
            ZmqPublisher pub = new ZmqPublisher(ctx, new ZmqPublisher.Config().endpoint("tcp://127.0.0.1:0").venue("paper"), () -> T0);
            try {
                ZmqExecutionPublisher sink = new ZmqExecutionPublisher(pub);
                ZMQ.Socket sub = ctx.createSocket(SocketType.SUB);
                sub.setLinger(0);
                sub.setReceiveTimeOut(50);
                sub.subscribe("exec.".getBytes(StandardCharsets.US_ASCII));
                sub.connect(pub.endpoint());
                byte[] ghost = "xxghost".getBytes(StandardCharsets.US_ASCII);
                byte[] bad = "a b".getBytes(StandardCharsets.US_ASCII);
                byte[] payload = {9, 8, 7, 6};
                String topic = null;
                byte[] received = null;
                long start = System.nanoTime();
                while (topic == null && System.nanoTime() - start < DEADLINE_NANOS) {
                    sink.onExecution(-1, bad, 0, bad.length, payload, 0, payload.length);
                    sink.onExecution(-1, ghost, 2, 5, payload, 1, 2);
                    byte[] t = sub.recv();
                    if (t != null) {
                        topic = new String(t, StandardCharsets.US_ASCII);
                        received = sub.recv();
                    }
                }
                assertThat(topic).isEqualTo("exec.ghost");
                assertThat(received).containsExactly(8, 7);
                assertThat(sink.published()).isPositive().isEqualTo(sink.dropped());
                ctx.destroySocket(sub);
            } finally {
                pub.close();
            }
        }
    }

    @Test
    void shouldDropReportsForStrategyNamesThatCannotBeTopics() {
        assertThat(ZmqExecutionPublisher.isTopicName("alpha-1.x:y_z")).isTrue();
        assertThat(ZmqExecutionPublisher.isTopicName("")).isFalse();
        assertThat(ZmqExecutionPublisher.isTopicName("a b")).isFalse();
        assertThat(ZmqExecutionPublisher.isTopicName("ü")).isFalse();
        assertThat(ZmqExecutionPublisher.isTopicName("x".repeat(65))).isFalse();
    }
}
