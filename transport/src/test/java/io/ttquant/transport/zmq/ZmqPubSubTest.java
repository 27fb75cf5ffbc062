package io.ttquant.transport.zmq;

import static io.ttquant.transport.TestEvents.BTC;
import static io.ttquant.transport.TestEvents.T;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.transport.SequenceGapDetector;
import io.ttquant.transport.Topics;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.OrderStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * ZeroMQ behaviour over real sockets on 127.0.0.1. A stalled subscriber never blocks the
 * publisher, and what it lost shows exactly as sequence gaps when it resumes. Frames that are not
 * [topic, payload] are counted, not delivered. Raw execution messages pass unchanged. Sockets
 * close at once with messages queued, and bad configuration fails at construction.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ZmqPubSubTest {
    private ZmqHarness zmq;

    @AfterEach
    void close() {
        if (zmq != null) {
            zmq.close();
        }
    }

    @Test
    void shouldNeverBlockThePublisherOnAStalledSubscriberAndCountItsLossesAsGaps() {
        zmq = new ZmqHarness("binance", 1_000);
        long[] received = {0};
        long[] firstTradeId = {0};
        ZmqMarketDataAdapter adapter = zmq.subscribe("md.binance.BTCUSDT.trade", e -> {
            if (received[0]++ == 0) {
                firstTradeId[0] = ((TradeTick) e).tradeId();
            }
        }, 1_000);
        zmq.start();

        // The subscriber stops reading while a million trades go out; trade id n has sequence n.
        TradeTick trade = new TradeTick();
        int burst = 1_000_000;
        for (int n = 1; n <= burst; n++) {
            zmq.publisher.publish(trade.set(BTC, T + n, T + n, 6_183_763, 1_000, Side.BUY, n));
        }
        assertThat(zmq.publisher.sent() + zmq.publisher.refused()).isEqualTo(burst + probes());
        assertThat(zmq.publisher.lastSequence(BTC, MarketDataKind.TRADE)).isEqualTo(burst);

        // It resumes: read until a trade published after the burst arrives.
        long deadline = System.nanoTime() + ZmqHarness.DEADLINE_NANOS;
        SequenceGapDetector gaps = adapter.gaps();
        String topic = Topics.marketData("binance", "BTCUSDT", MarketDataKind.TRADE);
        long tail = burst;
        while (gaps.lastSequence(topic) <= burst) {
            assertThat(System.nanoTime()).as("a trade after the burst arrives within 10 s").isLessThan(deadline);
            zmq.publisher.publish(trade.set(BTC, T, T, 6_183_763, 1_000, Side.SELL, ++tail));
            if (adapter.doWork() == 0) {
                adapter.awaitOne();
            }
        }

        long last = gaps.lastSequence(topic);
        assertThat(firstTradeId[0]).as("the subscriber was connected before the burst").isEqualTo(1);
        assertThat(gaps.missing()).as("drops at the high-water marks").isPositive();
        assertThat(received[0]).as("the subscriber got only part of the burst").isLessThan(burst);
        // Every trade from the first seen to the last is either received or counted missing.
        assertThat(received[0] + gaps.missing()).isEqualTo(last - firstTradeId[0] + 1);
        assertThat(gaps.missing(topic)).isEqualTo(gaps.missing());
        assertThat(gaps.resets()).isZero();
        assertThat(adapter.decoder().rejected()).isZero();
    }

    /** The harness publishes probe quotes on their own topic; the trade burst is counted apart from them. */
    private long probes() {
        return zmq.publisher.lastSequence(ZmqHarness.PROBE, MarketDataKind.QUOTE);
    }

    @Test
    void shouldCountMessagesThatAreNotTopicAndPayloadWithoutDeliveringThem() {
        zmq = new ZmqHarness("binance", 1_000);
        try (ZMQ.Socket raw = zmq.context.createSocket(SocketType.PUB)) {
            raw.setLinger(0);
            int port = raw.bindToRandomPort("tcp://127.0.0.1");
            ZmqSubscriber subscriber = new ZmqSubscriber(zmq.context, new ZmqSubscriber.Config()
                    .connect("tcp://127.0.0.1:" + port).subscribe("md.binance.").receiveTimeoutMillis(10));
            List<String> topics = new ArrayList<>();
            ZmqSubscriber.MessageHandler handler = (topic, topicLength, payload, payloadLength) ->
                    topics.add(new String(topic, 0, topicLength, StandardCharsets.US_ASCII) + "/" + payloadLength);
            long deadline = System.nanoTime() + ZmqHarness.DEADLINE_NANOS;
            while (topics.isEmpty()) {
                assertThat(System.nanoTime()).as("raw publisher reached within 10 s").isLessThan(deadline);
                raw.send("md.binance.PROBE.trade", ZMQ.SNDMORE);
                raw.send(new byte[] {1, 2, 3});
                subscriber.receive(handler);
            }
            raw.send("md.binance.single.frame");
            raw.send("md.binance.three.frames", ZMQ.SNDMORE);
            raw.send("a", ZMQ.SNDMORE);
            raw.send("b");
            raw.send("md.binance.LAST.trade", ZMQ.SNDMORE);
            raw.send(new byte[] {9, 9});
            while (!topics.get(topics.size() - 1).startsWith("md.binance.LAST")) {
                assertThat(System.nanoTime()).as("last message within 10 s").isLessThan(deadline);
                subscriber.receive(handler);
            }
            assertThat(subscriber.malformed()).isEqualTo(2);
            assertThat(topics).last().isEqualTo("md.binance.LAST.trade/2");
            assertThat(topics).noneMatch(t -> t.contains("frame"));
            subscriber.close();
        }
    }

    @Test
    void shouldCarryPreEncodedExecutionEventsOnTheirOwnTopic() throws Exception {
        zmq = new ZmqHarness("binance", 1_000);
        ZmqSubscriber subscriber = new ZmqSubscriber(zmq.context, new ZmqSubscriber.Config()
                .connect(zmq.publisher.endpoint()).subscribe(Topics.execution("alpha")).receiveTimeoutMillis(10));
        byte[] topic = Topics.execution("alpha").getBytes(StandardCharsets.US_ASCII);
        byte[] payload = ExecutionEvent.newBuilder().setSequence(1).setReport(ExecutionReport.newBuilder()
                .setStrategy("alpha").setClientOrderId("a-1").setStatus(OrderStatus.ORDER_STATUS_FILLED).setLastFillQty(5)).build().toByteArray();
        List<ExecutionEvent> got = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        long deadline = System.nanoTime() + ZmqHarness.DEADLINE_NANOS;
        while (got.isEmpty()) {
            assertThat(System.nanoTime()).as("subscriber connected within 10 s").isLessThan(deadline);
            assertThat(zmq.publisher.send(topic, payload, 0, payload.length)).isTrue();
            subscriber.receive((t, tl, p, pl) -> {
                topics.add(new String(t, 0, tl, StandardCharsets.US_ASCII));
                try {
                    got.add(ExecutionEvent.parseFrom(java.util.Arrays.copyOf(p, pl)));
                } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                    throw new AssertionError(e);
                }
            });
        }
        assertThat(topics.get(0)).isEqualTo("exec.alpha");
        assertThat(got.get(0).getReport().getClientOrderId()).isEqualTo("a-1");
        assertThat(got.get(0).getReport().getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_FILLED);
        subscriber.close();
    }

    @Test
    void shouldCloseAtOnceWithMessagesStillQueued() {
        ZmqHarness h = new ZmqHarness("binance", 100_000);
        h.subscribe("md.binance.", e -> { }, 100_000);
        h.start();
        TradeTick trade = new TradeTick();
        for (int n = 0; n < 50_000; n++) {
            h.publisher.publish(trade.set(BTC, T, T, 1, 1, null, n));
        }
        assertThat(h.publisher.sent()).isGreaterThanOrEqualTo(50_000);
        // The class timeout is the hang guard: with linger 0, closing never waits for the queue.
        h.close();
        assertThat(h.context.isClosed()).isTrue();
        h.publisher.close();
        h.adapters.get(0).close();
    }

    @Test
    void shouldRefuseBadConfigurationAtConstruction() {
        try (ZContext context = new ZContext(1)) {
            assertThatThrownBy(() -> new ZmqPublisher(context, new ZmqPublisher.Config(), () -> 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("venue");
            assertThatThrownBy(() -> new ZmqPublisher(context, new ZmqPublisher.Config().venue("Binance"), () -> 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case");
            assertThatThrownBy(() -> new ZmqPublisher(context, new ZmqPublisher.Config().venue("binance").endpoint("127.0.0.1:5"), () -> 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tcp://host:port");
            assertThatThrownBy(() -> new ZmqPublisher(context, new ZmqPublisher.Config().venue("binance").sendHighWaterMark(0), () -> 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("high-water");
            assertThatThrownBy(() -> new ZmqSubscriber(context, new ZmqSubscriber.Config().subscribe("md.")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endpoint");
            assertThatThrownBy(() -> new ZmqSubscriber(context, new ZmqSubscriber.Config().connect("tcp://127.0.0.1:0")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("concrete");

            try (ZmqPublisher first = new ZmqPublisher(context, new ZmqPublisher.Config().venue("binance"), () -> 0)) {
                assertThat(first.port()).isPositive();
                assertThat(first.endpoint()).isEqualTo("tcp://127.0.0.1:" + first.port());
                assertThatThrownBy(() -> new ZmqPublisher(context, new ZmqPublisher.Config().venue("binance").endpoint(first.endpoint()), () -> 0))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining(first.endpoint());
            }
        }
    }
}
