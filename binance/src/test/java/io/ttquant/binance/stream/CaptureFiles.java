package io.ttquant.binance.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Finds the shared data set through {@code $TTQUANT_DATA} (skipping the test without it) and reads its captures. */
final class CaptureFiles {
    private CaptureFiles() {
    }

    static Path data() {
        String dir = System.getenv("TTQUANT_DATA");
        assumeTrue(dir != null && !dir.isBlank() && Files.isDirectory(Path.of(dir)),
                "TTQUANT_DATA is not set to the shared data directory; skipping the real Binance capture tests");
        return Path.of(dir);
    }

    static Path capture(String name) {
        return data().resolve("binance/ws-raw/hftbacktest/spot").resolve(name);
    }

    interface LineHandler {
        void accept(long receiveTimeNanos, byte[] json, long lineNo);
    }

    /** Reads {@code <local_ts> <json>} lines; the local time unit is given in nanoseconds. */
    static void forEachLine(Path file, long nanosPerUnit, LineHandler handler) throws IOException {
        assertThat(file).exists();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            String line;
            long lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                int space = line.indexOf(' ');
                long recv = Long.parseLong(line.substring(0, space)) * nanosPerUnit;
                handler.accept(recv, line.substring(space + 1).getBytes(StandardCharsets.UTF_8), lineNo);
            }
        }
    }

    static boolean startsWith(byte[] b, String prefix) {
        if (b.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
