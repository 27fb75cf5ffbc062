package io.ttquant.app.gateway;

import io.ttquant.transport.ByteKeyIndex;
import io.ttquant.transport.Topics;
import io.ttquant.transport.zmq.ZmqPublisher;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An {@link ExecutionSink} that publishes each encoded event on a {@link ZmqPublisher} as two
 * frames, [topic {@code exec.<strategy>}, ExecutionEvent bytes as the gateway encoded them]. A
 * strategy name that cannot be a topic (empty, longer than 64 bytes, characters outside
 * {@code [A-Za-z0-9_.:-]}) is dropped and counted, never thrown. The topic of a strategy the gateway
 * serves is built once; the topics of up to {@value #MAX_CACHED_TOPICS} other names are kept so
 * that garbage names cannot grow memory (beyond, each such event builds its topic). Nothing here
 * allocates for a served strategy; ZeroMQ copies the payload. Must be called from the thread that
 * owns the publisher.
 */
public final class ZmqExecutionPublisher implements ExecutionSink {
    static final int MAX_CACHED_TOPICS = 1024;
    private static final int MAX_STRATEGY_BYTES = 64;
    private static final byte[] PREFIX = (Topics.EXECUTION + ".").getBytes(StandardCharsets.US_ASCII);

    private final ZmqPublisher publisher;
    private byte[][] served = new byte[8][];
    private final ByteKeyIndex otherNames = new ByteKeyIndex();
    private byte[][] otherTopics = new byte[8][];
    private long published;
    private long dropped;

    public ZmqExecutionPublisher(ZmqPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void onExecution(int strategy, byte[] name, int nameOffset, int nameLength, byte[] frame, int offset, int length) {
        byte[] topic = topic(strategy, name, nameOffset, nameLength);
        if (topic == null) {
            dropped++;
            return;
        }
        if (publisher.send(topic, frame, offset, length)) {
            published++;
        } else {
            dropped++;
        }
    }

    private byte[] topic(int strategy, byte[] name, int offset, int length) {
        if (strategy >= 0) {
            if (strategy >= served.length) {
                served = Arrays.copyOf(served, Math.max(strategy + 1, served.length * 2));
            }
            byte[] topic = served[strategy];
            if (topic == null && isTopicName(name, offset, length)) {
                topic = build(name, offset, length);
                served[strategy] = topic;
            }
            return topic;
        }
        if (!isTopicName(name, offset, length)) {
            return null;
        }
        int id = otherNames.find(name, offset, length);
        if (id >= 0) {
            return otherTopics[id];
        }
        byte[] topic = build(name, offset, length);
        if (otherNames.size() < MAX_CACHED_TOPICS) {
            id = otherNames.findOrAdd(name, offset, length);
            if (id >= otherTopics.length) {
                otherTopics = Arrays.copyOf(otherTopics, otherTopics.length * 2);
            }
            otherTopics[id] = topic;
        }
        return topic;
    }

    private static byte[] build(byte[] name, int offset, int length) {
        byte[] topic = Arrays.copyOf(PREFIX, PREFIX.length + length);
        System.arraycopy(name, offset, topic, PREFIX.length, length);
        return topic;
    }

    /** Same rule as {@link Topics#checkStrategy}, as a test instead of an exception. */
    static boolean isTopicName(byte[] s, int offset, int length) {
        if (length < 1 || length > MAX_STRATEGY_BYTES) {
            return false;
        }
        for (int i = offset; i < offset + length; i++) {
            int c = s[i];
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@link #isTopicName(byte[], int, int)} for a String (tests and configuration checks). */
    static boolean isTopicName(String s) {
        if (s == null) {
            return false;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        return isTopicName(bytes, 0, bytes.length);
    }

    public long published() {
        return published;
    }

    /** Events not sent: unusable strategy name, or refused by the socket. */
    public long dropped() {
        return dropped;
    }
}
