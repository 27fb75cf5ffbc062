package io.ttquant.binance.userdata;

/**
 * What {@link UserDataDecoder#decode} made of one message: one of the four events it reads, or
 * {@link #SKIPPED} (see {@link UserDataDecoder#lastSkipReason()}). Every message gets exactly one.
 */
public enum UserDataOutcome {
    /** {@link UserDataDecoder#executionReport()} holds the report. */
    EXECUTION_REPORT,
    /** {@link UserDataDecoder#accountPosition()} holds the balances. */
    ACCOUNT_POSITION,
    /** {@link UserDataDecoder#balanceUpdate()} holds the change. */
    BALANCE_UPDATE,
    /** The listen key expired; {@link UserDataDecoder#expiredListenKey()} names it. */
    LISTEN_KEY_EXPIRED,
    /** Nothing decoded; counted by {@link SkipReason}. */
    SKIPPED
}
