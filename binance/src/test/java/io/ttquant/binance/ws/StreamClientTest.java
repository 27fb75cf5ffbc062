package io.ttquant.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.ttquant.binance.BinanceEndpoints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamClient} against a tiny WebSocket server on 127.0.0.1 that does what the simulator
 * cannot do on demand: pings with a payload, goes silent, fragments a message, closes, and
 * publishes a numbered stream to prove no message is lost when a connection is replaced.
 * Time-driven behaviour (silence, maximum age, the one-connect-a-second rule) is driven by moving
 * the client's clock.
 */
class StreamClientTest {
    private static final Duration MAX_AGE = Duration.ofMinutes(10);
    /** Longer than the age, so that a jump of the clock past the age is not taken for silence. */
    private static final Duration SILENCE = Duration.ofHours(1);

    private TestWsServer server;
    private EventLoopGroup group;
    private EventLoop loop;
    private TestClock clock;
    private RecordingListener listener;
    private StreamClient client;

    @BeforeEach
    void setUp() {
        server = new TestWsServer();
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        loop = group.next();
        clock = new TestClock();
        listener = new RecordingListener(loop, clock);
        StreamClientConfig config = StreamClientConfig.builder(BinanceEndpoints.simulator(server.port()), clock)
                .random(new Random(11))
                .tickInterval(Duration.ofMillis(20))
                .backoff(Duration.ofMillis(200), Duration.ofSeconds(1))
                .maxConnectionAge(MAX_AGE)
                .silenceTimeout(SILENCE)
                .build();
        client = new StreamClient(config, loop, listener);
    }

    @AfterEach
    void tearDown() {
        client.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        server.close();
        assertThat(listener.offLoopCalls.get()).as("listener calls off the event loop").isZero();
    }

    private TestWsServer.Conn awaitConnection(int count) throws InterruptedException {
        Await.until(count + " server connections", () -> server.conns.size() >= count && client.deliveringConnectionId() != 0,
                () -> clock.advance(Duration.ofMillis(100)));
        return server.conns.get(count - 1);
    }

    private static void assertNoGap(List<Long> numbers) {
        TreeSet<Long> seen = new TreeSet<>(numbers);
        assertThat(seen.last() - seen.first() + 1).as("numbers missing between " + seen.first() + " and " + seen.last())
                .isEqualTo(seen.size());
    }

    @Test
    void shouldDeliverMessagesOfSeveralStreamsFromOneCombinedConnectionAndSendNothingUnasked() throws Exception {
        client.subscribe("btcusdt@trade", "ethusdt@trade", "btcusdt@depth@100ms");
        client.start();
        TestWsServer.Conn conn = awaitConnection(1);
        assertThat(conn.uri).isEqualTo("/stream?streams=btcusdt@trade/ethusdt@trade/btcusdt@depth@100ms");
        server.publish("btcusdt@trade", "{\"t\":1}");
        server.publish("ethusdt@trade", "{\"t\":2}");
        server.publish("btcusdt@depth@100ms", "{\"u\":3}");
        Await.until("three messages", () -> listener.texts.size() >= 3);
        assertThat(listener.texts).containsExactly(
                "{\"stream\":\"btcusdt@trade\",\"data\":{\"t\":1}}",
                "{\"stream\":\"ethusdt@trade\",\"data\":{\"t\":2}}",
                "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"u\":3}}");
        assertThat(listener.events).containsExactly("connected 1");
        assertThat(client.stats().framesDelivered()).isEqualTo(3);
        assertThat(client.stats().connects()).isEqualTo(1);
        assertThat(conn.texts).as("nothing sent that was not asked for").isEmpty();
        assertThat(client.subscriptions()).containsExactly("btcusdt@trade", "ethusdt@trade", "btcusdt@depth@100ms");
    }

    @Test
    void shouldAnswerAServerPingWithAPongCarryingTheSamePayload() throws Exception {
        client.subscribe("btcusdt@trade");
        client.start();
        TestWsServer.Conn conn = awaitConnection(1);
        server.ping(conn, "ping-payload-42");
        String pong = conn.pongs.poll(10, TimeUnit.SECONDS);
        assertThat(pong).isEqualTo("ping-payload-42");
        server.ping(conn, "");
        assertThat(conn.pongs.poll(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(client.stats().pingsAnswered()).isEqualTo(2);
        assertThat(conn.texts).isEmpty();
    }

    @Test
    void shouldReassembleAFragmentedMessageAndAnswerAPingBetweenItsFragments() throws Exception {
        client.subscribe("btcusdt@depth");
        client.start();
        TestWsServer.Conn conn = awaitConnection(1);
        server.sendFragmented(conn, "mid", "{\"stream\":\"btcusdt@depth\",", "\"data\":{\"b\":[[\"1.0\",\"2.0\"]],", "\"a\":[]}}");
        server.publish("btcusdt@depth", "{\"after\":true}");
        Await.until("two messages", () -> listener.texts.size() >= 2);
        assertThat(listener.texts).containsExactly(
                "{\"stream\":\"btcusdt@depth\",\"data\":{\"b\":[[\"1.0\",\"2.0\"]],\"a\":[]}}",
                "{\"stream\":\"btcusdt@depth\",\"data\":{\"after\":true}}");
        assertThat(conn.pongs.poll(10, TimeUnit.SECONDS)).isEqualTo("mid");
    }

    @Test
    void shouldReconnectWhenNothingArrivesForTheSilenceTimeout() throws Exception {
        server.startSequence(10);
        client.subscribe(TestWsServer.SEQ);
        client.start();
        TestWsServer.Conn first = awaitConnection(1);
        Await.until("data", () -> listener.seq.size() > 5);
        server.mute(true);
        clock.advance(SILENCE.plusMinutes(1));
        Await.until("silence detected", () -> client.stats().reconnects(DisconnectReason.SILENCE) == 1);
        server.mute(false);
        TestWsServer.Conn second = awaitConnection(2);
        assertThat(second.uri).isEqualTo("/stream?streams=" + TestWsServer.SEQ);
        Await.until("first connection closed", () -> first.closed);
        int before = listener.seq.size();
        Await.until("data on the new connection", () -> listener.seq.size() > before + 5);
        assertThat(listener.events).startsWith("connected 1", "disconnected 1 SILENCE", "connected 2");
        assertThat(client.deliveringConnectionId()).isEqualTo(2);
    }

    @Test
    void shouldRestoreSubscriptionsAddedAtRunTimeWhenTheServerClosesTheConnection() throws Exception {
        client.subscribe("btcusdt@trade");
        client.start();
        TestWsServer.Conn first = awaitConnection(1);
        client.subscribe("ethusdt@trade", "bnbusdt@trade");
        client.unsubscribe("btcusdt@trade");
        Await.until("run-time changes on the server", () -> first.streams.equals(java.util.Set.of("ethusdt@trade", "bnbusdt@trade")));
        assertThat(first.texts).hasSize(2);
        assertThat(first.texts.poll()).matches("\\{\"method\":\"SUBSCRIBE\",\"params\":\\[\"ethusdt@trade\",\"bnbusdt@trade\"],\"id\":\\d+}");
        assertThat(first.texts.poll()).matches("\\{\"method\":\"UNSUBSCRIBE\",\"params\":\\[\"btcusdt@trade\"],\"id\":\\d+}");
        server.closeAll();
        TestWsServer.Conn second = awaitConnection(2);
        assertThat(second.uri).isEqualTo("/stream?streams=ethusdt@trade/bnbusdt@trade");
        assertThat(client.stats().reconnects(DisconnectReason.CLOSED_BY_SERVER)).isEqualTo(1);
        assertThat(listener.events).containsExactly("connected 1", "disconnected 1 CLOSED_BY_SERVER", "connected 2");
        server.publish("bnbusdt@trade", "{\"x\":1}");
        Await.until("data after the reconnect", () -> listener.anyTextContains("\"x\":1"));
    }

    @Test
    void shouldKeepControlMessagesToFiveASecondOnTheWireAndQueueTheRest() throws Exception {
        client.subscribe("btcusdt@trade");
        client.start();
        TestWsServer.Conn conn = awaitConnection(1);
        for (int i = 0; i < 12; i++) {
            client.listSubscriptions();
        }
        Await.until("12 control messages", () -> conn.texts.size() >= 12);
        List<Long> at = new ArrayList<>(conn.textArrivalNanos);
        for (int i = 0; i + 5 < at.size(); i++) {
            // The client spaces them by 1.1 s windows; 0.9 s leaves room for scheduling jitter.
            assertThat(at.get(i + 5) - at.get(i)).as("6 messages within one second").isGreaterThan(900_000_000L);
        }
        assertThat(client.stats().controlMessagesSent()).isEqualTo(12);
        assertThat(client.stats().controlMessagesQueued()).isEqualTo(7);
        Await.until("12 answers", () -> listener.texts.stream().filter(t -> t.startsWith("{\"result\":[")).count() == 12);
    }

    @Test
    void shouldMergeQueuedSubscriptionsIntoFewMessages() throws Exception {
        client.start();
        TestWsServer.Conn conn = awaitConnection(1);
        assertThat(conn.uri).isEqualTo("/stream");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            names.add("sym" + i + "usdt@trade");
            client.subscribe(names.get(i));
        }
        Await.until("all 12 on the server", () -> conn.streams.size() == 12);
        // the first five go out one by one; the other seven wait for the window and leave as one message
        assertThat(conn.texts).hasSize(6);
        assertThat(client.stats().controlMessagesQueued()).isEqualTo(1);
        assertThat(client.subscriptions()).containsExactlyElementsOf(names);
    }

    @Test
    void shouldReplaceAConnectionBeforeItsMaximumAgeWithoutLosingANumber() throws Exception {
        server.startSequence(20);
        client.subscribe(TestWsServer.SEQ);
        client.start();
        TestWsServer.Conn first = awaitConnection(1);
        Await.until("numbers on the first connection", () -> listener.seq.size() >= 20);
        clock.advance(MAX_AGE);
        Await.until("switch to the replacement", () -> client.stats().switches() == 1);
        Await.until("old connection closed", () -> first.closed);
        int atSwitch = listener.seq.size();
        Await.until("numbers on the replacement", () -> listener.seq.size() >= atSwitch + 20);
        assertNoGap(listener.seq);
        assertThat(server.conns).hasSize(2);
        assertThat(server.conns.get(1).uri).isEqualTo("/stream?streams=" + TestWsServer.SEQ);
        assertThat(client.deliveringConnectionId()).isEqualTo(2);
        assertThat(client.stats().reconnects(DisconnectReason.MAX_AGE)).isEqualTo(1);
        assertThat(client.stats().reconnectsTotal()).isEqualTo(1);
        Await.until("old connection reported", () -> listener.events.size() == 4);
        assertThat(listener.events).containsExactly("connected 1", "connected 2", "switched 1->2", "disconnected 1 MAX_AGE");
        assertThat(first.texts).isEmpty();
    }

    @Test
    void shouldSwitchConnectionsMakeBeforeBreakWhenTheServerAnnouncesAShutdown() throws Exception {
        server.startSequence(20);
        client.subscribe(TestWsServer.SEQ, "btcusdt@trade");
        client.start();
        TestWsServer.Conn first = awaitConnection(1);
        Await.until("numbers", () -> listener.seq.size() >= 10);
        clock.advance(Duration.ofSeconds(2));
        client.onServerShutdown();
        Await.until("switch", () -> client.stats().switches() == 1);
        int atSwitch = listener.seq.size();
        Await.until("numbers on the replacement", () -> listener.seq.size() >= atSwitch + 20);
        assertNoGap(listener.seq);
        assertThat(server.conns.get(1).uri).isEqualTo("/stream?streams=" + TestWsServer.SEQ + "/btcusdt@trade");
        assertThat(client.stats().reconnects(DisconnectReason.SERVER_SHUTDOWN)).isEqualTo(1);
        Await.until("old connection closed and reported", () -> first.closed && listener.events.size() == 4);
        assertThat(listener.events).containsExactly("connected 1", "connected 2", "switched 1->2", "disconnected 1 SERVER_SHUTDOWN");
    }

    @Test
    void shouldKeepTheConnectionWhenTheListenerThrows() throws Exception {
        listener.throwOnText = true;
        client.subscribe("btcusdt@trade");
        client.start();
        awaitConnection(1);
        server.publish("btcusdt@trade", "{\"a\":1}");
        server.publish("btcusdt@trade", "{\"a\":2}");
        Await.until("both delivered", () -> listener.texts.size() == 2);
        assertThat(client.stats().listenerErrors()).isEqualTo(2);
        assertThat(client.stats().connects()).isEqualTo(1);
        assertThat(client.deliveringConnectionId()).isEqualTo(1);
    }

    @Test
    void shouldCloseWithoutReconnectingWhenTheOwnerClosesIt() throws Exception {
        client.subscribe("btcusdt@trade");
        client.start();
        TestWsServer.Conn conn = awaitConnection(1);
        client.close();
        Await.until("server sees the close", () -> conn.closed);
        Await.until("listener told", () -> listener.events.contains("disconnected 1 CLOSED_BY_CLIENT"));
        assertThat(client.stats().reconnectsTotal()).isZero();
        assertThat(client.deliveringConnectionId()).isZero();
    }

    @Test
    void shouldSubscribeByMessageWhatDoesNotFitIntoTheConnectUrl() throws Exception {
        client.close();
        client = new StreamClient(StreamClientConfig.builder(BinanceEndpoints.simulator(server.port()), clock)
                .tickInterval(Duration.ofMillis(20)).maxUrlLength(64).build(), loop, listener);
        client.subscribe("aaaa@trade", "bbbb@trade", "cccc@trade", "dddd@trade", "eeee@trade");
        client.start();
        TestWsServer.Conn conn = awaitConnection(1);
        assertThat(conn.uri).isEqualTo("/stream?streams=aaaa@trade/bbbb@trade");
        Await.until("the rest subscribed", () -> conn.streams.size() == 5);
        assertThat(conn.texts).singleElement().asString()
                .matches("\\{\"method\":\"SUBSCRIBE\",\"params\":\\[\"cccc@trade\",\"dddd@trade\",\"eeee@trade\"],\"id\":\\d+}");
    }

    @Test
    void shouldPrepareTlsForSecureEndpointsWithoutConnectingAnywhere() {
        StreamClient secure = new StreamClient(StreamClientConfig.builder(BinanceEndpoints.PRODUCTION, clock).build(), loop, listener);
        secure.subscribe("btcusdt@trade");
        assertThat(secure.subscriptions()).containsExactly("btcusdt@trade");
        assertThat(secure.stats().connectAttempts()).as("nothing connects before start").isZero();
        secure.close();
    }

    @Test
    void shouldRefuseMalformedStreamNamesAndUnsafeSettings() {
        assertThatThrownBy(() -> client.subscribe("btcusdt@trade\",\"x")).isInstanceOf(IllegalArgumentException.class);
        StreamClientConfig.Builder b = StreamClientConfig.builder(BinanceEndpoints.PRODUCTION, clock);
        assertThatThrownBy(() -> b.controlRate(6, Duration.ofSeconds(1)).build()).hasMessageContaining("controlRate");
        assertThatThrownBy(() -> StreamClientConfig.builder(BinanceEndpoints.PRODUCTION, clock)
                .minConnectInterval(Duration.ofMillis(500)).build()).hasMessageContaining("minConnectInterval");
        assertThatThrownBy(() -> StreamClientConfig.builder(BinanceEndpoints.PRODUCTION, clock)
                .maxConnectionAge(Duration.ofHours(24)).build()).hasMessageContaining("24 hours");
    }
}
