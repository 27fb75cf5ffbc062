package io.ttquant.app.gateway.journal;

/**
 * The kinds of record in the order journal, with the stable code written on disk. A code, once
 * written, never changes meaning; a new kind gets a new code. Codes 16 and up are the parts of a
 * snapshot, which only compaction writes.
 */
public enum RecordType {
    /** An order the gateway accepted, journaled (and synced, for a live venue) before it leaves. */
    ORDER_SUBMITTED(1),
    /** An order's last known state: status, reason, filled quantity and notional, fees, venue order id. */
    ORDER_STATE(2),
    /** One execution of an order, applied to positions once per (venue, trade id). */
    FILL(3),
    /** The venue's answer to a request never came: the order's state there is unknown. */
    ORDER_UNKNOWN(4),
    /** An unknown order's state was found out (by query or reconciliation). */
    ORDER_RESOLVED(5),
    /** The global kill switch was engaged or released. */
    KILL_SWITCH(6),
    /** A strategy's trading state changed (ACTIVE, REDUCE_ONLY, HALTED). */
    STRATEGY_STATE(7),
    /** The gateway stopped cleanly; nothing was in flight. */
    SHUTDOWN(8),
    /** A strategy's trading day for the daily-loss limit: its day started, its loss state changed, or a restart continued it. */
    RISK_DAY(9),
    /** First record of a snapshot: the scalar state. */
    SNAPSHOT_BEGIN(16),
    /** A snapshot's position (per strategy, or per account when the strategy is empty). */
    SNAPSHOT_POSITION(17),
    /** A snapshot's applied fill id, kept so a fill seen again is not applied twice. */
    SNAPSHOT_FILL(18),
    /** Last record of a snapshot, with the count of records between begin and end. */
    SNAPSHOT_END(19),
    /** A snapshot's latest trading day of a strategy, its realised PnL including the fills after its RISK_DAY. */
    SNAPSHOT_RISK_DAY(20);

    private static final RecordType[] BY_CODE = new RecordType[32];

    static {
        for (RecordType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final short code;

    RecordType(int code) {
        this.code = (short) code;
    }

    /** The code written on disk. */
    public short code() {
        return code;
    }

    /** True for the records only a snapshot holds. */
    public boolean isSnapshotPart() {
        return code >= 16;
    }

    /** The type with this code, or null when there is none. */
    public static RecordType of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
