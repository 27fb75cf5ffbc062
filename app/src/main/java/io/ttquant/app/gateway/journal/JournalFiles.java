package io.ttquant.app.gateway.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The files of a journal directory and their names: segments {@code <index>.seg} (records, the
 * newest one being appended to), snapshots {@code <index>.snap} (the whole state after segment
 * {@code index}, which replaces every segment up to it) and {@code .tmp} files (a segment or
 * snapshot being created, never read). Indexes are 20-digit zero-padded so names sort in order.
 */
final class JournalFiles {
    static final String SEGMENT = ".seg";
    static final String SNAPSHOT = ".snap";
    static final String TEMPORARY = ".tmp";

    final TreeSet<Long> segments = new TreeSet<>();
    final TreeSet<Long> snapshots = new TreeSet<>();
    final List<Path> temporaries = new ArrayList<>();

    private JournalFiles() {
    }

    static Path segment(Path dir, long index) {
        return dir.resolve(name(index) + SEGMENT);
    }

    static Path snapshot(Path dir, long index) {
        return dir.resolve(name(index) + SNAPSHOT);
    }

    static Path temporary(Path file) {
        return file.resolveSibling(file.getFileName() + TEMPORARY);
    }

    private static String name(long index) {
        String digits = Long.toString(index);
        return "0".repeat(20 - digits.length()) + digits;
    }

    /** What the directory holds; files with other names are ignored. */
    static JournalFiles list(Path dir) throws IOException {
        JournalFiles f = new JournalFiles();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.endsWith(TEMPORARY)) {
                    f.temporaries.add(p);
                } else if (n.endsWith(SEGMENT)) {
                    addIndex(f.segments, n, SEGMENT);
                } else if (n.endsWith(SNAPSHOT)) {
                    addIndex(f.snapshots, n, SNAPSHOT);
                }
            }
        }
        return f;
    }

    private static void addIndex(TreeSet<Long> set, String name, String suffix) {
        String digits = name.substring(0, name.length() - suffix.length());
        if (digits.length() == 20 && digits.chars().allMatch(Character::isDigit)) {
            set.add(Long.parseLong(digits));
        }
    }

    /** The newest snapshot at or below {@code upTo}, or -1. */
    long latestSnapshot(long upTo) {
        Long s = snapshots.floor(upTo);
        return s == null ? -1 : s;
    }

    /**
     * Opens a new temporary file for {@code target} with its header written, positioned after it.
     * The caller writes the body and calls {@link #publish}, so that after a crash {@code target}
     * either exists whole (header and body synced) or not at all.
     */
    static FileChannel createTemporary(Path target, FileHeader header) throws IOException {
        Path tmp = temporary(target);
        Files.deleteIfExists(tmp);
        FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
        try {
            header.write(ch);
            ch.position(FileHeader.SIZE);
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Syncs and closes the temporary's channel, renames it to {@code target} and syncs the directory. */
    static void publish(FileChannel tmpChannel, Path target) throws IOException {
        try (FileChannel ch = tmpChannel) {
            ch.force(true);
        }
        Files.move(temporary(target), target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.getParent());
    }

    /** Makes renames and deletions in {@code dir} durable. */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}
