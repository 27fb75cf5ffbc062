package io.ttquant.app.gateway.journal;

/**
 * The outcome of {@link OrderJournal#open}: either the journal, open for appending, with the state
 * its replay rebuilt, or the error that stopped the replay, in which case nothing was changed on
 * disk and the gateway must refuse to trade and show {@link JournalError#describe()}.
 */
public final class JournalRecovery {
    private final OrderJournal journal;
    private final RecoveredState state;
    private final JournalError error;
    private final long recordsReplayed;
    private final long truncatedBytes;

    private JournalRecovery(OrderJournal journal, RecoveredState state, JournalError error, long recordsReplayed,
                            long truncatedBytes) {
        this.journal = journal;
        this.state = state;
        this.error = error;
        this.recordsReplayed = recordsReplayed;
        this.truncatedBytes = truncatedBytes;
    }

    static JournalRecovery recovered(OrderJournal journal, RecoveredState state, long records, long truncated) {
        return new JournalRecovery(journal, state, null, records, truncated);
    }

    static JournalRecovery failed(JournalError error, long records) {
        return new JournalRecovery(null, null, error, records, 0);
    }

    public boolean ok() {
        return error == null;
    }

    /** Why the journal could not be recovered, or null. */
    public JournalError error() {
        return error;
    }

    /** The journal, open for appending; null when not {@link #ok()}. */
    public OrderJournal journal() {
        return journal;
    }

    /** The state the replay rebuilt; null when not {@link #ok()}. */
    public RecoveredState state() {
        return state;
    }

    /** Records replayed (snapshot records included). */
    public long recordsReplayed() {
        return recordsReplayed;
    }

    /** Bytes of torn tail cut from the newest segment (a write the crash cut short); 0 normally. */
    public long truncatedBytes() {
        return truncatedBytes;
    }

    /** One line for the startup log. */
    public String describe() {
        if (error != null) {
            return "cannot recover, refusing to trade: " + error.describe();
        }
        return state.describe() + "; " + recordsReplayed + " records replayed"
                + (truncatedBytes > 0 ? ", " + truncatedBytes + " bytes of torn tail cut off" : "");
    }
}
