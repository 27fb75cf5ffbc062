package io.ttquant.app.data;

import io.ttquant.core.data.FileFormat;
import io.ttquant.core.data.ReaderOptions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a data.binance.vision file name says about its content: {@code BTCUSDT-1m-2024-01-01.zip} is
 * BTCUSDT one-minute klines, {@code BTCUSDT-trades-2024-01.zip} trades,
 * {@code BTCUSDT-aggTrades-2024-01-01.zip} aggTrades (anything may follow the second part). Names
 * that do not follow the pattern say nothing; this class never opens the file.
 *
 * @param symbol        the upper-case symbol, or null when the name does not start with one
 * @param format        the layout, or null when the name does not tell
 * @param intervalNanos the kline interval, or 0 when not a kline name or the interval has no fixed length ({@code 1M})
 */
public record BinanceFileName(String symbol, FileFormat format, long intervalNanos) {
    private static final Pattern NAME = Pattern.compile("([A-Z][A-Z0-9]{1,29})-([A-Za-z0-9]+)(?:[-_.].*)?");
    private static final Pattern INTERVAL = Pattern.compile("[0-9]+(s|m|h|d|w|M)");

    /** Reads a bare file name (no directory). */
    public static BinanceFileName parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return new BinanceFileName(null, null, 0);
        }
        String symbol = m.group(1);
        String kind = m.group(2);
        if (kind.equalsIgnoreCase("trades")) {
            return new BinanceFileName(symbol, FileFormat.BINANCE_TRADES, 0);
        }
        if (kind.equalsIgnoreCase("aggTrades")) {
            return new BinanceFileName(symbol, FileFormat.BINANCE_AGGTRADES, 0);
        }
        Matcher interval = INTERVAL.matcher(kind);
        if (interval.matches()) {
            long nanos = interval.group(1).equals("M") ? 0 : ReaderOptions.parseIntervalNanos(kind);
            return new BinanceFileName(symbol, FileFormat.BINANCE_KLINE, nanos);
        }
        return new BinanceFileName(symbol, null, 0);
    }
}
