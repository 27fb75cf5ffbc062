package io.ttquant.app.cli;

import io.ttquant.app.report.MiniJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads what {@code ttquant backtest --out DIR} wrote: summary.json as a map, the CSV files as rows. */
record BacktestOutput(Path dir) {
    /** Summary keys that describe the invocation rather than the result: the data path, the command, timing. */
    static final Set<String> RUN_DETAILS = Set.of("data", "command", "generated_at", "wall_clock_millis");

    Map<String, Object> summary() {
        return MiniJson.object(read("summary.json"));
    }

    /** The summary without {@link #RUN_DETAILS}: equal for equal data and settings, however the data was packed. */
    Map<String, Object> resultSummary() {
        Map<String, Object> m = new LinkedHashMap<>(summary());
        m.keySet().removeAll(RUN_DETAILS);
        return m;
    }

    long summaryLong(String key) {
        return ((BigDecimal) summary().get(key)).longValueExact();
    }

    BigDecimal summaryDecimal(String key) {
        return (BigDecimal) summary().get(key);
    }

    List<String> header(String csvFile) {
        return Arrays.asList(lines(csvFile).get(0).split(",", -1));
    }

    /** The data rows of a CSV file (header dropped), split on commas; these files hold no quoted fields. */
    List<Map<String, String>> rows(String csvFile) {
        List<String> lines = lines(csvFile);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.indexOf('"') >= 0) {
                throw new IllegalStateException(csvFile + " has a quoted field; this reader cannot split it: " + line);
            }
            String[] fields = line.split(",", -1);
            if (fields.length != header.size()) {
                throw new IllegalStateException(csvFile + ": " + fields.length + " fields, header has " + header.size() + ": " + line);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < fields.length; i++) {
                row.put(header.get(i), fields[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    String read(String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> lines(String file) {
        return read(file).lines().toList();
    }
}
