package io.ttquant.app.parity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a generated recording in the 6-column Binance kline layout
 * ({@code open_time_ms,open,high,low,close,volume}, as the klines exported from freqtrade are): a
 * price wave with a drift and a faster wiggle, so that moving averages of a few bars cross many
 * times both ways. Deterministic: the same arguments write the same bytes.
 */
final class KlineRecording {
    private KlineRecording() {
    }

    /** Writes {@code bars} bars of {@code intervalMillis} from {@code firstOpenMillis} to {@code file}; returns the file. */
    static Path write(Path file, int bars, long firstOpenMillis, long intervalMillis) throws IOException {
        List<String> lines = new ArrayList<>(bars + 1);
        lines.add("open_time_ms,open,high,low,close,volume");
        double previous = 30_000;
        for (int i = 0; i < bars; i++) {
            double close = 30_000 + 1_500 * Math.sin(i / 11.0) + 400 * Math.sin(i / 2.7) + i * 2;
            double high = Math.max(previous, close) + 5;
            double low = Math.min(previous, close) - 5;
            lines.add(String.format(Locale.ROOT, "%d,%.2f,%.2f,%.2f,%.2f,%.5f", firstOpenMillis + i * intervalMillis, previous, high,
                    low, close, 20 + (i % 7) * 1.25));
            previous = Double.parseDouble(String.format(Locale.ROOT, "%.2f", close));
        }
        return Files.write(file, lines);
    }
}
