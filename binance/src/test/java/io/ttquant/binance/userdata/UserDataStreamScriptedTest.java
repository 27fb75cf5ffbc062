package io.ttquant.binance.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.binance.userdata.RecordingUserDataListener.Gap;
import io.ttquant.binance.userdata.RecordingUserDataListener.Report;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link UserDataStream} with its listen keys from the simulator and its WebSocket from a scripted
 * server, for what the simulator never sends on a user data stream: pings with a payload, an
 * unreadable message (reported as a gap without a reconnect), an event type it does not know
 * (counted, not a gap), a fragmented message, a balance update, an expiry naming another key, and
 * silence.
 */
class UserDataStreamScriptedTest {
    private static final long MS = 1_000_000L;

    private SimFixture f;
    private ScriptedWsServer server;
    private RecordingUserDataListener listener;
    private UserDataStream stream;

    @BeforeEach
    void setUp() throws Exception {
        f = new SimFixture();
        server = new ScriptedWsServer();
        BinanceEndpoints endpoints = BinanceEndpoints.of("scripted", f.sim.restUrl(), server.url());
        listener = new RecordingUserDataListener(f.loop);
        stream = new UserDataStream(f.config(endpoints).silenceTimeout(Duration.ofSeconds(60)).build(),
                f.listenKeyClient(endpoints), f.symbols, f.loop, listener);
        stream.start();
        Await.until("connected", () -> listener.connects.get() == 1 && server.connections.size() == 1);
    }

    @AfterEach
    void tearDown() throws Exception {
        stream.closeAsync().get(10, TimeUnit.SECONDS);
        assertThat(listener.offLoopCalls.get()).isZero();
        server.close();
        f.close();
    }

    private static String report(String clientOrderId) {
        return "{\"e\":\"executionReport\",\"E\":1700000000123,\"s\":\"BTCUSDT\",\"c\":\"" + clientOrderId + "\",\"S\":\"BUY\","
                + "\"o\":\"LIMIT\",\"f\":\"GTC\",\"q\":\"0.01000000\",\"p\":\"50000.01000000\",\"P\":\"0.00000000\","
                + "\"F\":\"0.00000000\",\"g\":-1,\"C\":\"\",\"x\":\"TRADE\",\"X\":\"FILLED\",\"r\":\"NONE\",\"i\":77,"
                + "\"l\":\"0.01000000\",\"z\":\"0.01000000\",\"L\":\"50000.00000000\",\"n\":\"0.00001000\",\"N\":\"BTC\","
                + "\"T\":1700000000120,\"t\":901,\"I\":155,\"w\":false,\"m\":true,\"M\":true,\"O\":1700000000001,"
                + "\"Z\":\"500.00000000\",\"Y\":\"500.00000000\",\"Q\":\"0.00000000\",\"W\":1700000000001,\"V\":\"NONE\"}";
    }

    @Test
    void shouldConnectToTheListenKeyPathAndAnswerPingsWithTheirPayload() throws Exception {
        assertThat(server.paths).containsExactly("/ws/" + stream.listenKey());
        server.ping("payload-1");
        server.ping("payload-2");
        Await.until("pongs", () -> server.pongs.size() == 2);
        assertThat(server.pongs).containsExactly("payload-1", "payload-2");
        assertThat(stream.stats().pingsAnswered()).isEqualTo(2);
    }

    @Test
    void shouldReportAnUnreadableMessageAsAGapButNotAnUnknownEventType() throws Exception {
        long before = f.clock.nanos();
        server.send("{\"e\":\"executionReport\",\"E\":");
        Await.until("gap", () -> listener.gaps.size() == 1);
        Gap gap = listener.gaps.get(0);
        assertThat(gap.reason()).isEqualTo(StreamGapReason.UNREADABLE_MESSAGE);
        assertThat(gap.sinceNanos()).isBetween(before, f.clock.nanos());
        assertThat(stream.stats().skipped(SkipReason.INVALID_JSON)).isEqualTo(1);

        server.send(UserDataDecoderTest.DOCS_LIST_STATUS);
        server.sendFragmented(report("frag-1").substring(0, 40), report("frag-1").substring(40, 200), report("frag-1").substring(200));
        Await.until("report", () -> listener.reports.size() == 1);
        Report r = listener.reports.get(0);
        assertThat(r.clientOrderId()).isEqualTo("frag-1");
        assertThat(r.lastPrice()).isEqualTo(f.btcusdt.price("50000"));
        assertThat(r.price()).isEqualTo(f.btcusdt.price("50000.01"));
        assertThat(r.lastQty()).isEqualTo(f.btcusdt.qty("0.01"));
        assertThat(r.commission()).isEqualTo(1_000L);
        assertThat(r.cumulativeQuoteQty()).isEqualTo(50_000_000_000L);
        assertThat(r.tradeId()).isEqualTo(901);
        assertThat(r.eventTimeNanos()).isEqualTo(1700000000123L * MS);
        assertThat(stream.stats().skipped(SkipReason.UNKNOWN_EVENT_TYPE)).isEqualTo(1);
        assertThat(listener.gaps).hasSize(1);

        server.send(UserDataDecoderTest.DOCS_BALANCE_UPDATE);
        Await.until("balance update", () -> listener.calls.contains("balance"));
        assertThat(listener.connects.get()).isEqualTo(1);
        assertThat(listener.calls).containsExactly("connected", "gap", "report", "balance");
        assertThat(stream.stats().connects()).isEqualTo(1);
    }

    @Test
    void shouldIgnoreAnExpiryNamingAnotherKey() throws Exception {
        server.send("{\"e\":\"listenKeyExpired\",\"E\":\"1699596037418\",\"listenKey\":\"SomeOtherKey123\"}");
        server.send(report("after-stale-expiry"));
        Await.until("report", () -> listener.reports.size() == 1);
        assertThat(stream.stats().staleExpiryEvents()).isEqualTo(1);
        assertThat(stream.stats().keysCreated()).isEqualTo(1);
        assertThat(listener.gaps).isEmpty();
        assertThat(stream.isConnected()).isTrue();
    }

    @Test
    void shouldReconnectAndReportAGapWhenTheStreamFallsSilent() throws Exception {
        String key = stream.listenKey();
        long lastFrame = f.clock.nanos();
        server.ping("alive");
        Await.until("pong", () -> server.pongs.size() == 1);
        // The server sends nothing more: past the silence timeout on the stream's clock the connection is cut.
        f.clock.advance(Duration.ofSeconds(61));
        Await.until("reconnected", () -> listener.connects.get() == 2 && server.connections.size() == 2);
        assertThat(stream.stats().reconnects(StreamGapReason.SILENCE)).isEqualTo(1);
        assertThat(listener.gaps).hasSize(1);
        assertThat(listener.gaps.get(0).reason()).isEqualTo(StreamGapReason.SILENCE);
        assertThat(listener.gaps.get(0).sinceNanos()).isGreaterThanOrEqualTo(lastFrame);
        assertThat(server.paths).containsExactly("/ws/" + key, "/ws/" + key);
        server.send(report("after-silence"));
        Await.until("report", () -> listener.reports.size() == 1);
    }
}
