package io.ttquant.binance.json;

/**
 * A pull parser over a slice of a {@code byte[]} holding one UTF-8 JSON document. Each
 * {@link #next()} moves to the next token and exposes its byte range; strings are not decoded,
 * so field names and values are compared against pre-encoded {@code byte[]} constants in place.
 * Numbers and quoted decimals are read as scaled fixed-point longs.
 *
 * <p>The whole document is validated as it is walked (structure, string escapes, number grammar,
 * literals, nothing after the root value). Invalid text yields {@link JsonToken#ERROR} with a
 * {@link JsonError} reason; the error is sticky, so a loop that stops on {@code ERROR} or
 * {@link JsonToken#END} always terminates: every other call consumes at least one byte. UTF-8
 * inside strings is passed through unchecked.
 *
 * <p>Reusable and single-threaded. It must never allocate after construction and never throw
 * for bad input; only misuse (a slice outside the array) throws.
 */
public final class JsonCursor {
    /** Deepest nesting of objects and arrays accepted. */
    public static final int MAX_DEPTH = 64;
    /** Returned by the number readers for anything that is not an exact number at the asked scale. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final int EXPECT_VALUE = 0;
    private static final int EXPECT_VALUE_OR_END_ARRAY = 1;
    private static final int EXPECT_NAME_OR_END_OBJECT = 2;
    private static final int EXPECT_NAME = 3;
    private static final int EXPECT_COMMA_OR_END = 4;
    private static final int EXPECT_NOTHING = 5;

    private static final long[] POW10 = new long[19];

    static {
        long p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private byte[] buf = new byte[0];
    private int pos;
    private int end;
    private int state = EXPECT_VALUE;
    private int depth;
    /** Bit {@code d - 1} is set when the container at depth {@code d} is an object. */
    private long objectBits;
    private JsonToken token = JsonToken.END;
    private int tokenBegin;
    private int tokenStart;
    private int tokenEnd;
    private boolean tokenEscaped;
    private JsonError error = JsonError.NONE;
    private int errorOffset = -1;

    /** Starts over on {@code buf[off, off + len)}; the cursor stands before the root value. */
    public JsonCursor reset(byte[] buf, int off, int len) {
        if (off < 0 || len < 0 || off > buf.length - len) {
            throw new IndexOutOfBoundsException("slice " + off + "+" + len + " outside " + buf.length);
        }
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
        this.state = EXPECT_VALUE;
        this.depth = 0;
        this.objectBits = 0;
        this.token = null;
        this.tokenBegin = off;
        this.tokenStart = off;
        this.tokenEnd = off;
        this.tokenEscaped = false;
        this.error = JsonError.NONE;
        this.errorOffset = -1;
        return this;
    }

    /** Moves to the next token and returns it. */
    public JsonToken next() {
        if (token == JsonToken.ERROR) {
            return JsonToken.ERROR;
        }
        skipWhitespace();
        if (state == EXPECT_COMMA_OR_END) {
            if (pos >= end) {
                return fail(JsonError.TRUNCATED, pos);
            }
            byte b = buf[pos];
            boolean inObject = inObject();
            if (b == ',') {
                pos++;
                skipWhitespace();
                state = inObject ? EXPECT_NAME : EXPECT_VALUE;
            } else if (b == (inObject ? '}' : ']')) {
                return closeContainer(inObject);
            } else {
                return fail(JsonError.UNEXPECTED_BYTE, pos);
            }
        }
        switch (state) {
            case EXPECT_NOTHING:
                if (pos < end) {
                    return fail(JsonError.TRAILING_DATA, pos);
                }
                tokenBegin = tokenStart = tokenEnd = pos;
                return token = JsonToken.END;
            case EXPECT_NAME_OR_END_OBJECT:
                if (pos < end && buf[pos] == '}') {
                    return closeContainer(true);
                }
                return readName();
            case EXPECT_NAME:
                return readName();
            case EXPECT_VALUE_OR_END_ARRAY:
                if (pos < end && buf[pos] == ']') {
                    return closeContainer(false);
                }
                return readValue();
            default:
                return readValue();
        }
    }

    /**
     * Skips the value the cursor stands on: for {@link JsonToken#START_OBJECT} or
     * {@link JsonToken#START_ARRAY} it moves to the matching end token; for a field name it moves
     * past that field's value; a scalar is already complete. Returns false on invalid JSON (or when
     * there is no value to skip).
     */
    public boolean skipValue() {
        JsonToken t = token;
        if (t == JsonToken.FIELD_NAME) {
            t = next();
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            int target = depth - 1;
            while (depth > target) {
                if (next() == JsonToken.ERROR) {
                    return false;
                }
            }
            return true;
        }
        return t != null && t != JsonToken.ERROR && t != JsonToken.END
                && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY;
    }

    /** The current token; null after a reset, before the first {@link #next()}. */
    public JsonToken token() {
        return token;
    }

    public byte[] buffer() {
        return buf;
    }

    /** Offset of the token's first byte, including a string's opening quote. */
    public int tokenBegin() {
        return tokenBegin;
    }

    /** Offset of the token's content: a string's first byte after the quote, else its first byte. */
    public int tokenStart() {
        return tokenStart;
    }

    /** Offset just after the token's content (before a string's closing quote). */
    public int tokenEnd() {
        return tokenEnd;
    }

    public int tokenLength() {
        return tokenEnd - tokenStart;
    }

    /** True when the current string or field name contains a backslash escape. */
    public boolean tokenEscaped() {
        return tokenEscaped;
    }

    /** Offset just after the current token (after a string's closing quote). */
    public int position() {
        return pos;
    }

    /** Number of objects and arrays open around the cursor. */
    public int depth() {
        return depth;
    }

    public JsonError error() {
        return error;
    }

    /** Offset where the error was found, -1 when there is none. */
    public int errorOffset() {
        return errorOffset;
    }

    /**
     * True when the current field name or string is exactly {@code ascii} (compared byte by byte,
     * without decoding). A token with escapes never matches.
     */
    public boolean tokenEquals(byte[] ascii) {
        if ((token != JsonToken.FIELD_NAME && token != JsonToken.STRING) || tokenEscaped) {
            return false;
        }
        return regionEquals(buf, tokenStart, tokenEnd, ascii);
    }

    /**
     * The current number or quoted decimal as a raw value at {@code scale}, or {@link #INVALID}
     * when it is not a number, has a non-zero digit beyond the scale, or does not fit a long.
     */
    public long decimalValue(int scale) {
        if (token != JsonToken.NUMBER && (token != JsonToken.STRING || tokenEscaped)) {
            return INVALID;
        }
        return parseDecimal(buf, tokenStart, tokenEnd, scale);
    }

    /** The current number (or quoted number) as an exact long, or {@link #INVALID}. */
    public long longValue() {
        return decimalValue(0);
    }

    /** True when {@code bytes[from, to)} equals {@code ascii}. */
    public static boolean regionEquals(byte[] bytes, int from, int to, byte[] ascii) {
        int n = ascii.length;
        if (to - from != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (bytes[from + i] != ascii[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses {@code bytes[from, to)} as a JSON number (optional minus, integer part without leading
     * zeros, optional fraction, optional exponent) and returns it scaled by {@code 10^scale}.
     * Zeros beyond the scale are accepted ({@code "61837.63000000"} at scale 2 is 6183763); any
     * non-zero digit beyond it, an overflow, a scale outside [0, 18] or a grammar error returns
     * {@link #INVALID}. Never rounds, never allocates.
     */
    public static long parseDecimal(byte[] bytes, int from, int to, int scale) {
        if (scale < 0 || scale > 18 || from >= to) {
            return INVALID;
        }
        int i = from;
        boolean negative = bytes[i] == '-';
        if (negative) {
            i++;
        }
        int intStart = i;
        while (i < to && isDigit(bytes[i])) {
            i++;
        }
        int intEnd = i;
        if (intEnd == intStart || (bytes[intStart] == '0' && intEnd - intStart > 1)) {
            return INVALID;
        }
        int fracStart = i;
        int fracEnd = i;
        if (i < to && bytes[i] == '.') {
            fracStart = ++i;
            while (i < to && isDigit(bytes[i])) {
                i++;
            }
            fracEnd = i;
            if (fracEnd == fracStart) {
                return INVALID;
            }
        }
        long exponent = 0;
        if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (bytes[i] == '+' || bytes[i] == '-')) {
                negativeExponent = bytes[i] == '-';
                i++;
            }
            int expStart = i;
            while (i < to && isDigit(bytes[i])) {
                // Clamped: any larger exponent overflows or underflows every representable value alike.
                if (exponent < 1_000_000_000L) {
                    exponent = exponent * 10 + (bytes[i] - '0');
                }
                i++;
            }
            if (i == expStart) {
                return INVALID;
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (i != to) {
            return INVALID;
        }
        // A digit's place counted in units of 10^-scale: the first integer digit sits at
        // intDigits - 1 + exponent + scale, each following digit one place lower. Digits at a
        // negative place lie beyond the scale and must be zero.
        long place = (intEnd - intStart) - 1 + exponent + scale;
        long value = 0;
        int accumulated = 0;
        for (int j = intStart; j < fracEnd; j++) {
            if (j == intEnd) {
                j = fracStart;
                if (j >= fracEnd) {
                    break;
                }
            }
            int d = bytes[j] - '0';
            if (place >= 0) {
                // Up to 18 digits always fit a long; only longer runs need the check.
                if (++accumulated > 18 && value > (Long.MAX_VALUE - d) / 10) {
                    return INVALID;
                }
                value = value * 10 + d;
            } else if (d != 0) {
                return INVALID;
            }
            place--;
        }
        long shift = place + 1;
        if (shift > 0 && value != 0) {
            if (shift > 18 || value > Long.MAX_VALUE / POW10[(int) shift]) {
                return INVALID;
            }
            value *= POW10[(int) shift];
        }
        return negative ? -value : value;
    }

    private JsonToken readName() {
        if (pos >= end) {
            return fail(JsonError.TRUNCATED, pos);
        }
        if (buf[pos] != '"') {
            return fail(JsonError.UNEXPECTED_BYTE, pos);
        }
        if (!scanString()) {
            return JsonToken.ERROR;
        }
        skipWhitespace();
        if (pos >= end) {
            return fail(JsonError.TRUNCATED, pos);
        }
        if (buf[pos] != ':') {
            return fail(JsonError.UNEXPECTED_BYTE, pos);
        }
        pos++;
        state = EXPECT_VALUE;
        return token = JsonToken.FIELD_NAME;
    }

    private JsonToken readValue() {
        if (pos >= end) {
            return fail(JsonError.TRUNCATED, pos);
        }
        byte b = buf[pos];
        switch (b) {
            case '{':
                return openContainer(true);
            case '[':
                return openContainer(false);
            case '"':
                if (!scanString()) {
                    return JsonToken.ERROR;
                }
                return afterScalar(JsonToken.STRING);
            case 't':
                return readLiteral(TRUE_BYTES, JsonToken.TRUE);
            case 'f':
                return readLiteral(FALSE_BYTES, JsonToken.FALSE);
            case 'n':
                return readLiteral(NULL_BYTES, JsonToken.NULL);
            default:
                if (b == '-' || isDigit(b)) {
                    return readNumber();
                }
                return fail(JsonError.UNEXPECTED_BYTE, pos);
        }
    }

    private static final byte[] TRUE_BYTES = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE_BYTES = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL_BYTES = {'n', 'u', 'l', 'l'};

    private JsonToken readLiteral(byte[] literal, JsonToken kind) {
        int start = pos;
        for (int i = 0; i < literal.length; i++) {
            if (start + i >= end) {
                return fail(JsonError.TRUNCATED, start + i);
            }
            if (buf[start + i] != literal[i]) {
                return fail(JsonError.BAD_LITERAL, start + i);
            }
        }
        tokenBegin = tokenStart = start;
        tokenEnd = pos = start + literal.length;
        tokenEscaped = false;
        return afterScalar(kind);
    }

    private JsonToken readNumber() {
        int start = pos;
        int i = pos;
        if (buf[i] == '-') {
            i++;
        }
        if (i >= end) {
            return fail(JsonError.TRUNCATED, i);
        }
        if (buf[i] == '0') {
            i++;
            if (i < end && isDigit(buf[i])) {
                return fail(JsonError.BAD_NUMBER, i);
            }
        } else if (isDigit(buf[i])) {
            while (i < end && isDigit(buf[i])) {
                i++;
            }
        } else {
            return fail(JsonError.BAD_NUMBER, i);
        }
        if (i < end && buf[i] == '.') {
            i++;
            int digits = i;
            while (i < end && isDigit(buf[i])) {
                i++;
            }
            if (i == digits) {
                return fail(i >= end ? JsonError.TRUNCATED : JsonError.BAD_NUMBER, i);
            }
        }
        if (i < end && (buf[i] == 'e' || buf[i] == 'E')) {
            i++;
            if (i < end && (buf[i] == '+' || buf[i] == '-')) {
                i++;
            }
            int digits = i;
            while (i < end && isDigit(buf[i])) {
                i++;
            }
            if (i == digits) {
                return fail(i >= end ? JsonError.TRUNCATED : JsonError.BAD_NUMBER, i);
            }
        }
        tokenBegin = tokenStart = start;
        tokenEnd = pos = i;
        tokenEscaped = false;
        return afterScalar(JsonToken.NUMBER);
    }

    /** Scans the string whose opening quote is at {@code pos}; on success pos is after the closing quote. */
    private boolean scanString() {
        int begin = pos;
        int i = pos + 1;
        boolean escaped = false;
        while (true) {
            // Plain bytes are the common case: run over them in a tight loop.
            while (i < end) {
                byte c = buf[i];
                if (c == '"' || c == '\\' || (c >= 0 && c < 0x20)) {
                    break;
                }
                i++;
            }
            if (i >= end) {
                fail(JsonError.TRUNCATED, i);
                return false;
            }
            byte b = buf[i];
            if (b == '"') {
                break;
            }
            if (b == '\\') {
                escaped = true;
                if (++i >= end) {
                    fail(JsonError.TRUNCATED, i);
                    return false;
                }
                byte e = buf[i];
                if (e == 'u') {
                    for (int k = 1; k <= 4; k++) {
                        if (i + k >= end) {
                            fail(JsonError.TRUNCATED, i + k);
                            return false;
                        }
                        if (!isHex(buf[i + k])) {
                            fail(JsonError.BAD_STRING, i + k);
                            return false;
                        }
                    }
                    i += 5;
                } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                    i++;
                } else {
                    fail(JsonError.BAD_STRING, i);
                    return false;
                }
            } else {
                // A raw control character: JSON requires it escaped.
                fail(JsonError.BAD_STRING, i);
                return false;
            }
        }
        tokenBegin = begin;
        tokenStart = begin + 1;
        tokenEnd = i;
        tokenEscaped = escaped;
        pos = i + 1;
        return true;
    }

    private JsonToken openContainer(boolean object) {
        if (depth == MAX_DEPTH) {
            return fail(JsonError.TOO_DEEP, pos);
        }
        if (object) {
            objectBits |= 1L << depth;
        } else {
            objectBits &= ~(1L << depth);
        }
        depth++;
        tokenBegin = tokenStart = pos;
        tokenEnd = ++pos;
        tokenEscaped = false;
        state = object ? EXPECT_NAME_OR_END_OBJECT : EXPECT_VALUE_OR_END_ARRAY;
        return token = object ? JsonToken.START_OBJECT : JsonToken.START_ARRAY;
    }

    private JsonToken closeContainer(boolean object) {
        depth--;
        tokenBegin = tokenStart = pos;
        tokenEnd = ++pos;
        tokenEscaped = false;
        state = depth == 0 ? EXPECT_NOTHING : EXPECT_COMMA_OR_END;
        return token = object ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
    }

    private JsonToken afterScalar(JsonToken kind) {
        state = depth == 0 ? EXPECT_NOTHING : EXPECT_COMMA_OR_END;
        return token = kind;
    }

    private boolean inObject() {
        return (objectBits >>> (depth - 1) & 1L) != 0;
    }

    private void skipWhitespace() {
        while (pos < end) {
            byte b = buf[pos];
            if (b > ' ' || (b != ' ' && b != '\n' && b != '\r' && b != '\t')) {
                return;
            }
            pos++;
        }
    }

    private JsonToken fail(JsonError reason, int offset) {
        error = reason;
        errorOffset = offset;
        return token = JsonToken.ERROR;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }
}
