package io.ttquant.core.data;

import io.ttquant.core.marketdata.MarketEvent;

/**
 * A pull-style stream of market events in time order for one instrument: what the backtest engine
 * consumes, whether the events come from files ({@link MarketDataSources}) or are generated
 * ({@link SyntheticMarketData}).
 *
 * <p>A source is single-threaded and hands out one reused event object: the consumer must copy
 * what it keeps before the next {@link #advance()}. A source must never load its whole input into
 * memory, never allocate per event in steady state, and never emit an event earlier than the one
 * before it.
 */
public interface MarketDataSource extends AutoCloseable {
    /** Loads the next event into a reused object; false at the end of the data. */
    boolean advance();

    /** The current event (valid after advance() returned true, until the next advance()). Reused object. */
    MarketEvent current();

    /** Human-readable origin, e.g. the file name, for messages. */
    String description();

    /** Rows skipped under the SKIP bad-row policy (0 under FAIL). */
    long skippedRows();

    @Override
    void close();
}
