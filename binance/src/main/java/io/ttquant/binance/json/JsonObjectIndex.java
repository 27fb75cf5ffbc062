package io.ttquant.binance.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Remembers where the values of a fixed set of wanted field names lie in one JSON object, so a
 * decoder can read them in whatever order it needs, whatever order they came in. Build it once
 * with the names (each wanted name gets a slot number, its index in the constructor's list), then
 * {@link #scan} an object and read slots with {@link #decimal}, {@link #longValue}, {@link #type}
 * and friends. Unwanted fields are skipped (and validated); a repeated field keeps its last value.
 *
 * <p>Reusable and single-threaded. Scanning and reading must never allocate and never throw for
 * bad input: a missing field or a value of the wrong kind is reported through {@link #has},
 * {@link #type} and {@link JsonCursor#INVALID}.
 */
public final class JsonObjectIndex {
    private final byte[][] names;
    /** Slot of each one-byte name by its byte, -1 when not wanted. */
    private final int[] singleByteSlot = new int[256];
    private final int[] longerSlots;

    private final int[] seenIn;
    private final JsonToken[] types;
    private final int[] begins;
    private final int[] starts;
    private final int[] ends;
    private final int[] rawEnds;
    private final boolean[] escaped;
    private int scanNumber;
    private byte[] buf = new byte[0];

    /** An index for {@code names} (ASCII field names without escapes); slot i is names[i]. */
    public JsonObjectIndex(String... names) {
        int n = names.length;
        this.names = new byte[n][];
        Arrays.fill(singleByteSlot, -1);
        int longer = 0;
        for (int i = 0; i < n; i++) {
            byte[] b = names[i].getBytes(StandardCharsets.US_ASCII);
            for (int j = 0; j < i; j++) {
                if (Arrays.equals(this.names[j], b)) {
                    throw new IllegalArgumentException("field name listed twice: " + names[i]);
                }
            }
            this.names[i] = b;
            if (b.length == 1) {
                singleByteSlot[b[0] & 0xFF] = i;
            } else {
                longer++;
            }
        }
        longerSlots = new int[longer];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (this.names[i].length != 1) {
                longerSlots[k++] = i;
            }
        }
        seenIn = new int[n];
        types = new JsonToken[n];
        begins = new int[n];
        starts = new int[n];
        ends = new int[n];
        rawEnds = new int[n];
        escaped = new boolean[n];
    }

    /** The slot of {@code name}; throws when it was not listed (a setup error). */
    public int slot(String name) {
        byte[] b = name.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < names.length; i++) {
            if (Arrays.equals(names[i], b)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not an indexed field: " + name);
    }

    /**
     * Walks the object whose {@link JsonToken#START_OBJECT} the cursor stands on, through its
     * {@link JsonToken#END_OBJECT}, remembering every wanted field. Returns false when the JSON is
     * invalid (see {@link JsonCursor#error()}) or the cursor does not stand on an object.
     */
    public boolean scan(JsonCursor cursor) {
        return scan(cursor, -1, null);
    }

    /**
     * Like {@link #scan(JsonCursor)}, but when the field in {@code nestedSlot} holds an object, that
     * object is scanned into {@code nested} in the same pass instead of being skipped (an envelope
     * and its payload read in one walk). {@code nested} is only meaningful when
     * {@code type(nestedSlot)} is {@link JsonToken#START_OBJECT}; with a repeated field it holds the
     * last one.
     */
    public boolean scan(JsonCursor cursor, int nestedSlot, JsonObjectIndex nested) {
        if (cursor.token() != JsonToken.START_OBJECT) {
            return false;
        }
        if (++scanNumber == Integer.MAX_VALUE) {
            Arrays.fill(seenIn, 0);
            scanNumber = 1;
        }
        buf = cursor.buffer();
        while (true) {
            JsonToken t = cursor.next();
            if (t == JsonToken.END_OBJECT) {
                return true;
            }
            if (t != JsonToken.FIELD_NAME) {
                return false;
            }
            int slot = slotOf(cursor);
            JsonToken value = cursor.next();
            if (value == JsonToken.ERROR) {
                return false;
            }
            if (slot >= 0) {
                seenIn[slot] = scanNumber;
                types[slot] = value;
                begins[slot] = cursor.tokenBegin();
                starts[slot] = cursor.tokenStart();
                ends[slot] = cursor.tokenEnd();
                escaped[slot] = cursor.tokenEscaped();
            }
            if (value == JsonToken.START_OBJECT && slot == nestedSlot && nested != null) {
                if (!nested.scan(cursor)) {
                    return false;
                }
            } else if ((value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) && !cursor.skipValue()) {
                return false;
            }
            if (slot >= 0) {
                rawEnds[slot] = cursor.position();
            }
        }
    }

    /** True when the last scanned object had the field. */
    public boolean has(int slot) {
        return seenIn[slot] == scanNumber;
    }

    /** The first token of the field's value, or null when the field was absent. */
    public JsonToken type(int slot) {
        return has(slot) ? types[slot] : null;
    }

    /** The field's value as a raw decimal at {@code scale}, {@link JsonCursor#INVALID} when absent or not exact. */
    public long decimal(int slot, int scale) {
        if (!has(slot) || escaped[slot]) {
            return JsonCursor.INVALID;
        }
        JsonToken t = types[slot];
        if (t != JsonToken.NUMBER && t != JsonToken.STRING) {
            return JsonCursor.INVALID;
        }
        return JsonCursor.parseDecimal(buf, starts[slot], ends[slot], scale);
    }

    /** The field's value as an exact long, {@link JsonCursor#INVALID} when absent or not an integer. */
    public long longValue(int slot) {
        return decimal(slot, 0);
    }

    /** True when the field is a string (without escapes) equal to {@code ascii}. */
    public boolean stringEquals(int slot, byte[] ascii) {
        return has(slot) && types[slot] == JsonToken.STRING && !escaped[slot]
                && JsonCursor.regionEquals(buf, starts[slot], ends[slot], ascii);
    }

    /** Content start of the field's value: after a string's opening quote, else its first byte. */
    public int start(int slot) {
        return starts[slot];
    }

    /** Content end of a scalar value (before a string's closing quote). */
    public int end(int slot) {
        return ends[slot];
    }

    /** True when the field is a string containing escapes. */
    public boolean escaped(int slot) {
        return escaped[slot];
    }

    /** First byte of the whole value (a string's quote, an object's brace). */
    public int rawBegin(int slot) {
        return begins[slot];
    }

    /** Offset just after the whole value (after a container's closing bracket). */
    public int rawEnd(int slot) {
        return rawEnds[slot];
    }

    /** Points {@code cursor} at the field's value alone and moves it to the value's first token. */
    public JsonToken open(int slot, JsonCursor cursor) {
        if (!has(slot)) {
            return null;
        }
        cursor.reset(buf, begins[slot], rawEnds[slot] - begins[slot]);
        return cursor.next();
    }

    /** The buffer of the last scanned object. */
    public byte[] buffer() {
        return buf;
    }

    private int slotOf(JsonCursor cursor) {
        if (cursor.tokenEscaped()) {
            return -1;
        }
        int len = cursor.tokenLength();
        if (len == 1) {
            return singleByteSlot[cursor.buffer()[cursor.tokenStart()] & 0xFF];
        }
        for (int slot : longerSlots) {
            if (names[slot].length == len && cursor.tokenEquals(names[slot])) {
                return slot;
            }
        }
        return -1;
    }
}
