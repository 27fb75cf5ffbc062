package io.ttquant.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Generated market data in the layouts {@code ttquant backtest --data} reads, for BTCUSDT (prices at
 * 0.01). The price is a sine wave of 100 bars around 30,000 with amplitude 1,000, phased so that a
 * series whose length is a multiple of 100 ends in a 50-bar fall: EMA(10)/EMA(30) crosses several
 * times and its last position is closed before the data ends.
 */
final class MarketDataFixtures {
    /** 2024-01-01T00:00:00Z in epoch milliseconds. */
    static final long T0_MS = 1_704_067_200_000L;
    static final long MINUTE_MS = 60_000L;
    static final long DAY_MS = 86_400_000L;

    private MarketDataFixtures() {
    }

    /** One bar: open time (epoch ms) and decimal texts as Binance writes them. */
    record Ohlc(long openMs, String open, String high, String low, String close, String volume) {
    }

    /** {@code count} one-minute bars from {@link #T0_MS}; each opens at the previous close. */
    static List<Ohlc> sineBars(int count) {
        List<Ohlc> bars = new ArrayList<>(count);
        BigDecimal previous = price(0);
        BigDecimal five = new BigDecimal("5");
        for (int i = 0; i < count; i++) {
            BigDecimal close = price(i);
            BigDecimal high = previous.max(close).add(five);
            BigDecimal low = previous.min(close).subtract(five);
            bars.add(new Ohlc(T0_MS + i * MINUTE_MS, previous.toPlainString(), high.toPlainString(), low.toPlainString(),
                    close.toPlainString(), "10.5"));
            previous = close;
        }
        return bars;
    }

    private static BigDecimal price(int i) {
        double p = 30_000 + 1_000 * Math.sin(2 * Math.PI * (i + 76) / 100.0);
        return BigDecimal.valueOf(p).setScale(2, RoundingMode.HALF_UP);
    }

    /** The data.binance.vision kline layout: 12 columns, no header, times in ms. */
    static List<String> klineRows(List<Ohlc> bars) {
        List<String> rows = new ArrayList<>(bars.size());
        for (Ohlc b : bars) {
            rows.add(b.openMs() + "," + b.open() + "," + b.high() + "," + b.low() + "," + b.close() + "," + b.volume() + ","
                    + (b.openMs() + MINUTE_MS - 1) + ",315000.00000000,100,5.25000000,157500.00000000,0");
        }
        return rows;
    }

    /** The project's bar CSV: header {@code time,open,high,low,close,volume,interval}, time = open time in ms. */
    static List<String> projectCsvRows(List<Ohlc> bars) {
        List<String> rows = new ArrayList<>(bars.size() + 1);
        rows.add("time,open,high,low,close,volume,interval");
        for (Ohlc b : bars) {
            rows.add(b.openMs() + "," + b.open() + "," + b.high() + "," + b.low() + "," + b.close() + "," + b.volume() + ",1m");
        }
        return rows;
    }

    /** {@code count} data.binance.vision trades (7 columns, no header), one every 100 ms from {@link #T0_MS}. */
    static List<String> binanceTradeRows(int count) {
        List<String> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BigDecimal price = price(i);
            BigDecimal qty = new BigDecimal("0.01500");
            rows.add((1_000_000L + i) + "," + price.toPlainString() + "," + qty.toPlainString() + ","
                    + price.multiply(qty).toPlainString() + "," + (T0_MS + i * 100L) + "," + (i % 3 == 0 ? "True" : "False") + ",True");
        }
        return rows;
    }

    /** {@code count} data.binance.vision aggTrades (8 columns, no header), one every 100 ms from {@link #T0_MS}. */
    static List<String> binanceAggTradeRows(int count) {
        List<String> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long first = 5_000_000L + 2L * i;
            rows.add((2_000_000L + i) + "," + price(i).toPlainString() + ",0.01500," + first + "," + (first + 1) + ","
                    + (T0_MS + i * 100L) + "," + (i % 2 == 0 ? "true" : "false") + ",true");
        }
        return rows;
    }

    /** Writes the rows, each ended by {@code \n}. */
    static Path write(Path file, List<String> rows) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, text(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes a zip archive holding one file, {@code entryName}, with the rows (the data.binance.vision layout). */
    static Path zip(Path file, String entryName, List<String> rows) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(text(rows));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes the rows gzip-compressed. */
    static Path gzip(Path file, List<String> rows) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static byte[] text(List<String> rows) {
        StringBuilder sb = new StringBuilder();
        for (String r : rows) {
            sb.append(r).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
