package io.ttquant.transport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Counts lost messages per topic from the per-topic sequence numbers that TTQuant publishers put
 * in every message (1, 2, 3...). ZeroMQ PUB/SUB drops messages silently when a subscriber falls
 * behind, and the sequence gaps are the only place where those drops show.
 *
 * <p>Per topic, the first sequence number seen is the baseline: messages published before the
 * subscriber joined are not counted as lost. After that, a jump from n to n + k counts k - 1
 * missing messages. A number that does not move forward (n to m with m &lt;= n) cannot happen on
 * one ZeroMQ connection. It means the publisher restarted, or two publishers share a topic. It is
 * counted as a reset and becomes the new baseline.
 *
 * <p>Checking a known topic never allocates. A new topic is copied once. Not thread-safe: it
 * belongs to the receiving thread. It never throws for odd sequences: they are counted.
 */
public final class SequenceGapDetector {
    private final ByteKeyIndex topics = new ByteKeyIndex();
    private long[] lastSequence = new long[16];
    private long[] missingByTopic = new long[16];
    private long received;
    private long missing;
    private long resets;

    /**
     * Records message {@code sequence} on {@code topic[0, topicLength)}.
     *
     * @return the number of messages missing just before this one (0 when none were lost)
     */
    public long onMessage(byte[] topic, int topicLength, long sequence) {
        received++;
        int id = topics.find(topic, 0, topicLength);
        if (id < 0) {
            id = topics.findOrAdd(topic, 0, topicLength);
            if (id >= lastSequence.length) {
                lastSequence = Arrays.copyOf(lastSequence, lastSequence.length * 2);
                missingByTopic = Arrays.copyOf(missingByTopic, missingByTopic.length * 2);
            }
            lastSequence[id] = sequence;
            return 0;
        }
        long last = lastSequence[id];
        lastSequence[id] = sequence;
        // Unsigned: sequence numbers are uint64 on the wire.
        if (Long.compareUnsigned(sequence, last) <= 0) {
            resets++;
            return 0;
        }
        long gap = sequence - last - 1;
        missingByTopic[id] += gap;
        missing += gap;
        return gap;
    }

    /** {@link #onMessage(byte[], int, long)} for a topic given as text (allocates: for tests and tools). */
    public long onMessage(String topic, long sequence) {
        byte[] bytes = topic.getBytes(StandardCharsets.US_ASCII);
        return onMessage(bytes, bytes.length, sequence);
    }

    /** Messages seen. */
    public long received() {
        return received;
    }

    /** Messages missing across all topics. */
    public long missing() {
        return missing;
    }

    /** Messages missing on one topic; 0 for a topic never seen. */
    public long missing(String topic) {
        int id = topics.find(topic);
        return id < 0 ? 0 : missingByTopic[id];
    }

    /** The last sequence number seen on a topic; 0 for a topic never seen. */
    public long lastSequence(String topic) {
        int id = topics.find(topic);
        return id < 0 ? 0 : lastSequence[id];
    }

    /** Times a sequence number failed to move forward (publisher restarts). */
    public long resets() {
        return resets;
    }

    /** Distinct topics seen. */
    public int topicCount() {
        return topics.size();
    }
}
