package io.ttquant.binance.stream;

import java.util.Arrays;

/**
 * Counters kept by one {@link StreamMessageDecoder}: messages per {@link DecodeOutcome} and
 * delivered events per {@link StreamEventKind}. Plain long arrays written by the decoding thread
 * only; another thread reading them sees approximate values. It must never allocate while
 * counting.
 */
public final class DecodeStats {
    private static final DecodeOutcome[] OUTCOMES = DecodeOutcome.values();
    private static final StreamEventKind[] KINDS = StreamEventKind.values();

    private final long[] outcomes = new long[OUTCOMES.length];
    private final long[] kinds = new long[KINDS.length];

    void record(DecodeOutcome outcome) {
        outcomes[outcome.ordinal()]++;
    }

    void record(StreamEventKind kind) {
        kinds[kind.ordinal()]++;
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
        sb.setLength(sb.length() - 1);
        return sb.append('}').toString();
    }
}
