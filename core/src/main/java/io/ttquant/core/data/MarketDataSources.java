package io.ttquant.core.data;

import io.ttquant.core.instrument.Instrument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Opens market-data files as {@link MarketDataSource}s. A file may be plain {@code .csv}, gzip
 * ({@code .gz}) or a {@code .zip} whose first entry is read (the data.binance.vision layout), with
 * or without a header row. A directory stands for all its data files ({@code *.csv}, {@code *.gz},
 * {@code *.zip}; hidden files and others such as {@code *.CHECKSUM} are ignored), read in name
 * order as one stream, which suits Binance's daily and monthly files.
 *
 * <p>The readers stream through a fixed buffer: they never load a file whole, and a row is parsed
 * in place without allocating. This class only picks the reader; it must never read data itself.
 */
public final class MarketDataSources {
    private MarketDataSources() {
    }

    /** Opens {@code fileOrDir} with the default options (FAIL on bad rows). */
    public static MarketDataSource open(Path fileOrDir, FileFormat format, Instrument instrument) {
        return open(fileOrDir, format, instrument, ReaderOptions.defaults());
    }

    /**
     * Opens {@code fileOrDir} (a file, or a directory of files read in name order) in {@code format}
     * for {@code instrument}. The first file is opened at once, so a missing or unreadable file
     * fails here.
     *
     * @throws IllegalArgumentException when the path does not exist or a directory holds no data file
     * @throws java.io.UncheckedIOException when a file cannot be opened
     * @throws MarketDataFormatException when a zip archive is empty
     */
    public static MarketDataSource open(Path fileOrDir, FileFormat format, Instrument instrument, ReaderOptions options) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(options, "options");
        List<Path> files = dataFiles(fileOrDir);
        String description = Files.isDirectory(fileOrDir)
                ? fileOrDir.getFileName() + "/ (" + files.size() + (files.size() == 1 ? " file)" : " files)")
                : String.valueOf(fileOrDir.getFileName());
        switch (format) {
            case BINANCE_KLINE:
                return new BinanceKlineSource(files, description, instrument, options);
            case BINANCE_TRADES:
                return new BinanceTradeSource(files, description, instrument, options, false);
            case BINANCE_AGGTRADES:
                return new BinanceTradeSource(files, description, instrument, options, true);
            case CSV:
                return new ProjectCsvSource(files, description, instrument, options);
            default:
                throw new IllegalArgumentException("unsupported format " + format);
        }
    }

    /** The files {@code fileOrDir} stands for: itself, or a directory's data files sorted by name. */
    public static List<Path> dataFiles(Path fileOrDir) {
        Objects.requireNonNull(fileOrDir, "fileOrDir");
        if (!Files.exists(fileOrDir)) {
            throw new IllegalArgumentException("no such file or directory: " + fileOrDir);
        }
        if (!Files.isDirectory(fileOrDir)) {
            return List.of(fileOrDir);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(fileOrDir)) {
            for (Path p : dir) {
                if (isDataFile(p)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + fileOrDir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no data files (*.csv, *.gz, *.zip) in directory " + fileOrDir);
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return files;
    }

    private static boolean isDataFile(Path p) {
        String name = String.valueOf(p.getFileName());
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && Files.isRegularFile(p)
                && (lower.endsWith(".csv") || lower.endsWith(".gz") || lower.endsWith(".zip"));
    }
}
