package io.ttquant.app.gateway;

import io.ttquant.transport.Topics;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.zmq.ZmqPublisher;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;

/**
 * An {@link ExecutionSink} that publishes each event on a {@link ZmqPublisher} as two frames,
 * [topic {@code exec.<strategy>}, serialized ExecutionEvent]. A strategy name that cannot be a
 * topic (empty, too long, characters outside {@code [A-Za-z0-9_.:-]}) is dropped and counted,
 * never thrown. Topic bytes are cached for up to {@value #MAX_CACHED_TOPICS} strategies so that
 * garbage names cannot grow memory. It serializes with protoc's code (allocates per event) and
 * must be called from the thread that owns the publisher.
 */
public final class ZmqExecutionPublisher implements ExecutionSink {
    static final int MAX_CACHED_TOPICS = 1024;

    private final ZmqPublisher publisher;
    private final HashMap<String, byte[]> topics = new HashMap<>();
    private long published;
    private long dropped;

    public ZmqExecutionPublisher(ZmqPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void onExecution(String strategy, ExecutionEvent event) {
        byte[] topic = topics.get(strategy);
        if (topic == null) {
            if (!isTopicName(strategy)) {
                dropped++;
                return;
            }
            topic = (Topics.EXECUTION + "." + strategy).getBytes(StandardCharsets.US_ASCII);
            if (topics.size() < MAX_CACHED_TOPICS) {
                topics.put(strategy, topic);
            }
        }
        byte[] payload = event.toByteArray();
        if (publisher.send(topic, payload, 0, payload.length)) {
            published++;
        } else {
            dropped++;
        }
    }

    /** Same rule as {@link Topics#checkStrategy}, as a test instead of an exception. */
    static boolean isTopicName(String s) {
        if (s == null || s.isEmpty() || s.length() > 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public long published() {
        return published;
    }

    /** Events not sent: unusable strategy name, or refused by the socket. */
    public long dropped() {
        return dropped;
    }
}
