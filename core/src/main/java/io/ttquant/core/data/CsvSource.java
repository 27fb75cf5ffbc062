package io.ttquant.core.data;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The common part of the CSV-based readers: opens the files one after the other (plain, {@code .gz},
 * or the first entry of a {@code .zip}), detects a header on each file's first line, applies the
 * bad-row policy, and offers allocation-free field parsers that turn a bad value into a
 * {@link BadRowException} with a readable reason.
 *
 * <p>Subclasses parse one row at a time in {@link #parseRow()}. Nothing here may load a whole file,
 * allocate per good row, or let a bad row become an event.
 */
abstract class CsvSource implements MarketDataSource {
    private static final int STREAM_BUFFER = 1 << 16;
    private static final long MS_LIMIT = 100_000_000_000_000L;         // 1e14: larger is µs
    private static final long US_LIMIT = 100_000_000_000_000_000L;     // 1e17: larger is ns

    protected final Instrument instrument;
    protected final CsvLineReader line = new CsvLineReader();
    protected final CharSequence chars = line.chars();
    protected final int priceScale;
    protected final int qtyScale;
    protected final long tickSize;

    private final List<Path> files;
    private final String description;
    private final BadRowPolicy policy;
    private final SkippedRowListener listener;
    private int fileIndex = -1;
    private String fileName = "";
    private InputStream in;
    private boolean firstLineOfFile;
    private boolean closed;
    private boolean exhausted;
    private long skipped;

    protected CsvSource(List<Path> files, String description, Instrument instrument, ReaderOptions options) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no data files for " + description);
        }
        this.files = List.copyOf(files);
        this.description = description;
        this.instrument = instrument;
        this.priceScale = instrument.priceScale();
        this.qtyScale = instrument.qtyScale();
        this.tickSize = instrument.tickSize();
        this.policy = options.badRowPolicy();
        this.listener = options.skippedRowListener();
        openNextFile();
    }

    @Override
    public final boolean advance() {
        if (closed || exhausted) {
            return false;
        }
        try {
            for (;;) {
                if (pollQueued()) {
                    return true;
                }
                if (!line.next()) {
                    if (!openNextFile()) {
                        exhausted = true;
                        endOfData();
                        return false;
                    }
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                if (firstLineOfFile) {
                    firstLineOfFile = false;
                    if (!line.fieldIsNumeric(0)) {
                        onHeader();
                        continue;
                    }
                    onNoHeader();
                }
                try {
                    if (parseRow()) {
                        return true;
                    }
                } catch (BadRowException e) {
                    badRow(e.getMessage());
                }
            }
        } catch (IOException e) {
            throw readFailure(e);
        } catch (CsvLineReader.LineTooLongException e) {
            throw new MarketDataFormatException(fileName, line.lineNumber() + 1, e.getMessage() + "; is this a CSV file?");
        }
    }

    /** Parses the current row; true when it produced an event, false when it was consumed without one. */
    protected abstract boolean parseRow();

    /** Called with the first line of a file when it is a header; the default ignores it. */
    protected void onHeader() {
    }

    /** Called before the first row of a file that has no header; the default accepts that. */
    protected void onNoHeader() {
    }

    /** Emits an event held back from an earlier row, if any; true when one was emitted. */
    protected boolean pollQueued() {
        return false;
    }

    /** Called once when all files are read; may throw if a held-back row can never be emitted. */
    protected void endOfData() {
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final long skippedRows() {
        return skipped;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            closeStream();
        }
    }

    /** Name of the file being read, for messages. */
    protected final String fileName() {
        return fileName;
    }

    /** A fatal error at the current line, whatever the bad-row policy. */
    protected final MarketDataFormatException fatal(String reason) {
        return new MarketDataFormatException(fileName, line.lineNumber(), reason);
    }

    private void badRow(String reason) {
        if (policy == BadRowPolicy.FAIL) {
            throw new MarketDataFormatException(fileName, line.lineNumber(), reason);
        }
        skipped++;
        if (listener != null) {
            listener.onSkippedRow(fileName, line.lineNumber(), reason);
        }
    }

    private boolean openNextFile() {
        closeStream();
        if (fileIndex + 1 >= files.size()) {
            return false;
        }
        fileIndex++;
        Path path = files.get(fileIndex);
        fileName = String.valueOf(path.getFileName());
        firstLineOfFile = true;
        try {
            in = open(path);
            line.reset(in);
        } catch (IOException e) {
            closeStream();
            throw readFailure(e);
        }
        return true;
    }

    private InputStream open(Path path) throws IOException {
        String lower = fileName.toLowerCase(Locale.ROOT);
        InputStream raw = Files.newInputStream(path);
        try {
            if (lower.endsWith(".gz")) {
                return new GZIPInputStream(raw, STREAM_BUFFER);
            }
            if (lower.endsWith(".zip")) {
                // ZipInputStream reads its source 512 bytes at a time: give it a buffer.
                ZipInputStream zip = new ZipInputStream(new BufferedInputStream(raw, STREAM_BUFFER));
                ZipEntry entry = zip.getNextEntry();
                while (entry != null && entry.isDirectory()) {
                    entry = zip.getNextEntry();
                }
                if (entry == null) {
                    zip.close();
                    throw new MarketDataFormatException(fileName, 0, "zip archive holds no file");
                }
                return zip;
            }
            return raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private RuntimeException readFailure(IOException e) {
        if (e instanceof ZipException || e instanceof EOFException) {
            return new MarketDataFormatException(fileName, line.lineNumber(),
                    "corrupt or truncated compressed data (" + e.getMessage() + ")", e);
        }
        return new UncheckedIOException(fileName + ": cannot read: " + e.getMessage(), e);
    }

    private void closeStream() {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // Closing a read-only stream: nothing is lost.
            } finally {
                in = null;
            }
        }
    }

    // ---- field parsers: allocation-free on good values, BadRowException with a reason otherwise ----

    protected static BadRowException bad(String reason) {
        return new BadRowException(reason);
    }

    protected final void expectColumns(int expected) {
        if (line.fieldCount() != expected) {
            throw bad("expected " + expected + " columns, got " + line.fieldCount());
        }
    }

    /** A price exactly at the instrument's price scale and on its tick grid; positive. */
    protected final long price(int field, String column) {
        int s = line.start(field);
        int e = line.end(field);
        long v;
        try {
            v = Fixed.parse(chars, s, e, priceScale, false);
        } catch (NumberFormatException ex) {
            throw bad(priceReason(column, s, e, ex));
        }
        if (v <= 0) {
            throw bad(column + " must be positive: '" + line.text(s, e) + "'");
        }
        if (tickSize != 1 && v % tickSize != 0) {
            throw bad(column + " " + line.text(s, e) + " is not a multiple of the tick size "
                    + instrument.formatPrice(tickSize) + "; set the instrument's tick size (--tick-size)");
        }
        return v;
    }

    private String priceReason(String column, int s, int e, NumberFormatException ex) {
        String text = line.text(s, e);
        if (!hasMoreDecimalsThan(text, priceScale)) {
            return column + ": " + ex.getMessage();
        }
        return column + " " + text + " has more decimals than the tick size " + instrument.formatPrice(tickSize)
                + " of " + instrument.symbol() + " allows; set the instrument's tick size (--tick-size)";
    }

    /** True when {@code text} is a plain decimal number with a non-zero digit beyond {@code scale} decimals. */
    static boolean hasMoreDecimalsThan(String text, int scale) {
        int dot = -1;
        int lastNonZero = -1;
        boolean digits = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' && dot < 0) {
                dot = i;
            } else if (c >= '0' && c <= '9') {
                digits = true;
                if (c != '0') {
                    lastNonZero = i;
                }
            } else if (!(i == 0 && (c == '-' || c == '+'))) {
                return false;
            }
        }
        return digits && dot >= 0 && lastNonZero - dot > scale;
    }

    /** A quantity rounded half-up to the instrument's quantity scale; never negative. */
    protected final long qty(int field, String column) {
        int s = line.start(field);
        int e = line.end(field);
        long v;
        try {
            v = Fixed.parse(chars, s, e, qtyScale, true);
        } catch (NumberFormatException | ArithmeticException ex) {
            throw bad(column + ": " + ex.getMessage());
        }
        if (v < 0) {
            throw bad(column + " must not be negative: '" + line.text(s, e) + "'");
        }
        return v;
    }

    /** A plain integer (optional minus sign), e.g. an id or a timestamp. */
    protected final long integer(int field, String column) {
        byte[] b = line.bytes();
        int s = line.start(field);
        int e = line.end(field);
        while (s < e && b[s] == ' ') {
            s++;
        }
        while (e > s && b[e - 1] == ' ') {
            e--;
        }
        boolean negative = s < e && b[s] == '-';
        int i = negative ? s + 1 : s;
        if (i >= e) {
            throw bad(column + ": expected an integer, got '" + line.text(s, e) + "'");
        }
        long v = 0;
        if (e - i <= 18) {
            // 18 digits always fit a long: no overflow checks.
            for (; i < e; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    throw bad(column + ": expected an integer, got '" + line.text(s, e) + "'");
                }
                v = v * 10 + d;
            }
        } else {
            for (; i < e; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    throw bad(column + ": expected an integer, got '" + line.text(s, e) + "'");
                }
                try {
                    v = Math.addExact(Math.multiplyExact(v, 10L), d);
                } catch (ArithmeticException ex) {
                    throw bad(column + ": integer too large: '" + line.text(s, e) + "'");
                }
            }
        }
        return negative ? -v : v;
    }

    /**
     * Nanoseconds per unit of an epoch timestamp, told by its magnitude: below 1e14 milliseconds
     * (Binance before 2025), below 1e17 microseconds (data.binance.vision spot from 2025), else
     * nanoseconds. Each range covers 1973 to beyond 2200, so the guess cannot go wrong for real data.
     */
    protected static long timeUnitNanos(long raw) {
        return raw < MS_LIMIT ? 1_000_000L : raw < US_LIMIT ? 1_000L : 1L;
    }

    /** An epoch timestamp in ms, µs or ns (see {@link #timeUnitNanos}) converted to nanoseconds. */
    protected final long timeNanos(int field, String column) {
        long raw = integer(field, column);
        return toNanos(raw, column);
    }

    protected static long toNanos(long raw, String column) {
        if (raw < 0) {
            throw bad(column + " is negative: " + raw);
        }
        try {
            return Math.multiplyExact(raw, timeUnitNanos(raw));
        } catch (ArithmeticException e) {
            throw bad(column + " is out of range: " + raw);
        }
    }

    /** {@code true}/{@code false} in any case ({@code True}/{@code False} in classic Binance files). */
    protected final boolean bool(int field, String column) {
        if (line.fieldEqualsIgnoreCase(field, "true")) {
            return true;
        }
        if (line.fieldEqualsIgnoreCase(field, "false")) {
            return false;
        }
        throw bad(column + ": expected True or False, got '" + line.text(field) + "'");
    }

    /** An instant for messages. */
    protected static String instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)).toString();
    }
}
