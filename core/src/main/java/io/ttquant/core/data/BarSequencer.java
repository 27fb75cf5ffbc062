package io.ttquant.core.data;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;

/**
 * Turns parsed bar rows into {@link Bar} events: checks OHLC sanity and time order, and supplies
 * the interval for layouts without one (the configured override, else the difference between the
 * first two bars' open times, which needs the first row held back until the second arrives).
 *
 * <p>Owns the reused {@link Bar}. It must never emit a bar that overlaps or precedes the one
 * before it, and never allocate for a good row.
 */
final class BarSequencer {
    private final Instrument instrument;
    private final long overrideNanos;
    private final Bar bar = new Bar();
    private long inferredNanos;
    private long lastOpen = Long.MIN_VALUE;
    private long lastClose = Long.MIN_VALUE;

    private boolean pending;
    private String pendingFile;
    private long pendingLine;
    private long pOpen;
    private long pO;
    private long pH;
    private long pL;
    private long pC;
    private long pV;

    private boolean queued;
    private long qOpen;
    private long qInterval;
    private long qO;
    private long qH;
    private long qL;
    private long qC;
    private long qV;

    BarSequencer(Instrument instrument, long overrideNanos) {
        this.instrument = instrument;
        this.overrideNanos = overrideNanos;
    }

    Bar bar() {
        return bar;
    }

    /**
     * Accepts one row; {@code rowIntervalNanos} is the row's own interval or 0 when the layout has
     * none. Returns true when {@link #bar()} holds a new event, false when the row is held back.
     *
     * @throws BadRowException when the bar is inconsistent, out of order or overlaps the previous one
     */
    boolean accept(String file, long lineNumber, long openNanos, long rowIntervalNanos,
                   long open, long high, long low, long close, long volume) {
        if (low > open || low > close || high < open || high < close || volume < 0) {
            throw CsvSource.bad("inconsistent bar: need low <= open, close <= high and volume >= 0; got open "
                    + instrument.formatPrice(open) + ", high " + instrument.formatPrice(high) + ", low "
                    + instrument.formatPrice(low) + ", close " + instrument.formatPrice(close) + ", volume "
                    + instrument.formatQty(volume));
        }
        if (rowIntervalNanos > 0 && overrideNanos > 0 && rowIntervalNanos != overrideNanos) {
            throw CsvSource.bad("the row's interval is " + ReaderOptions.formatInterval(rowIntervalNanos)
                    + " but the configured bar interval is " + ReaderOptions.formatInterval(overrideNanos));
        }
        if (openNanos <= lastOpen) {
            throw CsvSource.bad("out of time order: open time " + CsvSource.instant(openNanos)
                    + (openNanos == lastOpen ? " repeats" : " is earlier than") + " the previous bar's open time "
                    + CsvSource.instant(lastOpen));
        }
        if (openNanos < lastClose) {
            throw CsvSource.bad("bar opening at " + CsvSource.instant(openNanos)
                    + " overlaps the previous bar, which closes at " + CsvSource.instant(lastClose)
                    + (inferredNanos > 0 && overrideNanos == 0
                    ? " (interval " + ReaderOptions.formatInterval(inferredNanos) + " inferred from the first two bars; set the interval explicitly)"
                    : ""));
        }
        if (pending) {
            inferredNanos = openNanos - pOpen;
            pending = false;
            long interval = rowIntervalNanos > 0 ? rowIntervalNanos : inferredNanos;
            bar.set(instrument, pOpen, inferredNanos, pO, pH, pL, pC, pV);
            queued = true;
            qOpen = openNanos;
            qInterval = interval;
            qO = open;
            qH = high;
            qL = low;
            qC = close;
            qV = volume;
            lastOpen = openNanos;
            lastClose = openNanos + interval;
            return true;
        }
        long interval = rowIntervalNanos > 0 ? rowIntervalNanos : overrideNanos > 0 ? overrideNanos : inferredNanos;
        lastOpen = openNanos;
        if (interval == 0) {
            pending = true;
            pendingFile = file;
            pendingLine = lineNumber;
            pOpen = openNanos;
            pO = open;
            pH = high;
            pL = low;
            pC = close;
            pV = volume;
            return false;
        }
        lastClose = openNanos + interval;
        bar.set(instrument, openNanos, interval, open, high, low, close, volume);
        return true;
    }

    /** Emits the bar held back while its predecessor's interval was being inferred. */
    boolean pollQueued() {
        if (!queued) {
            return false;
        }
        queued = false;
        bar.set(instrument, qOpen, qInterval, qO, qH, qL, qC, qV);
        return true;
    }

    /** At the end of the data: a lone bar without an interval can never be emitted. */
    void endOfData() {
        if (pending) {
            pending = false;
            throw new MarketDataFormatException(pendingFile, pendingLine,
                    "only one bar and no interval: cannot infer the bar interval; set it explicitly (--interval)");
        }
    }
}
