package io.ttquant.binance.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.ttquant.binance.json.JsonToken.END;
import static io.ttquant.binance.json.JsonToken.END_ARRAY;
import static io.ttquant.binance.json.JsonToken.END_OBJECT;
import static io.ttquant.binance.json.JsonToken.ERROR;
import static io.ttquant.binance.json.JsonToken.FALSE;
import static io.ttquant.binance.json.JsonToken.FIELD_NAME;
import static io.ttquant.binance.json.JsonToken.NULL;
import static io.ttquant.binance.json.JsonToken.NUMBER;
import static io.ttquant.binance.json.JsonToken.START_ARRAY;
import static io.ttquant.binance.json.JsonToken.START_OBJECT;
import static io.ttquant.binance.json.JsonToken.STRING;
import static io.ttquant.binance.json.JsonToken.TRUE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cursor's tokens and byte ranges, its validation (each kind of malformed text gives its error
 * code, never an exception) and its exact fixed-point number reading.
 */
class JsonCursorTest {
    private final JsonCursor cursor = new JsonCursor();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<JsonToken> tokens(String json) {
        byte[] b = bytes(json);
        cursor.reset(b, 0, b.length);
        List<JsonToken> out = new ArrayList<>();
        for (int i = 0; i <= b.length + 1; i++) {
            JsonToken t = cursor.next();
            out.add(t);
            if (t == END || t == ERROR) {
                return out;
            }
        }
        throw new AssertionError("cursor did not finish within " + (b.length + 2) + " tokens: " + out);
    }

    private String text() {
        return new String(cursor.buffer(), cursor.tokenStart(), cursor.tokenLength(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldWalkEveryKindOfTokenInDocumentOrder() {
        assertThat(tokens(" {\"a\": [1, -2.5e3, \"x\", true, false, null, {}, []], \"b\":{\"c\":\"d\"}} "))
                .containsExactly(START_OBJECT, FIELD_NAME, START_ARRAY, NUMBER, NUMBER, STRING, TRUE, FALSE, NULL,
                        START_OBJECT, END_OBJECT, START_ARRAY, END_ARRAY, END_ARRAY,
                        FIELD_NAME, START_OBJECT, FIELD_NAME, STRING, END_OBJECT, END_OBJECT, END);
    }

    @Test
    void shouldExposeTheContentRangeOfNamesStringsAndNumbers() {
        byte[] b = bytes("{\"price\":\"61837.63000000\",\"id\":3735683259}");
        cursor.reset(b, 0, b.length);
        cursor.next();
        assertThat(cursor.next()).isEqualTo(FIELD_NAME);
        assertThat(text()).isEqualTo("price");
        assertThat(cursor.tokenEquals(bytes("price"))).isTrue();
        assertThat(cursor.tokenEquals(bytes("pric"))).isFalse();
        assertThat(cursor.next()).isEqualTo(STRING);
        assertThat(text()).isEqualTo("61837.63000000");
        assertThat(cursor.tokenBegin()).isEqualTo(cursor.tokenStart() - 1);
        assertThat(cursor.position()).isEqualTo(cursor.tokenEnd() + 1);
        assertThat(cursor.decimalValue(2)).isEqualTo(6_183_763L);
        cursor.next();
        assertThat(cursor.next()).isEqualTo(NUMBER);
        assertThat(cursor.longValue()).isEqualTo(3_735_683_259L);
        assertThat(cursor.next()).isEqualTo(END_OBJECT);
        assertThat(cursor.next()).isEqualTo(END);
        assertThat(cursor.next()).isEqualTo(END);
    }

    @Test
    void shouldReadOnlyTheGivenSliceOfTheBuffer() {
        byte[] b = bytes("xx{\"a\":1}yy");
        cursor.reset(b, 2, 7);
        assertThat(cursor.next()).isEqualTo(START_OBJECT);
        assertThat(cursor.skipValue()).isTrue();
        assertThat(cursor.next()).isEqualTo(END);
    }

    @Test
    void shouldNeverMatchAConstantAgainstAnEscapedString() {
        byte[] b = bytes("[\"tr\\u0061de\",\"trade\"]");
        cursor.reset(b, 0, b.length);
        cursor.next();
        assertThat(cursor.next()).isEqualTo(STRING);
        assertThat(cursor.tokenEscaped()).isTrue();
        assertThat(cursor.tokenEquals(bytes("trade"))).isFalse();
        assertThat(cursor.next()).isEqualTo(STRING);
        assertThat(cursor.tokenEscaped()).isFalse();
        assertThat(cursor.tokenEquals(bytes("trade"))).isTrue();
    }

    @Test
    void shouldSkipNestedValuesToTheirMatchingEnd() {
        byte[] b = bytes("{\"skip\":{\"a\":[[1,2],[3,{\"b\":[]}]],\"c\":\"}]\"},\"keep\":7}");
        cursor.reset(b, 0, b.length);
        cursor.next();
        cursor.next();
        assertThat(cursor.skipValue()).isTrue();
        assertThat(cursor.token()).isEqualTo(END_OBJECT);
        assertThat(cursor.depth()).isEqualTo(1);
        assertThat(cursor.next()).isEqualTo(FIELD_NAME);
        assertThat(text()).isEqualTo("keep");
        assertThat(cursor.skipValue()).isTrue();
        assertThat(cursor.token()).isEqualTo(NUMBER);
        assertThat(cursor.longValue()).isEqualTo(7);
    }

    @Test
    void shouldReportASkipThroughBrokenJsonAsFailure() {
        byte[] b = bytes("{\"skip\":{\"a\":[1,2}");
        cursor.reset(b, 0, b.length);
        cursor.next();
        cursor.next();
        cursor.next();
        assertThat(cursor.skipValue()).isFalse();
        assertThat(cursor.error()).isEqualTo(JsonError.UNEXPECTED_BYTE);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"e\":\"trade\",                | TRUNCATED",
        "{\"e\":\"tra                     | TRUNCATED",
        "{\"e\":\"trade\\                 | TRUNCATED",
        "{\"e\":tru                       | TRUNCATED",
        "[1.                              | TRUNCATED",
        "[\"\\u12                         | TRUNCATED",
        "''                               | TRUNCATED",
        "{\"e\" \"trade\"}                | UNEXPECTED_BYTE",
        "{\"e\":\"trade\",}               | UNEXPECTED_BYTE",
        "[1,]                             | UNEXPECTED_BYTE",
        "{e:1}                            | UNEXPECTED_BYTE",
        "[1 2]                            | UNEXPECTED_BYTE",
        "{\"a\":1]                        | UNEXPECTED_BYTE",
        "[1}                              | UNEXPECTED_BYTE",
        "garbage                          | UNEXPECTED_BYTE",
        "[\"\\x\"]                        | BAD_STRING",
        "[\"\\u12G4\"]                    | BAD_STRING",
        "[01]                             | BAD_NUMBER",
        "[-]                              | BAD_NUMBER",
        "[1.e5]                           | BAD_NUMBER",
        "[1e+]                            | BAD_NUMBER",
        "[nul]                            | BAD_LITERAL",
        "[True]                           | UNEXPECTED_BYTE",
        "{\"a\":1} x                      | TRAILING_DATA",
        "{}{}                             | TRAILING_DATA",
        "1 2                              | TRAILING_DATA",
    })
    void shouldReportMalformedJsonAsAnErrorCodeNeverAnException(String json, JsonError expected) {
        List<JsonToken> walked = tokens(json);
        assertThat(walked).last().isEqualTo(ERROR);
        assertThat(cursor.error()).isEqualTo(expected);
        assertThat(cursor.errorOffset()).isBetween(0, json.length());
        assertThat(cursor.next()).as("errors are sticky").isEqualTo(ERROR);
    }

    @Test
    void shouldRejectSingleQuotedNames() {
        assertThat(tokens("{'e':1}")).last().isEqualTo(ERROR);
        assertThat(cursor.error()).isEqualTo(JsonError.UNEXPECTED_BYTE);
    }

    @Test
    void shouldRejectARawControlCharacterInsideAString() {
        assertThat(tokens("[\"a\tb\"]")).last().isEqualTo(ERROR);
        assertThat(cursor.error()).isEqualTo(JsonError.BAD_STRING);
    }

    @Test
    void shouldAcceptEveryDocumentedEscape() {
        assertThat(tokens("[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00\"]"))
                .containsExactly(START_ARRAY, STRING, END_ARRAY, END);
    }

    @Test
    void shouldAcceptNestingUpToTheLimitAndRejectDeeper() {
        String ok = "[".repeat(JsonCursor.MAX_DEPTH) + "]".repeat(JsonCursor.MAX_DEPTH);
        assertThat(tokens(ok)).last().isEqualTo(END);
        String deep = "[".repeat(JsonCursor.MAX_DEPTH + 1) + "]".repeat(JsonCursor.MAX_DEPTH + 1);
        assertThat(tokens(deep)).last().isEqualTo(ERROR);
        assertThat(cursor.error()).isEqualTo(JsonError.TOO_DEEP);
    }

    @Test
    void shouldTrackObjectsAndArraysAcrossDeepAlternatingNesting() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append(i % 2 == 0 ? "{\"k\":" : "[");
        }
        sb.append("1");
        for (int i = 39; i >= 0; i--) {
            sb.append(i % 2 == 0 ? "}" : "]");
        }
        assertThat(tokens(sb.toString())).last().isEqualTo(END);
    }

    @Test
    void shouldAcceptAScalarAsTheRootValue() {
        assertThat(tokens(" 42 ")).containsExactly(NUMBER, END);
        assertThat(tokens("\"x\"")).containsExactly(STRING, END);
    }

    @ParameterizedTest(name = "{0} at scale {1} = {2}")
    @CsvSource({
        "61837.63000000, 2, 6183763",
        "0.02000000, 5, 2000",
        "0.00000001, 8, 1",
        "25.35190000, 4, 253519",
        "100, 2, 10000",
        "0, 8, 0",
        "-0, 2, 0",
        "-1.5, 1, -15",
        "1e2, 0, 100",
        "1.5E-1, 2, 15",
        "12300e-2, 0, 123",
        "0.000e999999999999, 2, 0",
        "9223372036854775807, 0, 9223372036854775807",
        "922337203685477580.7, 1, 9223372036854775807",
        "-9223372036854775807, 0, -9223372036854775807",
        "0.1, 18, 100000000000000000",
    })
    void shouldReadDecimalsExactlyAtTheScale(String text, int scale, long expected) {
        byte[] b = bytes(text);
        assertThat(JsonCursor.parseDecimal(b, 0, b.length, scale)).isEqualTo(expected);
        byte[] quoted = bytes("\"" + text + "\"");
        cursor.reset(quoted, 0, quoted.length);
        assertThat(cursor.next()).isEqualTo(STRING);
        assertThat(cursor.decimalValue(scale)).isEqualTo(expected);
        cursor.reset(b, 0, b.length);
        assertThat(cursor.next()).isEqualTo(NUMBER);
        assertThat(cursor.decimalValue(scale)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} at scale 2 is invalid")
    @ValueSource(strings = {
        "61837.635", "0.001", "1e-3", "9223372036854775808", "92233720368547758.08", "1e19", "abc", "", " 1", "1 ",
        "+1", "01", "1.", ".5", "-", "1e", "1e+", "NaN", "Infinity", "0x10", "1,5", "1.2.3", "--1", "\\u0031"})
    void shouldRejectDecimalsThatAreNotExactNumbersAtTheScale(String text) {
        byte[] b = bytes(text);
        assertThat(JsonCursor.parseDecimal(b, 0, b.length, 2)).isEqualTo(JsonCursor.INVALID);
    }

    @Test
    void shouldRejectScalesOutsideTheLongRange() {
        byte[] b = bytes("1");
        assertThat(JsonCursor.parseDecimal(b, 0, 1, 19)).isEqualTo(JsonCursor.INVALID);
        assertThat(JsonCursor.parseDecimal(b, 0, 1, -1)).isEqualTo(JsonCursor.INVALID);
    }

    @Test
    void shouldReadNumbersOnlyFromNumberAndStringTokens() {
        byte[] b = bytes("[true,null,{},\"12\",\"1\\u0032\"]");
        cursor.reset(b, 0, b.length);
        cursor.next();
        cursor.next();
        assertThat(cursor.decimalValue(0)).isEqualTo(JsonCursor.INVALID);
        cursor.next();
        assertThat(cursor.longValue()).isEqualTo(JsonCursor.INVALID);
        cursor.next();
        assertThat(cursor.longValue()).isEqualTo(JsonCursor.INVALID);
        cursor.next();
        cursor.next();
        assertThat(cursor.longValue()).isEqualTo(12);
        cursor.next();
        assertThat(cursor.longValue()).as("escaped digits are not a number").isEqualTo(JsonCursor.INVALID);
    }

    @Test
    void shouldStartOverCleanlyAfterAnError() {
        assertThat(tokens("{\"a\":")).last().isEqualTo(ERROR);
        assertThat(tokens("{\"a\":1}")).containsExactly(START_OBJECT, FIELD_NAME, NUMBER, END_OBJECT, END);
        assertThat(cursor.error()).isEqualTo(JsonError.NONE);
    }
}
