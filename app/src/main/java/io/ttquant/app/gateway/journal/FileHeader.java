package io.ttquant.app.gateway.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * The 32 bytes at the start of every segment and snapshot file: magic, format version, kind,
 * the file's index, and the journal position its first record starts at (so a gap between files
 * is detected), with a CRC32C over them. A file is created under a temporary name and renamed only
 * once its header is synced, so a damaged header is always corruption, never a torn write.
 */
final class FileHeader {
    static final int SIZE = 32;
    static final int MAGIC = 0x4A515454; // "TTQJ" in little-endian byte order
    static final short VERSION = 1;
    static final byte SEGMENT = 1;
    static final byte SNAPSHOT = 2;

    byte kind;
    long index;
    long basePosition;

    private FileHeader() {
    }

    static FileHeader of(byte kind, long index, long basePosition) {
        FileHeader h = new FileHeader();
        h.kind = kind;
        h.index = index;
        h.basePosition = basePosition;
        return h;
    }

    /** Writes the header at offset 0 of the channel. */
    void write(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putShort(VERSION).put(kind).put((byte) 0).putLong(index).putLong(basePosition);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, 24);
        b.putInt((int) crc.getValue()).putInt(0).flip();
        long at = 0;
        while (b.hasRemaining()) {
            at += ch.write(b, at);
        }
    }

    /** Reads and checks a header; returns null with {@code why[0]} set when it is damaged. */
    static FileHeader read(byte[] a, String[] why) {
        ByteBuffer b = ByteBuffer.wrap(a, 0, SIZE).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt();
        short version = b.getShort();
        FileHeader h = new FileHeader();
        h.kind = b.get();
        b.get();
        h.index = b.getLong();
        h.basePosition = b.getLong();
        int stored = b.getInt();
        CRC32C crc = new CRC32C();
        crc.update(a, 0, 24);
        if (magic != MAGIC) {
            why[0] = "not a journal file (bad magic)";
        } else if ((int) crc.getValue() != stored) {
            why[0] = "file header checksum mismatch";
        } else if (version != VERSION) {
            why[0] = "journal format version " + version + " is not " + VERSION;
        } else if (h.kind != SEGMENT && h.kind != SNAPSHOT) {
            why[0] = "unknown file kind " + h.kind;
        } else {
            return h;
        }
        return null;
    }
}
