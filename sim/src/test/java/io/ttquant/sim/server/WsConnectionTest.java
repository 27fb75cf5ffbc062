package io.ttquant.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outbound batch of one connection, on an embedded channel: messages written straight into
 * one buffer as WebSocket text frames decode back to exactly the payloads (with the combined
 * envelope when asked), whatever their length class, and a client whose backlog passes the bound
 * is closed and counted instead of buffered.
 */
class WsConnectionTest {
    private static final int MAX_FRAME = 1 << 20;

    private static String text(int length, char fill) {
        char[] c = new char[length];
        Arrays.fill(c, fill);
        c[0] = '"';
        c[length - 1] = '"';
        return new String(c);
    }

    /** Decodes every frame the connection wrote, as a client would (unmasked server frames). */
    private static List<WebSocketFrame> decode(EmbeddedChannel ch) {
        EmbeddedChannel client = new EmbeddedChannel(new WebSocket08FrameDecoder(false, false, MAX_FRAME));
        Object out;
        while ((out = ch.readOutbound()) != null) {
            client.writeInbound(out);
        }
        List<WebSocketFrame> frames = new ArrayList<>();
        WebSocketFrame f;
        while ((f = client.readInbound()) != null) {
            frames.add(f);
        }
        client.finishAndReleaseAll();
        return frames;
    }

    /** As {@link #decode}, checking that the batch went out as one buffer. */
    private static List<WebSocketFrame> written(EmbeddedChannel ch) {
        assertThat(ch.outboundMessages()).as("one flush, one buffer").hasSize(1);
        return decode(ch);
    }

    @Test
    void shouldFrameShortMediumAndLongMessagesInOneBatchThatDecodesToTheSamePayloads() {
        EmbeddedChannel ch = new EmbeddedChannel();
        SimServerStats stats = new SimServerStats();
        WsConnection c = new WsConnection(ch, 1, false, 16 << 20, stats);
        List<String> sent = List.of(text(2, 'a'), text(125, 'b'), text(126, 'c'), text(65_535, 'd'), text(65_536, 'e'),
                text(200_000, 'f'));
        boolean becameDirty = false;
        for (String s : sent) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            becameDirty |= c.send(b, 0, b.length);
        }
        assertThat(becameDirty).isTrue();
        c.flush();
        ch.runPendingTasks();

        List<WebSocketFrame> frames = written(ch);
        assertThat(frames).hasSize(sent.size()).allMatch(f -> f instanceof TextWebSocketFrame && f.isFinalFragment());
        for (int i = 0; i < sent.size(); i++) {
            assertThat(((TextWebSocketFrame) frames.get(i)).text()).isEqualTo(sent.get(i));
            frames.get(i).release();
        }
        assertThat(stats.messagesSent()).isEqualTo(sent.size());
        ch.finishAndReleaseAll();
    }

    @Test
    void shouldWrapAnEventOnceEncodedInTheTopicsEnvelopeForACombinedClient() {
        EmbeddedChannel rawChannel = new EmbeddedChannel();
        EmbeddedChannel combinedChannel = new EmbeddedChannel();
        SimServerStats stats = new SimServerStats();
        WsConnection raw = new WsConnection(rawChannel, 1, false, 1 << 20, stats);
        WsConnection combined = new WsConnection(combinedChannel, 2, true, 1 << 20, stats);
        StreamTopic topic = new StreamTopic("btcusdt@trade", true);
        byte[] event = "{\"e\":\"trade\",\"t\":7}".getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[event.length + 10];
        System.arraycopy(event, 0, buffer, 3, event.length);

        raw.sendEvent(topic, buffer, 3, event.length);
        combined.sendEvent(topic, buffer, 3, event.length);
        raw.flush();
        combined.flush();
        rawChannel.runPendingTasks();
        combinedChannel.runPendingTasks();

        TextWebSocketFrame r = (TextWebSocketFrame) written(rawChannel).get(0);
        TextWebSocketFrame w = (TextWebSocketFrame) written(combinedChannel).get(0);
        assertThat(r.text()).isEqualTo("{\"e\":\"trade\",\"t\":7}");
        assertThat(w.text()).isEqualTo("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"t\":7}}");
        r.release();
        w.release();
        rawChannel.finishAndReleaseAll();
        combinedChannel.finishAndReleaseAll();
    }

    @Test
    void shouldCloseAndCountAClientWhoseUnsentBacklogPassesTheBound() {
        EmbeddedChannel ch = new EmbeddedChannel(new WebSocket08FrameEncoder(false));
        SimServerStats stats = new SimServerStats();
        WsConnection c = new WsConnection(ch, 1, false, 4096, stats);
        byte[] b = text(100, 'x').getBytes(StandardCharsets.UTF_8);
        int accepted = 0;
        for (int i = 0; i < 100; i++) {
            c.send(b, 0, b.length);
            if (!c.isClosed()) {
                accepted++;
            }
        }
        assertThat(stats.slowConsumerDisconnects()).isEqualTo(1);
        assertThat(c.isClosed()).isTrue();
        assertThat(accepted).as("about 4096 bytes of 102-byte frames were accepted").isBetween(40, 42);

        c.flush();
        ch.runPendingTasks();
        List<WebSocketFrame> frames = decode(ch);
        assertThat(frames).as("the backlog is not written; the close frame is").hasSize(1);
        assertThat(frames.get(0)).isInstanceOf(CloseWebSocketFrame.class);
        assertThat(((CloseWebSocketFrame) frames.get(0)).statusCode()).isEqualTo(1008);
        frames.get(0).release();
        assertThat(stats.messagesSent()).isZero();
        ch.finishAndReleaseAll();
    }

    @Test
    void shouldReleaseAnUnflushedBatchWhenTheConnectionIsDiscarded() {
        EmbeddedChannel ch = new EmbeddedChannel();
        WsConnection c = new WsConnection(ch, 1, false, 1 << 20, new SimServerStats());
        byte[] b = "{}".getBytes(StandardCharsets.UTF_8);
        c.send(b, 0, b.length);
        c.discard();
        c.flush();
        ch.runPendingTasks();
        assertThat((Object) ch.readOutbound()).isNull();
        assertThat(c.send(b, 0, b.length)).isFalse();
        ch.finishAndReleaseAll();
    }
}
