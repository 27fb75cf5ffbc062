package io.ttquant.binance.ws;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.ttquant.core.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link StreamListener} for tests: keeps every text message (as a String, test-side only),
 * the numbers of the {@code seq@test} stream, the connection events in order with their clock
 * times, and counts callbacks that arrived off the event loop (there must be none).
 */
final class RecordingListener implements StreamListener {
    private static final Pattern N = Pattern.compile("\"n\":(\\d+)");

    final List<String> texts = new CopyOnWriteArrayList<>();
    final List<Long> seq = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Long> connectedAtNanos = new CopyOnWriteArrayList<>();
    final AtomicInteger offLoopCalls = new AtomicInteger();
    volatile boolean throwOnText;
    private final EventLoop loop;
    private final Clock clock;

    RecordingListener(EventLoop loop, Clock clock) {
        this.loop = loop;
        this.clock = clock;
    }

    private void checkThread() {
        if (!loop.inEventLoop()) {
            offLoopCalls.incrementAndGet();
        }
    }

    @Override
    public void onText(ByteBuf frameText, long receiveTimeNanos) {
        checkThread();
        String t = frameText.toString(frameText.readerIndex(), frameText.readableBytes(), StandardCharsets.UTF_8);
        texts.add(t);
        if (t.contains("\"stream\":\"" + TestWsServer.SEQ + "\"")) {
            Matcher m = N.matcher(t);
            if (m.find()) {
                seq.add(Long.parseLong(m.group(1)));
            }
        }
        if (throwOnText) {
            throw new IllegalStateException("listener bug");
        }
    }

    @Override
    public void onConnected(int connectionId) {
        checkThread();
        connectedAtNanos.add(clock.nanos());
        events.add("connected " + connectionId);
    }

    @Override
    public void onDisconnected(int connectionId, DisconnectReason reason, String detail) {
        checkThread();
        events.add("disconnected " + connectionId + " " + reason);
    }

    @Override
    public void onSwitched(int fromConnectionId, int toConnectionId) {
        checkThread();
        events.add("switched " + fromConnectionId + "->" + toConnectionId);
    }

    boolean anyTextContains(String s) {
        for (String t : texts) {
            if (t.contains(s)) {
                return true;
            }
        }
        return false;
    }
}
