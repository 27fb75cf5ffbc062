package io.ttquant.store.writer;

/**
 * The market data streams the {@link MarketDataRecorder} keeps apart: each has its own bounded
 * queue, batch and table, so a flood of quotes never delays or drops trades.
 */
public enum RecordedStream {
    TRADES("trades", "market_trades"),
    QUOTES("quotes", "market_quotes"),
    BARS("bars", "market_bars"),
    BOOK_SNAPSHOTS("book_snapshots", "book_snapshots");

    private static final RecordedStream[] VALUES = values();

    private final String label;
    private final String table;

    RecordedStream(String label, String table) {
        this.label = label;
        this.table = table;
    }

    /** The stream's name in metrics and logs, e.g. {@code trades}. */
    public String label() {
        return label;
    }

    /** The table of the logical schema it is written to, e.g. {@code market_trades}. */
    public String table() {
        return table;
    }

    /** All streams, without the copy {@code values()} makes. Do not modify. */
    static RecordedStream[] all() {
        return VALUES;
    }
}
