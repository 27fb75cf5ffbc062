package io.ttquant.core.data;

import io.ttquant.core.marketdata.Bar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.ttquant.core.data.Fixtures.MINUTE;
import static io.ttquant.core.data.Fixtures.MS;
import static io.ttquant.core.data.Fixtures.bars;
import static io.ttquant.core.data.Fixtures.open;
import static io.ttquant.core.data.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Compressed inputs, directories, and streaming across buffer boundaries. */
class FileInputsTest {
    @TempDir
    Path tmp;

    @Test
    void shouldReadFirstEntryOfZipLikeThePlainFile() throws IOException {
        Path csv = resource("BTCUSDT-1m-2024-01-01.csv");
        Path zip = tmp.resolve("BTCUSDT-1m-2024-01-01.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("BTCUSDT-1m-2024-01-01.csv"));
            Files.copy(csv, out);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("ignored.csv"));
            out.write("garbage\n".getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
        }

        List<Bar> fromZip = bars(open(zip, FileFormat.BINANCE_KLINE));

        assertThat(fromZip).hasSize(3)
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(bars(open(csv, FileFormat.BINANCE_KLINE)));
    }

    @Test
    void shouldReadGzipLikeThePlainFile() throws IOException {
        Path csv = resource("BTCUSDT-1m-2024-01-01.csv");
        Path gz = tmp.resolve("BTCUSDT-1m-2024-01-01.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(csv, out);
        }

        assertThat(bars(open(gz, FileFormat.BINANCE_KLINE)))
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(bars(open(csv, FileFormat.BINANCE_KLINE)));
    }

    @Test
    void shouldRejectEmptyZip() throws IOException {
        Path zip = tmp.resolve("empty.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setComment("no entries");
        }

        assertThatThrownBy(() -> open(zip, FileFormat.BINANCE_KLINE))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessage("empty.zip:0: zip archive holds no file");
    }

    @Test
    void shouldReadDirectoryFilesInNameOrderAsOneStream() {
        MarketDataSource source = open(resource("daily"), FileFormat.BINANCE_KLINE);
        assertThat(source.description()).isEqualTo("daily/ (2 files)");

        List<Bar> bars = bars(source);

        assertThat(bars).extracting(Bar::openTimeNanos).containsExactly(
                1_704_153_480_000L * MS, 1_704_153_540_000L * MS, 1_704_153_600_000L * MS, 1_704_153_660_000L * MS);
        assertThat(bars).extracting(Bar::intervalNanos).containsOnly(MINUTE);
        assertThat(bars.get(2).open()).isEqualTo(4_241_999L);
    }

    @Test
    void shouldListOnlyDataFilesOfDirectorySorted() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("d"));
        for (String name : new String[] {"b.csv", "a.zip", "c.csv.gz", ".hidden.csv", "x.zip.CHECKSUM", "notes.txt"}) {
            Files.writeString(dir.resolve(name), "");
        }
        Files.createDirectory(dir.resolve("sub.csv"));

        assertThat(MarketDataSources.dataFiles(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("a.zip", "b.csv", "c.csv.gz");
    }

    @Test
    void shouldRefuseMissingPathAndDirectoryWithoutData() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("nothing"));
        Files.writeString(dir.resolve("notes.txt"), "x");

        assertThatThrownBy(() -> open(tmp.resolve("missing.csv"), FileFormat.CSV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no such file or directory");
        assertThatThrownBy(() -> open(dir, FileFormat.CSV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no data files");
    }

    @Test
    void shouldReportFileThatVanishedBeforeItsTurnAsIoError() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("d"));
        Fixtures.write(dir, "a.csv", "1704067200000,42283.58,42298.62,42261.02,42275.36,35.92724,1704067259999,0,1,0,0,0");
        Path second = Fixtures.write(dir, "b.csv", "1704067260000,42283.58,42298.62,42261.02,42275.36,35.92724,1704067319999,0,1,0,0,0");

        try (MarketDataSource source = open(dir, FileFormat.BINANCE_KLINE)) {
            assertThat(source.advance()).isTrue();
            Files.delete(second);

            assertThatThrownBy(source::advance)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("b.csv: cannot read");
        }
    }

    @Test
    void shouldStreamRowsAcrossBufferRefillsWithoutTrailingNewline() throws IOException {
        Path file = tmp.resolve("many.csv");
        int rows = 40_000;
        long start = 1_704_067_200_000L;
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write('\uFEFF');
            for (int i = 0; i < rows; i++) {
                long t = start + i * 60_000L;
                long p = 4_000_000 + i;
                w.write(t + "," + cents(p) + "," + cents(p + 5) + "," + cents(p - 5) + "," + cents(p + 1) + "," + i
                        + ".12345678," + (t + 59_999) + ",0,1,0,0,0" + (i == rows - 1 ? "" : "\r\n"));
            }
        }
        assertThat(Files.size(file)).isGreaterThan(3L << 20);

        long n = 0;
        try (MarketDataSource source = open(file, FileFormat.BINANCE_KLINE)) {
            while (source.advance()) {
                Bar b = (Bar) source.current();
                assertThat(b.openTimeNanos()).isEqualTo((start + n * 60_000L) * MS);
                assertThat(b.open()).isEqualTo(4_000_000 + n);
                assertThat(b.close()).isEqualTo(4_000_001 + n);
                assertThat(b.volume()).isEqualTo(n * 100_000 + 12_346);
                n++;
            }
        }
        assertThat(n).isEqualTo(rows);
    }

    @Test
    void shouldGrowBufferForLineLongerThanIt() throws IOException {
        Path file = tmp.resolve("long.csv");
        String longField = "x".repeat(3 << 20);
        Fixtures.write(tmp, "long.csv",
                "1704067200000,42283.58,42298.62,42261.02,42275.36,35.92724,1704067259999,0,1,0,0,0",
                "1704067260000,42283.58,42298.62,42261.02,42275.36,35.92724,1704067319999,0,1,0,0," + longField,
                "1704067320000,42283.58,42298.62,42261.02,42275.36,35.92724,1704067379999,0,1,0,0,0");

        assertThat(bars(open(file, FileFormat.BINANCE_KLINE))).hasSize(3);
    }

    @Test
    void shouldCountTooManyFieldsAsBadRow() throws IOException {
        Path file = Fixtures.write(tmp, "wide.csv", "1704067200000" + ",1".repeat(40));

        assertThatThrownBy(() -> bars(open(file, FileFormat.BINANCE_KLINE)))
                .hasMessageStartingWith("wide.csv:1: expected 12 columns")
                .hasMessageEndingWith("got 41");
    }

    private static String cents(long p) {
        return p / 100 + "." + String.format("%02d", p % 100) + "000000";
    }
}
