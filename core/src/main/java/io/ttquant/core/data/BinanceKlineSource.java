package io.ttquant.core.data;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketEvent;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads Binance klines as {@link io.ttquant.core.marketdata.Bar}s: the 12-column
 * data.binance.vision layout (interval = close_time - open_time + 1 unit; times in ms, or µs in
 * spot files from 2025, told apart by magnitude) and the 6-column
 * {@code open_time_ms,open,high,low,close,volume} layout (interval from the options or from the
 * first two rows). Each row is checked on its own, so a directory may mix both layouts.
 *
 * <p>It never reads the quote volume, trade count or taker columns, and never allocates per good row.
 */
final class BinanceKlineSource extends CsvSource {
    private final BarSequencer bars;

    BinanceKlineSource(List<Path> files, String description, Instrument instrument, ReaderOptions options) {
        super(files, description, instrument, options);
        this.bars = new BarSequencer(instrument, options.barIntervalNanos());
    }

    @Override
    public MarketEvent current() {
        return bars.bar();
    }

    @Override
    protected boolean parseRow() {
        int n = line.fieldCount();
        if (n != 12 && n != 6) {
            throw bad("expected 12 columns (Binance kline) or 6 (open_time,open,high,low,close,volume), got " + n);
        }
        long openRaw = integer(0, "open_time");
        long openNanos = toNanos(openRaw, "open_time");
        long rowInterval = 0;
        if (n == 12) {
            long closeRaw = integer(6, "close_time");
            long span = closeRaw - openRaw + 1;
            if (span <= 0) {
                throw bad("close_time " + closeRaw + " is before open_time " + openRaw);
            }
            try {
                rowInterval = Math.multiplyExact(span, timeUnitNanos(openRaw));
            } catch (ArithmeticException e) {
                throw bad("close_time " + closeRaw + " is out of range");
            }
        }
        long open = price(1, "open");
        long high = price(2, "high");
        long low = price(3, "low");
        long close = price(4, "close");
        long volume = qty(5, "volume");
        return bars.accept(fileName(), line.lineNumber(), openNanos, rowInterval, open, high, low, close, volume);
    }

    @Override
    protected boolean pollQueued() {
        return bars.pollQueued();
    }

    @Override
    protected void endOfData() {
        bars.endOfData();
    }
}
