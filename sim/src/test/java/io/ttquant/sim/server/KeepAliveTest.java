package io.ttquant.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Binance's WebSocket keep-alive and limits: server pings that a client must answer, pongs for
 * client pings, the incoming-message limit, and connections that misbehave at the frame level.
 */
class KeepAliveTest {
    private static SimServerConfig fastPings() {
        return SimServerConfig.builder().wsPingIntervalMillis(100).wsPongTimeoutMillis(300).wsMaxIncomingPerSecond(50).build();
    }

    @Test
    void shouldKeepAClientThatAnswersServerPingsAutomatically() throws Exception {
        try (SimServerFixture f = new SimServerFixture(fastPings())) {
            SimServerFixture.Ws ws = f.ws("/ws");
            for (int i = 0; i < 6; i++) {
                assertThat(ws.pings.poll(10, TimeUnit.SECONDS)).as("ping %s", i).isNotNull();
            }
            // Six pings 100 ms apart outlast the 300 ms pong timeout: only answered pings keep the connection.
            assertThat(ws.closed).isNotDone();
            assertThat(f.server.stats().pongsReceived()).isPositive();
            assertThat(f.server.stats().pongTimeoutDisconnects()).isZero();
            ws.abort();
        }
    }

    @Test
    void shouldCloseAConnectionThatNeverAnswersPings() throws Exception {
        try (SimServerFixture f = new SimServerFixture(fastPings());
             RawWebSocket silent = new RawWebSocket(f.server.port(), "/ws", 0)) {
            assertThat(silent.readUntilClosed(10_000)).as("closed by the server").isTrue();
            assertThat(f.server.stats().pongTimeoutDisconnects()).isEqualTo(1);
            assertThat(f.get("/api/v3/ping").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldAnswerClientPingsWithTheSamePayload() throws Exception {
        try (SimServerFixture f = new SimServerFixture(SimServerConfig.defaults())) {
            SimServerFixture.Ws ws = f.ws("/ws");
            ws.socket.sendPing(ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
            assertThat(ws.pongs.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");
            ws.abort();
        }
    }

    @Test
    void shouldDisconnectAClientSendingMoreThanFiveMessagesPerSecond() throws Exception {
        try (SimServerFixture f = new SimServerFixture(SimServerConfig.defaults())) {
            SimServerFixture.Ws ws = f.ws("/ws");
            for (int i = 0; i < 8 && !ws.closed.isDone(); i++) {
                try {
                    ws.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + i + "}");
                } catch (RuntimeException closedMeanwhile) {
                    break;
                }
            }
            assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
            assertThat(f.server.stats().messageRateDisconnects()).isEqualTo(1);
            assertThat(ws.messages).hasSizeLessThanOrEqualTo(5);
        }
    }

    @Test
    void shouldDropAConnectionSendingGarbageFramesAndKeepServing() throws Exception {
        try (SimServerFixture f = new SimServerFixture(SimServerConfig.defaults());
             RawWebSocket garbage = new RawWebSocket(f.server.port(), "/ws/btcusdt@trade", 0)) {
            // An unmasked frame with a reserved opcode: a protocol violation.
            garbage.sendRaw(new byte[] {(byte) 0x83, 0x05, 'h', 'e', 'l', 'l', 'o', 0x00, (byte) 0xff, 0x13});
            assertThat(garbage.readUntilClosed(10_000)).isTrue();
            assertThat(f.get("/api/v3/ping").statusCode()).isEqualTo(200);
            SimServerFixture.Ws ws = f.ws("/ws/btcusdt@trade");
            assertThat(ws.next()).contains("\"e\":\"trade\"");
            ws.abort();
        }
    }
}
