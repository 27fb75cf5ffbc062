package io.ttquant.app.report;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes RFC 4180 CSV rows: comma separated, {@code \n} line ends, a field quoted when it holds a
 * comma, a quote, a CR or an LF, with quotes doubled inside. A {@code null} field is an empty cell.
 *
 * <p>It never buffers more than one field and never changes a field's text other than by quoting.
 */
final class CsvWriter {
    private final Writer out;
    private boolean rowStarted;

    CsvWriter(Writer out) {
        this.out = out;
    }

    /** Writes a whole row (e.g. the header). */
    void row(String... fields) throws IOException {
        for (String f : fields) {
            field(f);
        }
        endRow();
    }

    CsvWriter field(String value) throws IOException {
        if (rowStarted) {
            out.write(',');
        }
        rowStarted = true;
        if (value == null || value.isEmpty()) {
            return this;
        }
        if (needsQuotes(value)) {
            out.write('"');
            for (int i = 0, n = value.length(); i < n; i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    out.write('"');
                }
                out.write(c);
            }
            out.write('"');
        } else {
            out.write(value);
        }
        return this;
    }

    CsvWriter field(long value) throws IOException {
        return field(Long.toString(value));
    }

    void endRow() throws IOException {
        out.write('\n');
        rowStarted = false;
    }

    private static boolean needsQuotes(String v) {
        for (int i = 0, n = v.length(); i < n; i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
