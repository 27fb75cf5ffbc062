package io.ttquant.binance.book;

/** Why a {@link BookSynchronizer} threw its book (or a fresh snapshot) away and asked for a new snapshot. */
public enum ResyncReason {
    /** A diff did not continue the previous one ({@code U > previous u + 1}): updates were lost. */
    SEQUENCE_GAP,
    /**
     * The snapshot does not reach the first diff to apply ({@code lastUpdateId + 1 < U}): Binance's
     * rule is to fetch a newer snapshot.
     */
    SNAPSHOT_TOO_OLD,
    /** The owner asked for it, for example after the stream was disconnected. */
    REQUESTED
}
