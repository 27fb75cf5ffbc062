package io.ttquant.binance.stream;

import java.util.Arrays;

/**
 * Counters kept by one {@link StreamMessageDecoder}: messages per {@link DecodeOutcome},
 * delivered events per {@link StreamEventKind}, and how many messages each path (fast or generic)
 * decoded. Plain long fields written by the decoding thread only; another thread reading them sees
 * approximate values. It must never allocate while counting.
 */
public final class DecodeStats {
    private static final DecodeOutcome[] OUTCOMES = DecodeOutcome.values();
    private static final StreamEventKind[] KINDS = StreamEventKind.values();

    private final long[] outcomes = new long[OUTCOMES.length];
    private final long[] kinds = new long[KINDS.length];
    private long fastPath;
    private long genericPath;

    void record(DecodeOutcome outcome) {
        outcomes[outcome.ordinal()]++;
    }

    void record(StreamEventKind kind) {
        kinds[kind.ordinal()]++;
    }

    void recordFastPath() {
        fastPath++;
    }

    void recordGenericPath() {
        genericPath++;
    }

    /** Messages decoded in one pass by the fast path (always delivered events). */
    public long fastPathMessages() {
        return fastPath;
    }

    /**
     * Messages decoded by the generic path: every rejection, control reply and uncommon event,
     * and any common event in a form the fast path does not read (whitespace, escapes, other key order).
     */
    public long genericPathMessages() {
        return genericPath;
    }

    /** Messages that ended with {@code outcome}. */
    public long count(DecodeOutcome outcome) {
        return outcomes[outcome.ordinal()];
    }

    /** Events of {@code kind} delivered to the sink. */
    public long count(StreamEventKind kind) {
        return kinds[kind.ordinal()];
    }

    /** All messages decoded, whatever their outcome. */
    public long messages() {
        long n = 0;
        for (long c : outcomes) {
            n += c;
        }
        return n;
    }

    /** Messages that were not delivered and were not control replies. */
    public long rejected() {
        return messages() - count(DecodeOutcome.EVENT) - count(DecodeOutcome.CONTROL);
    }

    public void reset() {
        Arrays.fill(outcomes, 0);
        Arrays.fill(kinds, 0);
        fastPath = 0;
        genericPath = 0;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("DecodeStats{");
        for (DecodeOutcome o : OUTCOMES) {
            sb.append(o).append('=').append(outcomes[o.ordinal()]).append(' ');
        }
        for (StreamEventKind k : KINDS) {
            sb.append(k).append('=').append(kinds[k.ordinal()]).append(' ');
        }
        sb.append("fastPath=").append(fastPath).append(" genericPath=").append(genericPath);
        return sb.append('}').toString();
    }
}
