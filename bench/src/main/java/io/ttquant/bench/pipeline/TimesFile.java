package io.ttquant.bench.pipeline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a benchmark child process hands its timestamps to the benchmark: a file of long arrays, each
 * written as its length then its values. Read once after the child has stopped. It only moves
 * numbers; it never interprets them.
 */
final class TimesFile {
    private TimesFile() {
    }

    /** Writes the first {@code count} values of each array. */
    static void write(Path file, int count, long[]... arrays) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(arrays.length);
            for (long[] a : arrays) {
                out.writeInt(count);
                for (int i = 0; i < count; i++) {
                    out.writeLong(a[i]);
                }
            }
        }
    }

    static long[][] read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            long[][] arrays = new long[in.readInt()][];
            for (int k = 0; k < arrays.length; k++) {
                long[] a = new long[in.readInt()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readLong();
                }
                arrays[k] = a;
            }
            return arrays;
        }
    }
}
