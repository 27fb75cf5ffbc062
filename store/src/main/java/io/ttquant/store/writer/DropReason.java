package io.ttquant.store.writer;

/** Why the recorder let a row go without writing it; a label of the dropped-rows counter. */
public enum DropReason {
    /** The stream's queue was full (the database is slower than the feed, or down). */
    QUEUE_FULL("queue_full"),
    /** Offered after {@link MarketDataRecorder#close()} began. */
    CLOSED("closed"),
    /** Still unwritten when the shutdown deadline passed (the database did not come back in time). */
    SHUTDOWN("shutdown"),
    /** A row the schema cannot hold (e.g. a bar interval that is not whole seconds). */
    INVALID("invalid");

    private static final DropReason[] VALUES = values();

    private final String label;

    DropReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static DropReason[] all() {
        return VALUES;
    }
}
