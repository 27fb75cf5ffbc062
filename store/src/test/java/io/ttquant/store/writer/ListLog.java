package io.ttquant.store.writer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the recorder's log lines for assertions. */
final class ListLog implements RecorderLog {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    long count(String fragment) {
        return lines.stream().filter(l -> l.contains(fragment)).count();
    }
}
