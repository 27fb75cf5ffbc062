package io.ttquant.binance.json;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading an object's wanted fields in any order, and an envelope's payload in the same walk. */
class JsonObjectIndexTest {
    private final JsonObjectIndex index = new JsonObjectIndex("p", "q", "m", "b", "lastUpdateId");
    private final int p = index.slot("p");
    private final int q = index.slot("q");
    private final int m = index.slot("m");
    private final int b = index.slot("b");
    private final int lastUpdateId = index.slot("lastUpdateId");
    private final JsonCursor cursor = new JsonCursor();

    private boolean scan(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        cursor.reset(bytes, 0, bytes.length);
        cursor.next();
        return index.scan(cursor);
    }

    @Test
    void shouldFindWantedFieldsInAnyOrderAndSkipTheRest() {
        assertThat(scan("{\"x\":{\"p\":\"9\"},\"q\":\"0.50\",\"b\":[[\"1\",\"2\"]],\"lastUpdateId\":160,\"p\":\"25.3519\",\"y\":[]}")).isTrue();
        assertThat(index.decimal(p, 4)).isEqualTo(253_519L);
        assertThat(index.decimal(q, 2)).isEqualTo(50L);
        assertThat(index.longValue(lastUpdateId)).isEqualTo(160L);
        assertThat(index.type(b)).isEqualTo(JsonToken.START_ARRAY);
        assertThat(index.has(m)).isFalse();
        assertThat(index.type(m)).isNull();
        assertThat(cursor.token()).isEqualTo(JsonToken.END_OBJECT);
        assertThat(cursor.next()).isEqualTo(JsonToken.END);
    }

    @Test
    void shouldOpenAContainerValueAsItsOwnDocument() {
        scan("{\"b\":[[\"61737.63\",\"0.5\"]],\"p\":1}");
        JsonCursor values = new JsonCursor();
        assertThat(index.open(b, values)).isEqualTo(JsonToken.START_ARRAY);
        assertThat(values.next()).isEqualTo(JsonToken.START_ARRAY);
        values.next();
        assertThat(values.decimalValue(2)).isEqualTo(6_173_763L);
        values.next();
        assertThat(values.decimalValue(1)).isEqualTo(5L);
        assertThat(values.next()).isEqualTo(JsonToken.END_ARRAY);
        assertThat(values.next()).isEqualTo(JsonToken.END_ARRAY);
        assertThat(values.next()).isEqualTo(JsonToken.END);
        assertThat(index.open(m, values)).isNull();
    }

    @Test
    void shouldIndexANestedObjectInTheSameWalkWhereverItStands() {
        JsonObjectIndex envelope = new JsonObjectIndex("stream", "data");
        int data = envelope.slot("data");
        for (String json : new String[] {
            "{\"stream\":\"btcusdt@trade\",\"data\":{\"p\":\"1.5\",\"m\":true}}",
            "{\"data\":{\"m\":true,\"p\":\"1.5\"},\"stream\":\"btcusdt@trade\"}"}) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            cursor.reset(bytes, 0, bytes.length);
            cursor.next();
            assertThat(envelope.scan(cursor, data, index)).isTrue();
            assertThat(cursor.next()).isEqualTo(JsonToken.END);
            assertThat(envelope.type(data)).isEqualTo(JsonToken.START_OBJECT);
            assertThat(envelope.stringEquals(envelope.slot("stream"), "btcusdt@trade".getBytes(StandardCharsets.US_ASCII))).isTrue();
            assertThat(index.decimal(p, 1)).isEqualTo(15L);
            assertThat(index.type(m)).isEqualTo(JsonToken.TRUE);
        }
    }

    @Test
    void shouldForgetFieldsOfThePreviousObject() {
        scan("{\"p\":\"1\",\"m\":true}");
        assertThat(index.has(m)).isTrue();
        scan("{\"p\":\"2\"}");
        assertThat(index.has(m)).isFalse();
        assertThat(index.decimal(p, 0)).isEqualTo(2L);
    }

    @Test
    void shouldKeepTheLastValueOfARepeatedField() {
        scan("{\"p\":\"1\",\"p\":\"2\"}");
        assertThat(index.decimal(p, 0)).isEqualTo(2L);
    }

    @Test
    void shouldCompareStringsWithoutDecodingAndRejectWrongKinds() {
        scan("{\"p\":\"trade\",\"q\":true,\"m\":\"tr\\u0061de\"}");
        byte[] trade = "trade".getBytes(StandardCharsets.US_ASCII);
        assertThat(index.stringEquals(p, trade)).isTrue();
        assertThat(index.stringEquals(m, trade)).isFalse();
        assertThat(index.decimal(q, 0)).isEqualTo(JsonCursor.INVALID);
        assertThat(index.decimal(b, 0)).isEqualTo(JsonCursor.INVALID);
    }

    @Test
    void shouldFailOnInvalidJsonInsideTheObject() {
        assertThat(scan("{\"p\":\"1\",\"x\":[1,}")).isFalse();
        assertThat(cursor.error()).isEqualTo(JsonError.UNEXPECTED_BYTE);
        assertThat(scan("{\"p\":\"1\"")).isFalse();
        assertThat(cursor.error()).isEqualTo(JsonError.TRUNCATED);
    }

    @Test
    void shouldRefuseANameListedTwiceOrAnUnknownSlot() {
        assertThatThrownBy(() -> new JsonObjectIndex("a", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.slot("zz")).isInstanceOf(IllegalArgumentException.class);
    }
}
