package io.ttquant.app.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * A minimal streaming writer of pretty-printed JSON (two-space indent), keys in the order written.
 * It exists because the app has no JSON library.
 *
 * <p>It never writes an invalid document for valid calls: strings are escaped (quotes, backslash,
 * control characters, lone surrogates), a non-finite double becomes {@code null}, and an exact
 * decimal is checked to be a JSON number. It does not validate nesting: a misplaced call is a bug in
 * the caller and fails with {@link IllegalStateException} where it can be detected.
 */
final class JsonWriter {
    private final Writer out;
    private int depth;
    private boolean first = true;
    private boolean afterName;

    JsonWriter(Writer out) {
        this.out = out;
    }

    JsonWriter beginObject() throws IOException {
        beforeValue();
        out.write('{');
        depth++;
        first = true;
        return this;
    }

    JsonWriter endObject() throws IOException {
        depth--;
        if (!first) {
            newline();
        }
        out.write('}');
        first = false;
        if (depth == 0) {
            out.write('\n');
        }
        return this;
    }

    JsonWriter name(String name) throws IOException {
        if (afterName) {
            throw new IllegalStateException("two names in a row: " + name);
        }
        if (!first) {
            out.write(',');
        }
        newline();
        string(name);
        out.write(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String s) throws IOException {
        beforeValue();
        if (s == null) {
            out.write("null");
        } else {
            string(s);
        }
        return this;
    }

    JsonWriter value(long v) throws IOException {
        beforeValue();
        out.write(Long.toString(v));
        return this;
    }

    /** A double as a JSON number; {@code null} when it is NaN or infinite (JSON has neither). */
    JsonWriter value(double v) throws IOException {
        beforeValue();
        out.write(Double.isFinite(v) ? ValueFormat.jsonNumber(v) : "null");
        return this;
    }

    /** An exact decimal text (e.g. from {@code Fixed.formatCompact}) written as a JSON number. */
    JsonWriter decimal(String plainDecimal) throws IOException {
        if (!plainDecimal.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?")) {
            throw new IllegalArgumentException("not a plain JSON number: " + plainDecimal);
        }
        beforeValue();
        out.write(plainDecimal);
        return this;
    }

    private void beforeValue() throws IOException {
        if (depth > 0 && !afterName) {
            throw new IllegalStateException("a value inside an object needs a name first");
        }
        afterName = false;
        first = false;
    }

    private void newline() throws IOException {
        out.write('\n');
        for (int i = 0; i < depth; i++) {
            out.write("  ");
        }
    }

    private void string(String s) throws IOException {
        out.write('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.write("\\\"");
                case '\\' -> out.write("\\\\");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                case '\t' -> out.write("\\t");
                case '\b' -> out.write("\\b");
                case '\f' -> out.write("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || isLoneSurrogate(s, i)) {
                        out.write(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.write(c);
                    }
                }
            }
        }
        out.write('"');
    }

    /** True when {@code s[i]} is half of a surrogate pair whose other half is missing (it cannot be encoded in UTF-8). */
    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
