package io.ttquant.binance.json;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-pass reader reads exactly what it names or nothing: quoted decimals equal
 * {@link JsonCursor#parseDecimal}'s value whenever it accepts them and it accepts every plain
 * decimal that fits, wherever it stands in the buffer (eight-byte and byte-wise reads agree);
 * integers, strings, names and literals likewise; a refusal never moves the position and no input
 * makes it throw.
 */
class CompactJsonReaderTest {
    private final CompactJsonReader reader = new CompactJsonReader();

    @Test
    void shouldReadSpotAndFuturesDecimalsAtTheInstrumentScale() {
        assertThat(decimal("\"61837.63000000\"", 2)).isEqualTo(6_183_763L);
        assertThat(decimal("\"61837.63000000\"", 8)).isEqualTo(6_183_763_000_000L);
        assertThat(decimal("\"1.54698000\"", 5)).isEqualTo(154_698L);
        assertThat(decimal("\"0.00000000\"", 8)).isZero();
        assertThat(decimal("\"61800.20\"", 2)).isEqualTo(6_180_020L);
        assertThat(decimal("\"0.006\"", 3)).isEqualTo(6L);
        assertThat(decimal("\"100\"", 8)).isEqualTo(10_000_000_000L);
        assertThat(decimal("\"0.001\"", 6)).isEqualTo(1_000L);
    }

    @Test
    void shouldRefuseDecimalsThatAreNotExactOrNotPlain() {
        assertThat(decimal("\"61837.63000001\"", 2)).as("a non-zero digit beyond the scale").isEqualTo(-1);
        assertThat(decimal("\"1.546980001\"", 8)).isEqualTo(-1);
        for (String s : new String[] {"\"-1.5\"", "\"1.5e2\"", "\"01.5\"", "\".5\"", "\"1.\"", "\"\"", "\"1.5", "1.5", "\" 1\"",
            "\"1,5\"", "\"\\u0031\"", "\"1234567890123456789\""}) {
            assertThat(decimal(s, 0)).as(s).isEqualTo(-1);
            assertThat(reader.position()).as("position kept for %s", s).isZero();
        }
        assertThat(decimal("\"12345678901.5\"", 8)).as("needs 19 digits at scale 8").isEqualTo(-1);
        assertThat(decimal("\"1234567890.5\"", 8)).isEqualTo(123_456_789_050_000_000L);
    }

    @Test
    void shouldAgreeWithParseDecimalOnHundredsOfThousandsOfRandomDecimalsAnywhereInTheBuffer() {
        Random random = new Random(61_837);
        byte[] tails = "\",]}x0.5e\"".getBytes(StandardCharsets.US_ASCII);
        int accepted = 0;
        for (int n = 0; n < 300_000; n++) {
            StringBuilder digits = new StringBuilder();
            int intDigits = 1 + random.nextInt(random.nextInt(4) == 0 ? 20 : 8);
            for (int i = 0; i < intDigits; i++) {
                digits.append((char) ('0' + (i == 0 && intDigits > 1 && random.nextInt(8) != 0 ? 1 + random.nextInt(9)
                        : random.nextInt(10))));
            }
            int decimals = random.nextInt(5) == 0 ? -1 : random.nextInt(random.nextInt(4) == 0 ? 22 : 10);
            if (decimals >= 0) {
                digits.append('.');
                int significant = random.nextInt(decimals + 1);
                for (int i = 0; i < decimals; i++) {
                    digits.append(i < significant ? (char) ('0' + random.nextInt(10)) : '0');
                }
            }
            int scale = random.nextInt(5) == 0 ? random.nextInt(19) : random.nextInt(9);
            // Put it at a random offset with 0 to 20 bytes after it, so both the eight-byte and the byte-wise reads run.
            int before = random.nextInt(5);
            int after = random.nextInt(21);
            byte[] text = digits.toString().getBytes(StandardCharsets.US_ASCII);
            byte[] b = new byte[before + text.length + 2 + after];
            b[before] = '"';
            System.arraycopy(text, 0, b, before + 1, text.length);
            b[before + 1 + text.length] = '"';
            for (int i = 0; i < after; i++) {
                b[before + text.length + 2 + i] = tails[random.nextInt(tails.length)];
            }
            long expected = JsonCursor.parseDecimal(b, before + 1, before + 1 + text.length, scale);
            boolean fits = expected != JsonCursor.INVALID && intDigits + scale <= 18;
            reader.reset(b, before, b.length - before);
            long actual = reader.quotedDecimal(scale);
            if (fits) {
                accepted++;
                assertThat(actual).as("%s at scale %d", digits, scale).isEqualTo(expected);
                assertThat(reader.position()).isEqualTo(before + text.length + 2);
            } else {
                assertThat(actual).as("%s at scale %d", digits, scale).isEqualTo(-1);
                assertThat(reader.position()).isEqualTo(before);
            }
            if (expected != JsonCursor.INVALID && actual >= 0) {
                assertThat(new BigDecimal(digits.toString()).movePointRight(scale).longValueExact()).isEqualTo(actual);
            }
        }
        assertThat(accepted).as("most random decimals are exact and fit").isGreaterThan(100_000);
    }

    @Test
    void shouldCountAndConvertEightDigitsAtATimeLikeAByteLoop() {
        Random random = new Random(8);
        for (int n = 0; n < 200_000; n++) {
            byte[] b = new byte[8];
            for (int i = 0; i < 8; i++) {
                int kind = random.nextInt(10);
                b[i] = (byte) (kind < 7 ? '0' + random.nextInt(10) : kind < 9 ? random.nextInt(256) : "/:\"., 0"
                        .charAt(random.nextInt(7)));
            }
            long x = 0;
            for (int i = 7; i >= 0; i--) {
                x = (x << 8) | (b[i] & 0xFF);
            }
            int count = 0;
            while (count < 8 && b[count] >= '0' && b[count] <= '9') {
                count++;
            }
            assertThat(CompactJsonReader.digitCount(x)).as("%016x", x).isEqualTo(count);
            for (int k = 1; k <= count; k++) {
                long value = 0;
                for (int i = 0; i < k; i++) {
                    value = value * 10 + (b[i] - '0');
                }
                assertThat(CompactJsonReader.digitsValue(x, k)).isEqualTo(value);
            }
        }
        assertThat(CompactJsonReader.digitCount(0xFA39393939393939L)).as("a carry out of a non-digit").isEqualTo(7);
        assertThat(CompactJsonReader.digitsValue(0x3939393939393939L, 8)).isEqualTo(99_999_999L);
    }

    @Test
    void shouldReadUnsignedIntegersOfUpToEighteenDigitsWithoutLeadingZeros() {
        Random random = new Random(13);
        for (int n = 0; n < 100_000; n++) {
            int length = 1 + random.nextInt(24);
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < length; i++) {
                s.append((char) ('0' + random.nextInt(10)));
            }
            String tail = ",}] x.e".substring(random.nextInt(7)).substring(0, random.nextInt(3) == 0 ? 0 : 1);
            byte[] b = (s + tail + "        ".substring(random.nextInt(9))).getBytes(StandardCharsets.US_ASCII);
            reader.reset(b, 0, b.length);
            long actual = reader.unsignedLong();
            boolean valid = length <= 18 && (length == 1 || s.charAt(0) != '0');
            assertThat(actual).as(s.toString()).isEqualTo(valid ? Long.parseLong(s.toString()) : -1);
            assertThat(reader.position()).isEqualTo(valid ? length : 0);
        }
        assertThat(read("0,", CompactJsonReader::unsignedLong)).isZero();
        assertThat(read("-1,", CompactJsonReader::unsignedLong)).isEqualTo(-1);
        assertThat(read("999999999999999999}", CompactJsonReader::unsignedLong)).isEqualTo(999_999_999_999_999_999L);
    }

    @Test
    void shouldReadOnlyPlainStringsAndOneLetterNames() {
        assertThat(read("\"BTCUSDT\",", r -> r.string() ? r.stringEnd() - r.stringStart() : -1)).isEqualTo(7);
        assertThat(read("\"caf\u00e9\"", r -> r.string() ? 1 : -1)).as("UTF-8 passes").isEqualTo(1);
        for (String s : new String[] {"\"BTC\\u0055SDT\"", "\"a\u0001b\"", "\"open", "x\"", ""}) {
            assertThat(read(s, r -> r.string() ? 1 : -1)).as(s).isEqualTo(-1);
            assertThat(reader.position()).isZero();
        }
        assertThat(read("\"s\":\"", CompactJsonReader::oneLetterName)).isEqualTo('s');
        assertThat(reader.position()).isEqualTo(4);
        assertThat(read("\"A\":1", CompactJsonReader::oneLetterName)).isEqualTo('A');
        for (String s : new String[] {"\"0\":1", "\"\\\":1", "\"\"\":1", "\"pu\":1", "\"s\" :1", "\"s\"", "\"@\":1", "\"[\":1",
            "\"\u00e9\":1"}) {
            assertThat(read(s, CompactJsonReader::oneLetterName)).as(s).isEqualTo(-1);
            assertThat(reader.position()).isZero();
        }
    }

    @Test
    void shouldReadLiteralsAndSkipOnlySimpleScalars() {
        assertThat(read("true,", CompactJsonReader::bool)).isEqualTo(1);
        assertThat(read("false}", CompactJsonReader::bool)).isZero();
        assertThat(read("tru", CompactJsonReader::bool)).isEqualTo(-1);
        assertThat(read("True", CompactJsonReader::bool)).isEqualTo(-1);
        for (String s : new String[] {"\"MARKET\",", "12,", "0}", "true,", "false", "null,"}) {
            assertThat(read(s, r -> r.skipScalar() ? r.position() : -1)).as(s).isEqualTo(s.replaceAll("[,}]$", "").length());
        }
        for (String s : new String[] {"[1]", "{}", "-1", "nul", "\"a\\nb\"", "", "01"}) {
            assertThat(read(s, r -> r.skipScalar() ? 1 : -1)).as(s).isEqualTo(-1);
        }
        assertThat(read("{\"stream\":", r -> r.skip("{\"stream\":".getBytes(StandardCharsets.US_ASCII)) ? r.position() : -1))
                .isEqualTo(10);
        assertThat(read("{\"stream\"", r -> r.skip("{\"stream\":".getBytes(StandardCharsets.US_ASCII)) ? 1 : -1)).isEqualTo(-1);
        assertThat(read(" \n\r\t", r -> r.atEndAfterWhitespace() ? 1 : -1)).isEqualTo(1);
        assertThat(read(" x", r -> r.atEndAfterWhitespace() ? 1 : -1)).isEqualTo(-1);
    }

    @Test
    void shouldStepToTheNextOneLetterFieldOrTheClosingBraceAndNothingElse() {
        // Long enough for the eight-byte read, and at the very end for the byte-wise one.
        for (String pad : new String[] {"\"xxxxxxxx", ""}) {
            assertThat(read(",\"p\":\"1\"" + pad, CompactJsonReader::nextOneLetterField)).isEqualTo('p');
            assertThat(reader.position()).isEqualTo(5);
            assertThat(read("}}" + pad, CompactJsonReader::nextOneLetterField)).isZero();
            assertThat(reader.position()).isEqualTo(1);
            for (String s : new String[] {",\"pu\":1", ", \"p\":1", ",\"1\":2", ",\"p\" :1", "]", ",\"\u00e9\":1", ",{"}) {
                assertThat(read(s + pad, CompactJsonReader::nextOneLetterField)).as(s + pad).isEqualTo(-1);
                assertThat(reader.position()).isZero();
            }
        }
        assertThat(read(",\"Z\":", CompactJsonReader::nextOneLetterField)).isEqualTo('Z');
    }

    @Test
    void shouldSkipALiteralOnlyWhenAllOfItsBytesAreThere() {
        CompactJsonReader.Literal stream = new CompactJsonReader.Literal("{\"stream\":");
        CompactJsonReader.Literal one = new CompactJsonReader.Literal("{");
        CompactJsonReader.Literal sixteen = new CompactJsonReader.Literal("0123456789abcdef");
        for (String tail : new String[] {"\"btcusdt@bookTicker\",\"data\":{", ""}) {
            assertThat(read("{\"stream\":" + tail, r -> r.skip(stream) ? r.position() : -1)).isEqualTo(10);
            assertThat(read("{\"strean\":" + tail, r -> r.skip(stream) ? r.position() : -1)).isEqualTo(-1);
            assertThat(reader.position()).isZero();
            assertThat(read("{\"stream\"" + tail.replace(":", "="), r -> r.skip(stream) ? 1 : -1)).isEqualTo(-1);
            assertThat(read("{x" + tail, r -> r.skip(one) ? r.position() : -1)).isEqualTo(1);
            assertThat(read("0123456789abcdef" + tail, r -> r.skip(sixteen) ? r.position() : -1)).isEqualTo(16);
            assertThat(read("0123456789abcdeF" + tail, r -> r.skip(sixteen) ? 1 : -1)).isEqualTo(-1);
        }
        assertThat(stream.length()).isEqualTo(10);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CompactJsonReader.Literal("0123456789abcdefg"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNeverThrowOrOverrunOnRandomBytesAtAnyPosition() {
        Random random = new Random(99);
        byte[] alphabet = "0123456789.\"\\,:{}[]-etrufalsn \u0001".getBytes(StandardCharsets.US_ASCII);
        for (int n = 0; n < 50_000; n++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextBoolean() ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
            }
            int off = b.length == 0 ? 0 : random.nextInt(b.length);
            int len = random.nextInt(b.length - off + 1);
            reader.reset(b, off, len);
            for (int step = 0; step < 12 && reader.position() < off + len; step++) {
                int before = reader.position();
                boolean moved = switch (random.nextInt(8)) {
                    case 0 -> reader.quotedDecimal(random.nextInt(19)) >= 0;
                    case 1 -> reader.unsignedLong() >= 0;
                    case 2 -> reader.string();
                    case 3 -> reader.oneLetterName() >= 0;
                    case 4 -> reader.bool() >= 0;
                    case 5 -> reader.skipScalar();
                    case 6 -> reader.nextOneLetterField() >= 0;
                    default -> reader.skip(b.length > 0 ? b[random.nextInt(b.length)] : (byte) 0);
                };
                assertThat(reader.position()).isBetween(off, off + len);
                if (!moved) {
                    assertThat(reader.position()).isEqualTo(before);
                    reader.skip(b[before]);
                }
            }
        }
    }

    private long decimal(String text, int scale) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        reader.reset(b, 0, b.length);
        return reader.quotedDecimal(scale);
    }

    private interface Read {
        long apply(CompactJsonReader r);
    }

    private long read(String text, Read read) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        reader.reset(b, 0, b.length);
        return read.apply(reader);
    }
}
